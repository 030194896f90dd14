// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { Snapshot } from '../../../lib/domain';
import { AERIES_PROFILE, AERIES_URLS, aeriesAdapter } from '../../../lib/adapters/aeries';
import { parseHtml } from '../../fixtures/generic/parse-html';

const fixture = (name: string) => parseHtml(readFileSync(resolve(process.cwd(), 'test/fixtures/aeries', name), 'utf8'));

describe('Aeries starting profile (commercial-sis-facts.md §1)', () => {
  test('is unverified and keys on data-tcfc codes only', () => {
    expect(aeriesAdapter.verified).toBe(false);
    expect(AERIES_PROFILE.pages.flatMap((p) => Object.values(p.fields).map((f) => f.selector))).toEqual([
      "td[data-tcfc='STU.LN']",
      "td[data-tcfc='STU.FN']",
      "td[data-tcfc='STU.BD']",
    ]);
  });

  test('reads the current student from the first STU.ID data-row cell, names and birth date from inputs', () => {
    const doc = fixture('demographics.html');
    const url = new URL(AERIES_URLS.match[0]);
    expect(aeriesAdapter.detect(url, doc)).toBe('student');
    const { snapshot, anchors } = aeriesAdapter.read(doc, url);
    Snapshot.parse(snapshot);
    const { provenance, ...student } = snapshot.students[0]!;
    expect(student).toEqual({ id: '100234', name: 'Jordan Rivera', birthDate: '2017-03-14' });
    expect(provenance).toMatchObject({
      id: "selector div.data-row > div[data-tcfc='STU.ID']",
      birthDate: "selector td[data-tcfc='STU.BD']",
    });
    expect(snapshot.focus).toEqual({ kind: 'student', id: '100234' });
    expect(anchors).toHaveLength(1);
  });

  test('not recognized without the STU.ID cell, on the portal, or on other hosts', () => {
    const doc = fixture('demographics.html');
    expect(
      aeriesAdapter.detect(
        new URL(AERIES_URLS.match[0]),
        parseHtml('<table><tr><td data-tcfc="STU.LN">x</td></tr></table>'),
      ),
    ).toBeNull();
    for (const u of AERIES_URLS.noMatch) expect(aeriesAdapter.detect(new URL(u), doc)).toBeNull();
  });
});

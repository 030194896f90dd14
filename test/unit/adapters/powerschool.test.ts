// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { Snapshot } from '../../../lib/domain';
import { POWERSCHOOL_URLS, powerSchoolAdapter } from '../../../lib/adapters/powerschool';
import { parseHtml } from '../../fixtures/generic/parse-html';

const fixture = (name: string) =>
  parseHtml(readFileSync(resolve(process.cwd(), 'test/fixtures/powerschool', name), 'utf8'));

describe('PowerSchool starting profile (commercial-sis-facts.md §2)', () => {
  test('a student page is /admin/students/*.html?frn=001… with ul#std_information; the id is the frn', () => {
    const doc = fixture('specialprograms.html');
    const url = new URL(POWERSCHOOL_URLS.match[0]);
    expect(powerSchoolAdapter.verified).toBe(false);
    expect(powerSchoolAdapter.detect(url, doc)).toBe('student');
    const { snapshot } = powerSchoolAdapter.read(doc, url);
    Snapshot.parse(snapshot);
    expect(snapshot.focus).toEqual({ kind: 'student', id: '0011234' });
    expect(snapshot.students[0]).toMatchObject({ id: '0011234', provenance: { id: 'url frn' } });
  });

  test('special-education fields are read by the generic synonyms inside div.box-round (district layouts vary)', () => {
    // A hypothetical district custom page: the facts give no labels, so this only shows the synonym path works.
    const doc = parseHtml(`<ul id="std_information"></ul><div class="box-round"><table class="linkDescList">
      <tr><th>Primary Disability</th><td>290 - SLD</td></tr><tr><th>Case Manager</th><td>Maria Gonzalez</td></tr></table></div>
      <nav>Case Manager: Not This One</nav>`);
    const { snapshot } = powerSchoolAdapter.read(doc, new URL(POWERSCHOOL_URLS.match[2]));
    expect(snapshot.students[0]).toMatchObject({
      id: '0011234',
      primaryDisability: '290 - SLD',
      caseManager: { name: 'Maria Gonzalez' },
    });
  });

  test('not recognized without the student menu or off student pages', () => {
    const doc = fixture('specialprograms.html');
    expect(
      powerSchoolAdapter.detect(new URL(POWERSCHOOL_URLS.match[0]), parseHtml('<div class="box-round"></div>')),
    ).toBeNull();
    for (const u of POWERSCHOOL_URLS.noMatch) expect(powerSchoolAdapter.detect(new URL(u), doc)).toBeNull();
  });
});

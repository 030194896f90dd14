// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { Snapshot } from '../../../lib/domain';
import { SEIS_URLS, seisAdapter } from '../../../lib/adapters/seis';
import { parseHtml } from '../../fixtures/generic/parse-html';

const fixture = (name: string) => parseHtml(readFileSync(resolve(process.cwd(), 'test/fixtures/seis', name), 'utf8'));

describe('SEIS starting profile (commercial-sis-facts.md §3)', () => {
  test('services page: sidebar "Label: value" text and "#n code name" service lines', () => {
    const doc = fixture('services.html');
    const url = new URL(SEIS_URLS.match[0]);
    expect(seisAdapter.verified).toBe(false);
    expect(seisAdapter.detect(url, doc)).toBe('student');
    const { snapshot } = seisAdapter.read(doc, url);
    Snapshot.parse(snapshot);
    const { provenance, ...student } = snapshot.students[0]!;
    expect(student).toEqual({
      id: '1000123',
      name: 'Jordan Rivera',
      grade: '3',
      birthDate: '2017-03-14',
      school: 'Lincoln Elementary',
      caseManager: { name: 'Maria Gonzalez' },
      services: [
        { code: '330', name: 'Specialized Academic Instruction' },
        { code: '415', name: 'Language and Speech' },
      ],
      iep: { lastMeeting: '2026-10-02', nextAnnual: '2027-10-01' },
    });
    expect(provenance).toMatchObject({ id: 'label "SEIS ID"', iepNextAnnual: 'label "Future IEP Date"' });
  });

  test('goals page: the other label wordings ("Next IEP:", "IEP Date:"), services left unknown', () => {
    const { snapshot } = seisAdapter.read(fixture('goals.html'), new URL(SEIS_URLS.match[1]));
    Snapshot.parse(snapshot);
    const { provenance: _, ...student } = snapshot.students[0]!;
    expect(student).toEqual({
      id: '1000789',
      name: 'Sofia Martinez',
      grade: '1',
      birthDate: '2019-05-02',
      caseManager: { name: 'Priya Patel' },
      iep: { lastMeeting: '2026-09-12', nextAnnual: '2027-09-11' },
    });
  });

  test('before the SPA has rendered (no SEIS ID) nothing is read, with a diagnostic', () => {
    const { snapshot } = seisAdapter.read(parseHtml('<div ng-app="seis">Loading…</div>'), new URL(SEIS_URLS.match[0]));
    expect(snapshot.students).toEqual([]);
    expect(snapshot.diagnostics[0]).toMatchObject({ level: 'warning' });
  });

  test('not recognized off /state/goals and /state/services or off seis.org', () => {
    for (const u of SEIS_URLS.noMatch) expect(seisAdapter.detect(new URL(u), fixture('services.html'))).toBeNull();
  });
});

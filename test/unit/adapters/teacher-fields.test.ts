// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { renderPage } from '../../../demo-sis/render';
import { demoSisAdapter } from '../../../lib/adapters/profiles/demo-sis';
import { matchField } from '../../../lib/adapters/generic/match';
import { Snapshot } from '../../../lib/domain';

const ORIGIN = 'http://127.0.0.1:4400';
const read = (path: string) => {
  const url = new URL(path, ORIGIN);
  const doc = new DOMParser().parseFromString(renderPage(url).html, 'text/html');
  const { snapshot } = demoSisAdapter.read(doc, url);
  expect(() => Snapshot.parse(snapshot)).not.toThrow();
  return snapshot.students[0];
};

describe('the generic reader reads transfer, 504 and teacher fields by their labels', () => {
  it('reads the entry date and "transferred with an IEP" on the demo SIS', () => {
    const s = read('/students/1032');
    expect(s).toMatchObject({ entryDate: '2026-11-16', transferredWithIep: true });
    expect(s!.accommodations).toEqual([
      'Preferential seating near instruction',
      'Extended time (1.5x) on tests and assignments',
    ]);
    expect(s!.supports).toEqual(['Check-in with case manager each Monday']);
    expect(s!.provenance?.entryDate).toMatch(/District Entry Date/);
  });

  it('reads accommodations, modifications, supports and testing accommodations as lists', () => {
    const s = read('/students/1033');
    expect(s!.accommodations).toEqual(['Visual schedule', 'Breaks on request', 'Directions given one step at a time']);
    expect(s!.modifications).toEqual(['Reduced number of items per assignment']);
    expect(s!.testingAccommodations).toEqual(['Separate setting', 'Text-to-speech for math']);
    expect(s!.entryDate).toBeUndefined();
  });

  it('a student whose page shows none of them has none', () => {
    const s = read('/students/1001');
    expect(s!.accommodations).toBeUndefined();
    expect(s!.transferredWithIep).toBeUndefined();
  });

  it('matches the wordings SIS pages use', () => {
    expect(matchField('Next 504 Review Date')).toBe('plan504Review');
    expect(matchField('Section 504 Review')).toBe('plan504Review');
    expect(matchField('504 Plan Re-evaluation')).toBe('plan504Review');
    expect(matchField('Enrollment Date')).toBe('entryDate');
    expect(matchField('Transfer Student With IEP')).toBe('transferredWithIep');
    expect(matchField('IEP Transfer From')).toBe('transferredWithIep');
    expect(matchField('CAASPP Testing Accommodations')).toBe('testingAccommodations');
    expect(matchField('Classroom Accommodations')).toBe('accommodations');
    expect(matchField('Supplementary Aids and Services')).toBe('supports');
    // Still what they were
    expect(matchField('Degree of Support')).toBe('supportLevel');
    expect(matchField('Next Triennial')).toBe('iepNextTriennial');
  });
});

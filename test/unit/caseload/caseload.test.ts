import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  caseloadCsv,
  caseloadRows,
  filterCaseload,
  groupByCaseManager,
  sortCaseload,
} from '../../../lib/district/caseload';
import type { Note, NoteContent } from '../../../lib/notes/schema';
import { AS_OF, finding, findingRow, NOW, SITE, staffRow, studentRow } from '../district/helpers';

const DAY = 86_400_000;
const content = (over: Partial<NoteContent>): NoteContent => ({
  type: 'contact',
  with: 'parent',
  withName: '',
  mode: 'phone',
  outcome: 'reached',
  at: '2026-11-01T09:00',
  text: 'x',
  followUp: null,
  private: false,
  ...over,
});
const note = (studentId: string, over: Partial<NoteContent>, extra: Partial<Note> = {}): Note => ({
  id: `${studentId}-${over.at ?? 'n'}-${Math.random()}`,
  site: SITE,
  studentId,
  versions: [{ ...content(over), by: 'me', savedAt: NOW }],
  followUpDoneAt: null,
  deletedAt: null,
  ...extra,
});

const input = {
  staff: [staffRow({ id: 'T1', name: 'Maria Gonzalez' }), staffRow({ id: 'T2', name: 'Priya Patel' })],
  students: [
    studentRow({
      id: '1',
      name: 'Ana',
      caseManager: { staffId: 'T1' },
      services: [
        { code: '330', name: 'Specialized Academic Instruction', providerStaffId: 'T1' },
        { code: '415', providerName: 'Priya Patel' },
      ],
      iep: { nextAnnual: '2026-12-05', nextTriennial: '2028-01-01' },
    }),
    studentRow(
      { id: '2', name: 'Ben', caseManager: { name: 'Priya Patel' }, iep: { nextAnnual: '2027-06-01' } },
      { seenAt: NOW - 3 * DAY - 1000, url: 'import:students.csv' },
    ),
    studentRow({ id: '3', name: 'Cy', caseManager: { name: 'Unknown Person' } }),
    studentRow({ id: '4', name: 'Dee' }),
  ],
  findings: [
    findingRow('student', '1', [finding('student', '1', 'CM_NOT_AUTHORIZED')]),
    findingRow('staff', 'T1', [finding('staff', 'T1', 'X')]),
  ],
  notes: [
    note('1', { at: '2026-11-10T09:00', followUp: '2026-12-01' }),
    note('1', { at: '2026-11-15T09:00', followUp: '2026-11-28' }),
    note('1', { at: '2026-11-20T09:00', private: true, followUp: '2026-11-24' }),
    note('1', { at: '2026-11-21T09:00' }, { deletedAt: NOW }),
    note('1', { at: '2026-11-02T09:00', followUp: '2026-11-25' }, { followUpDoneAt: NOW }),
  ],
};

describe('caseloadRows', () => {
  const rows = caseloadRows(input, { asOf: AS_OF, now: NOW });

  it('lists every student, with dates, services, findings, contact, freshness and source', () => {
    expect(rows.map((r) => r.id)).toEqual(['1', '2', '3', '4']);
    const ana = rows[0];
    expect(ana).toMatchObject({
      caseManagerKey: `${SITE}|T1`,
      caseManagerName: 'Maria Gonzalez',
      nextAnnual: '2026-12-05',
      nextTriennial: '2028-01-01',
      severity: 'error',
      // Private and deleted notes do not count; a done follow-up is not open.
      lastContact: '2026-11-15',
      nextFollowUp: '2026-11-28',
      seenDays: 0,
      source: `${SITE}/students/1`,
    });
    expect(ana!.due).toMatchObject({ code: 'IEP_ANNUAL', due: '2026-12-05', label: expect.stringMatching(/12 days/) });
    // My caseload shows the schedule-by date with the due date (IEP_SCHEDULE_BY): 30 days before, passed.
    expect(ana!.due).toMatchObject({
      scheduleBy: '2026-11-05',
      label: expect.stringMatching(/ · schedule now, \d+ days late$/),
    });
    expect(ana!.services).toEqual([
      { service: '330 - Specialized Academic Instruction', provider: 'Maria Gonzalez' },
      { service: '415', provider: 'Priya Patel' },
    ]);
    expect(rows[1]).toMatchObject({
      caseManagerKey: `${SITE}|T2`,
      seenDays: 3,
      source: 'import: students.csv',
      lastContact: null,
    });
    expect(rows[2]).toMatchObject({ caseManagerKey: null, caseManagerName: 'Unknown Person', noCaseManager: false });
    expect(rows[3]).toMatchObject({ caseManagerKey: null, caseManagerName: '', noCaseManager: true });
  });

  it('keeps the student with no case manager in "everyone", first, in a group of its own', () => {
    const groups = groupByCaseManager(sortCaseload(rows, 'name'));
    expect(groups[0]).toMatchObject({ name: 'No case manager', none: true });
    expect(groups[0]!.rows.map((r) => r.id)).toEqual(['4']);
    // A case manager whose record is not known is still a case manager, not "no case manager".
    expect(groups.find((g) => g.name === 'Unknown Person')?.none).toBe(false);
    // Whoever comes first by name, the group with no case manager stays on top.
    const zed = caseloadRows(
      {
        ...input,
        students: [...input.students, studentRow({ id: '5', name: 'Aaron', caseManager: { staffId: '', name: '' } })],
      },
      { asOf: AS_OF, now: NOW },
    );
    expect(
      groupByCaseManager(zed)[0]!
        .rows.map((r) => r.id)
        .sort(),
    ).toEqual(['4', '5']);
  });

  it('shows only my students once I say who I am', () => {
    expect(caseloadRows(input, { asOf: AS_OF, now: NOW, me: `${SITE}|T2` }).map((r) => r.id)).toEqual(['2']);
    expect(caseloadRows(input, { asOf: AS_OF, now: NOW, me: `${SITE}|T1` }).map((r) => r.id)).toEqual(['1']);
  });

  it('sorts (unknown dates last either way), filters and groups', () => {
    expect(sortCaseload(rows, 'nextAnnual').map((r) => r.id)).toEqual(['1', '2', '3', '4']);
    expect(sortCaseload(rows, 'nextAnnual', 'desc').map((r) => r.id)).toEqual(['3', '4', '2', '1']);
    expect(sortCaseload(rows, 'findings').map((r) => r.id)[0]).toBe('1');
    expect(sortCaseload(rows, 'seen').map((r) => r.id)[3]).toBe('2');
    expect(filterCaseload(rows, { text: 'be' }, AS_OF).map((r) => r.id)).toEqual(['2']);
    expect(filterCaseload(rows, { withFindings: true }, AS_OF).map((r) => r.id)).toEqual(['1']);
    expect(filterCaseload(rows, { dueWithinDays: 30 }, AS_OF).map((r) => r.id)).toEqual(['1']);
    expect(groupByCaseManager(rows).map((g) => [g.name, g.rows.length])).toEqual([
      ['No case manager', 1],
      ['Maria Gonzalez', 1],
      ['Priya Patel', 1],
      ['Unknown Person', 1],
    ]);
  });

  it('exports CSV with one row per student', () => {
    const data = Papa.parse<string[]>(caseloadCsv(rows)).data;
    expect(data).toHaveLength(5);
    expect(data[0]).toContain('Next follow-up');
    expect(data[1]).toEqual(
      expect.arrayContaining([
        '1',
        'Ana',
        '2026-12-05',
        '330 - Specialized Academic Instruction; 415',
        'Maria Gonzalez; Priya Patel',
        'CM_NOT_AUTHORIZED',
        '2026-11-15',
        '2026-11-28',
      ]),
    );
    expect(data[2]).toContain('import: students.csv');
  });
});

import { describe, expect, it } from 'vitest';
import { browserCheckSettings } from '../../../lib/checks';
import { Staff as StaffSchema, type Staff, type Student } from '../../../lib/domain/records';
import { isOnlyNotChecked } from '../../../lib/domain/not-checked';
import { runChecks } from '../../../lib/rules';
import { AS_OF, doc, pupil, runWith, teacher } from './helpers';

// RULES.md check 8, "Not checked yet": every branch, with partial and with complete staff knowledge.
const PARTIAL = { staffKnowledge: 'partial' } as const;
const COMPLETE = { staffKnowledge: 'complete' } as const;
const mn = (id: string, name: string) => teacher(id, name, doc(['R3MN']));
const neverRead = (id: string, name: string): Staff => ({ id, name, position: 'Teacher' });
const readEmpty = (id: string, name: string): Staff => ({ id, name, position: 'Teacher', credentials: [] });
const DHH = 'Specialized Deaf and Hard of Hearing Services';
const dhh = (provider: { providerStaffId?: string; providerName?: string }) => ({ name: DHH, ...provider });

describe('check 1: a case manager Liaison has not seen', () => {
  const students = [pupil('S1', 'T1', '290')];

  it('never read: CM_NOT_CHECKED alone (partial) naming them and how to let Liaison see them; review (complete)', () => {
    const p = runWith([neverRead('T1', 'Ada Stone')], students, PARTIAL);
    expect(p.student()).toEqual(['CM_NOT_CHECKED:info']);
    const f = p.one('student', 'S1', 'CM_NOT_CHECKED');
    expect(f!.detail).toContain('Ada Stone');
    expect(f!.fix).toMatch(/Open Ada Stone's staff page in the SIS, or import a staff file/);
    expect(runWith([neverRead('T1', 'Ada Stone')], students, COMPLETE).student()).toEqual([
      'CM_AUTH_NEEDS_REVIEW:warning',
    ]);
  });
  it('credentials null read as never read, and the Staff schema accepts null', () => {
    const withNull = { ...neverRead('T1', 'Ada Stone'), credentials: null } as unknown as Staff;
    expect(runWith([withNull], students, PARTIAL).student()).toEqual(['CM_NOT_CHECKED:info']);
    expect(StaffSchema.parse({ id: 'T1', name: 'Ada Stone', credentials: null }).credentials).toBeUndefined();
    expect(StaffSchema.parse({ id: 'T1', name: 'Ada Stone', credentials: [] }).credentials).toEqual([]);
  });
  it('no staff record: CM_NOT_CHECKED replaces CM_UNKNOWN_STAFF (partial); CM_UNKNOWN_STAFF (complete)', () => {
    const named = [
      pupil('S1', 'x', '290', { caseManager: { name: 'Harold Finch', role: 'instruction' }, services: [] }),
    ];
    const p = runWith([], named, PARTIAL);
    expect(p.student()).toEqual(['CM_NOT_CHECKED:info']);
    expect(p.one('student', 'S1', 'CM_NOT_CHECKED')!.detail).toMatch(
      /Harold Finch has no staff record Liaison has seen/,
    );
    expect(runWith([], named, COMPLETE).student()).toEqual(['CM_UNKNOWN_STAFF:warning']);
  });
  it('no staff record and no instruction to check (a coordinator): still CM_NOT_CHECKED in place of CM_UNKNOWN_STAFF', () => {
    const named = [
      pupil('S1', 'x', '290', { caseManager: { name: 'Harold Finch', role: 'coordination' }, services: [] }),
    ];
    expect(runWith([], named, PARTIAL).student()).toEqual(['CM_NOT_CHECKED:info']);
    expect(runWith([], named, COMPLETE).student()).toEqual(['CM_UNKNOWN_STAFF:warning']);
  });
  it('a coordinator with a record but never-read credentials: nothing on the student in either mode', () => {
    const s = [pupil('S1', 'T1', '290', { caseManager: { staffId: 'T1', role: 'coordination' }, services: [] })];
    expect(runWith([neverRead('T1', 'Ada Stone')], s, PARTIAL).student()).toEqual([]);
    expect(runWith([neverRead('T1', 'Ada Stone')], s, COMPLETE).student()).toEqual([]);
  });
  it('the exception is considered first: on read credentials it gives CM_AUTH_VIA_PROVIDER and nothing more', () => {
    const deaf = [
      pupil('S1', 'T1', '230', { services: [{ code: '330', providerStaffId: 'T1' }, dhh({ providerStaffId: 'D1' })] }),
    ];
    const staff = [neverRead('T1', 'Ada Stone'), teacher('D1', 'Grace Wu', doc(['R3DH']))];
    const p = runWith(staff, deaf, PARTIAL);
    expect(p.student()).toEqual(['CM_AUTH_VIA_PROVIDER:info']);
    expect(p.one('student', 'S1', 'CM_AUTH_VIA_PROVIDER')!.detail).toContain('Grace Wu');
    expect(runWith(staff, deaf, COMPLETE).student()).toEqual(['CM_AUTH_VIA_PROVIDER:info']);
    const unrecorded = [
      pupil('S1', 'x', '230', {
        caseManager: { name: 'Harold Finch', role: 'instruction' },
        services: [dhh({ providerStaffId: 'D1' })],
      }),
    ];
    expect(runWith([staff[1]!], unrecorded, PARTIAL).student()).toEqual(['CM_AUTH_VIA_PROVIDER:info']);
    expect(runWith([staff[1]!], unrecorded, COMPLETE).student()).toEqual(['CM_UNKNOWN_STAFF:warning']);
  });
  it('never read, and the only possible exception is someone never read too: CM_NOT_CHECKED for the case manager', () => {
    const deaf = [
      pupil('S1', 'T1', '230', { services: [{ code: '330', providerStaffId: 'T1' }, dhh({ providerStaffId: 'D1' })] }),
    ];
    const staff = [neverRead('T1', 'Ada Stone'), neverRead('D1', 'Grace Wu')];
    const p = runWith(staff, deaf, PARTIAL);
    // D1's own service authorization is a separate check-3 "not checked".
    expect(p.student()).toEqual(['CM_NOT_CHECKED:info', 'PROVIDER_NOT_CHECKED:info']);
    expect(p.one('student', 'S1', 'PROVIDER_NOT_CHECKED')!.detail).toContain('Grace Wu');
    expect(p.one('student', 'S1', 'PROVIDER_NOT_CHECKED')!.detail).not.toContain('Ada Stone');
    expect(runWith(staff, deaf, COMPLETE).student()).toEqual(['CM_AUTH_NEEDS_REVIEW:warning']);
  });
  it('read documents do not cover and the only possible exception rests on someone not seen: PROVIDER_NOT_CHECKED naming them', () => {
    const deaf = (provider: object) => [
      pupil('S1', 'T1', '230', { services: [{ code: '330', providerStaffId: 'T1' }, dhh(provider)] }),
    ];
    const p = runWith([mn('T1', 'Ada Stone'), neverRead('D1', 'Grace Wu')], deaf({ providerStaffId: 'D1' }), PARTIAL);
    expect(p.student()).toEqual(['PROVIDER_NOT_CHECKED:info']);
    const f = p.one('student', 'S1', 'PROVIDER_NOT_CHECKED');
    expect(f!.detail).toContain('Grace Wu');
    expect(f!.fix).toMatch(/Grace Wu's staff page in the SIS/);
    expect(
      runWith(
        [mn('T1', 'Ada Stone'), neverRead('D1', 'Grace Wu')],
        deaf({ providerStaffId: 'D1' }),
        COMPLETE,
      ).student(),
    ).toEqual(['CM_AUTH_NEEDS_REVIEW:warning']);
    // No staff record: the provider also keeps PROVIDER_UNKNOWN_STAFF.
    expect(runWith([mn('T1', 'Ada Stone')], deaf({ providerName: 'Zora Neal' }), PARTIAL).student()).toEqual([
      'PROVIDER_NOT_CHECKED:info',
      'PROVIDER_UNKNOWN_STAFF:info',
    ]);
    expect(runWith([mn('T1', 'Ada Stone')], deaf({ providerName: 'Zora Neal' }), COMPLETE).student()).toEqual([
      'CM_AUTH_NEEDS_REVIEW:warning',
      'PROVIDER_UNKNOWN_STAFF:info',
    ]);
  });
  it('a possible exception on read but doubtful data stays a review, whoever else is not seen', () => {
    const deaf = [
      pupil('S1', 'T1', '230', {
        services: [
          { code: '330', providerStaffId: 'T1' },
          dhh({ providerStaffId: 'D1' }),
          dhh({ providerStaffId: 'D2' }),
        ],
      }),
    ];
    const staff = [mn('T1', 'Ada Stone'), readEmpty('D1', 'Grace Wu'), neverRead('D2', 'Hal Ito')];
    expect(runWith(staff, deaf, PARTIAL).student()).toEqual([
      'CM_AUTH_NEEDS_REVIEW:warning',
      'PROVIDER_NOT_CHECKED:info',
    ]);
  });
  it('read and empty is a real gap in both modes: CM_AUTH_NEEDS_REVIEW and STAFF_NO_CREDENTIALS warnings', () => {
    const p = runWith([readEmpty('T1', 'Nina Shah')], students, PARTIAL);
    expect(p.student()).toEqual(['CM_AUTH_NEEDS_REVIEW:warning']);
    expect(p.staff('T1')).toEqual(['STAFF_NO_CREDENTIALS:warning']);
    // The SIS record was read and is blank: record the documents there, not "open the staff page".
    expect(p.one('student', 'S1', 'CM_AUTH_NEEDS_REVIEW')!.fix).toMatch(
      /lists no credential documents: record them there/,
    );
    expect(p.one('staff', 'T1', 'STAFF_NO_CREDENTIALS')!.fix).toMatch(
      /lists no credential documents: record them there/,
    );
    const c = runWith([readEmpty('T1', 'Nina Shah')], students, COMPLETE);
    expect(c.student()).toEqual(['CM_AUTH_NEEDS_REVIEW:warning']);
    expect(c.one('student', 'S1', 'CM_AUTH_NEEDS_REVIEW')!.fix).toMatch(/^Record Nina Shah's credential documents/);
    expect(c.one('staff', 'T1', 'STAFF_NO_CREDENTIALS')!.fix).toMatch(/^Record Nina Shah's credential documents/);
  });
  it.each([
    [
      'no degree of support where a read document needs it',
      [mn('T1', 'Ada Stone')],
      pupil('S1', 'T1', '290', { supportLevel: null }),
    ],
    [
      'an ambiguous title with no issue date',
      [teacher('T1', 'Ada Stone', doc(null, { title: 'Early Childhood Special Education' }))],
      pupil('S1', 'T1', '290', { grade: 'K' }),
    ],
  ])('real gaps in read data stay CM_AUTH_NEEDS_REVIEW with partial knowledge: %s', (_, staff, student) => {
    expect(runWith(staff, [student], PARTIAL).student()).toEqual(['CM_AUTH_NEEDS_REVIEW:warning']);
    expect(runWith(staff, [student], COMPLETE).student()).toEqual(['CM_AUTH_NEEDS_REVIEW:warning']);
  });
  it('read documents that do not cover an instructing case manager: CM_NOT_AUTHORIZED in both modes', () => {
    const staff = [teacher('T1', 'Omar Reyes', doc(null, { title: 'Multiple Subject Teaching Credential' }))];
    expect(runWith(staff, students, PARTIAL).student()).toEqual(['CM_NOT_AUTHORIZED:error']);
  });
  it('CM_NOT_CHECKED names the student fields that will also be needed, and only those', () => {
    const gaps = pupil('S1', 'T1', '290', {
      supportLevel: null,
      grade: null,
      caseManager: { staffId: 'T1', role: null },
      services: [],
    });
    const f = runWith([neverRead('T1', 'Ada Stone')], [gaps], PARTIAL).one('student', 'S1', 'CM_NOT_CHECKED');
    expect(f!.detail).toMatch(/degree of support \(MMSN or ESN\)/);
    expect(f!.detail).toMatch(/grade or birth date/);
    expect(f!.detail).toMatch(/case manager's role/);
    expect(f!.fix).toMatch(/degree of support/);
    const none = runWith([neverRead('T1', 'Ada Stone')], students, PARTIAL).one('student', 'S1', 'CM_NOT_CHECKED');
    expect(none!.detail).not.toMatch(/may also need/);
  });
});

describe('checks 3 and 4: providers Liaison has not seen', () => {
  it('a never-read provider leaves a check-3 requirement unchecked: PROVIDER_NOT_CHECKED (partial); nothing on the student (complete)', () => {
    const s = [
      pupil('S1', 'T1', '290', {
        services: [
          { code: '330', providerStaffId: 'T1' },
          { code: '415', providerStaffId: 'P1' },
        ],
      }),
    ];
    const p = runWith([mn('T1', 'Ada Stone'), neverRead('P1', 'Priya Patel')], s, PARTIAL);
    expect(p.student()).toEqual(['PROVIDER_NOT_CHECKED:info']);
    expect(p.one('student', 'S1', 'PROVIDER_NOT_CHECKED')!.detail).toMatch(
      /Priya Patel's credentials.*Language and Speech/,
    );
    expect(p.staff('P1')).toEqual(['STAFF_NO_CREDENTIALS:info']);
    const c = runWith([mn('T1', 'Ada Stone'), neverRead('P1', 'Priya Patel')], s, COMPLETE);
    expect(c.student()).toEqual([]);
    expect(c.staff('P1')).toEqual(['STAFF_NO_CREDENTIALS:warning']);
  });
  it('a never-read 330 provider: PROVIDER_NOT_CHECKED instead of PROVIDER_NEEDS_REVIEW; read and empty stays the review', () => {
    const s = [
      pupil('S1', 'T1', '290', {
        caseManager: { staffId: 'T1', role: 'coordination' },
        services: [{ code: '330', providerStaffId: 'P1' }],
      }),
    ];
    expect(runWith([mn('T1', 'Ada Stone'), neverRead('P1', 'Bo Lund')], s, PARTIAL).student()).toEqual([
      'PROVIDER_NOT_CHECKED:info',
    ]);
    expect(runWith([mn('T1', 'Ada Stone'), neverRead('P1', 'Bo Lund')], s, COMPLETE).student()).toEqual([
      'PROVIDER_NEEDS_REVIEW:warning',
    ]);
    const empty = runWith([mn('T1', 'Ada Stone'), readEmpty('P1', 'Bo Lund')], s, PARTIAL);
    expect(empty.student()).toEqual(['PROVIDER_NEEDS_REVIEW:warning']);
    expect(empty.one('student', 'S1', 'PROVIDER_NEEDS_REVIEW')!.fix).toMatch(/lists no credential documents/);
    expect(
      runWith([mn('T1', 'Ada Stone'), readEmpty('P1', 'Bo Lund')], s, COMPLETE).one(
        'student',
        'S1',
        'PROVIDER_NEEDS_REVIEW',
      )!.fix,
    ).toMatch(/^Record Bo Lund's/);
  });
  it('a 330 provider who does not cover, where the only exception rests on someone not seen: PROVIDER_NOT_CHECKED naming them', () => {
    const s = [
      pupil('S1', 'T1', '230', {
        caseManager: { staffId: 'T1', role: 'coordination' },
        services: [{ code: '330', providerStaffId: 'P2' }, dhh({ providerStaffId: 'D1' })],
      }),
    ];
    const staff = [
      mn('T1', 'Ada Stone'),
      teacher('P2', 'Omar Reyes', doc(null, { title: 'Multiple Subject Teaching Credential' })),
      neverRead('D1', 'Grace Wu'),
    ];
    const p = runWith(staff, s, PARTIAL);
    expect(p.student()).toEqual(['PROVIDER_NOT_CHECKED:info']);
    expect(p.one('student', 'S1', 'PROVIDER_NOT_CHECKED')!.detail).toContain('Grace Wu');
    expect(runWith(staff, s, COMPLETE).student()).toEqual(['PROVIDER_NEEDS_REVIEW:warning']);
  });
  it('the case manager in a service role counts as a provider: PROVIDER_NOT_CHECKED, no CM_NOT_CHECKED', () => {
    const s = [
      pupil('S1', 'T1', '240', {
        program: 'GENED',
        caseManager: { staffId: 'T1', role: 'service' },
        services: [{ code: '415', providerStaffId: 'T1' }],
      }),
    ];
    expect(runWith([neverRead('T1', 'Priya Patel')], s, PARTIAL).student()).toEqual(['PROVIDER_NOT_CHECKED:info']);
    expect(runWith([neverRead('T1', 'Priya Patel')], s, COMPLETE).student()).toEqual([]);
  });
  it('a named provider with no staff record keeps PROVIDER_UNKNOWN_STAFF (info) in both modes; the fix fits the mode', () => {
    const s = [
      pupil('S1', 'T1', '290', {
        services: [
          { code: '330', providerStaffId: 'T1' },
          { code: '415', providerName: 'Zora Neal' },
        ],
      }),
    ];
    const p = runWith([mn('T1', 'Ada Stone')], s, PARTIAL);
    expect(p.student()).toEqual(['PROVIDER_UNKNOWN_STAFF:info']);
    expect(p.one('student', 'S1', 'PROVIDER_UNKNOWN_STAFF')!.fix).toMatch(/staff page in the SIS/);
    const c = runWith([mn('T1', 'Ada Stone')], s, COMPLETE);
    expect(c.student()).toEqual(['PROVIDER_UNKNOWN_STAFF:info']);
    expect(c.one('student', 'S1', 'PROVIDER_UNKNOWN_STAFF')!.fix).toMatch(/staff file/);
  });
  it('check 4: a provider not seen (no record, or never read) prevents ALT_PLACEMENT_PRIMARY_UNSERVED and gives PROVIDER_NOT_CHECKED', () => {
    const alt = (provider: object) => [
      pupil('S1', 'T1', '230', {
        secondaryDisability: '290',
        alternatePlacement: true,
        services: [{ code: '330', providerStaffId: 'T1' }, dhh(provider)],
      }),
    ];
    const noRecord = runWith([mn('T1', 'Ada Stone')], alt({ providerName: 'Zora Neal' }), PARTIAL);
    expect(noRecord.student()).toEqual(['PROVIDER_NOT_CHECKED:info', 'PROVIDER_UNKNOWN_STAFF:info']);
    expect(noRecord.one('student', 'S1', 'PROVIDER_NOT_CHECKED')!.detail).toMatch(/Zora Neal.*alternate placement/);
    expect(runWith([mn('T1', 'Ada Stone')], alt({ providerName: 'Zora Neal' }), COMPLETE).student()).toEqual([
      'ALT_PLACEMENT_PRIMARY_UNSERVED:error',
      'PROVIDER_UNKNOWN_STAFF:info',
    ]);
    const never = [mn('T1', 'Ada Stone'), neverRead('D1', 'Grace Wu')];
    const p = runWith(never, alt({ providerStaffId: 'D1' }), PARTIAL);
    expect(p.student()).toEqual(['PROVIDER_NOT_CHECKED:info']);
    expect(p.one('student', 'S1', 'PROVIDER_NOT_CHECKED')!.detail).toMatch(/alternate placement/);
    expect(runWith(never, alt({ providerStaffId: 'D1' }), COMPLETE).student()).toEqual([]);
  });
});

describe('staff, check 9, checks 5 and 7 with partial knowledge', () => {
  it('STAFF_NO_CREDENTIALS: info for never read, warning for read and empty (partial); warning for both (complete); none when not involved', () => {
    const s = [pupil('S1', 'T1', '290'), pupil('S2', 'T2', '290')];
    const staff = [
      neverRead('T1', 'Ada Stone'),
      readEmpty('T2', 'Nina Shah'),
      neverRead('T3', 'Idle Ike'),
      readEmpty('T4', 'Idle Ida'),
    ];
    const p = runWith(staff, s, PARTIAL);
    expect([p.staff('T1'), p.staff('T2'), p.staff('T3'), p.staff('T4')]).toEqual([
      ['STAFF_NO_CREDENTIALS:info'],
      ['STAFF_NO_CREDENTIALS:warning'],
      [],
      [],
    ]);
    expect(p.one('staff', 'T1', 'STAFF_NO_CREDENTIALS')!.fix).toMatch(
      /Open Ada Stone's staff page in the SIS, or import a staff file/,
    );
    const c = runWith(staff, s, COMPLETE);
    expect([c.staff('T1'), c.staff('T2'), c.staff('T3'), c.staff('T4')]).toEqual([
      ['STAFF_NO_CREDENTIALS:warning'],
      ['STAFF_NO_CREDENTIALS:warning'],
      [],
      [],
    ]);
  });
  it('check 9: no PROVIDER_NOT_CHECKED for the person who has CM_NOT_CHECKED', () => {
    const s = [
      pupil('S1', 'T1', '290', {
        services: [
          { code: '330', providerStaffId: 'T1' },
          { code: '415', providerStaffId: 'T1' },
        ],
      }),
    ];
    expect(runWith([neverRead('T1', 'Ada Stone')], s, PARTIAL).student()).toEqual(['CM_NOT_CHECKED:info']);
  });
  it('one PROVIDER_NOT_CHECKED per person, whatever checks leave them unchecked', () => {
    const s = [
      pupil('S1', 'T1', '230', {
        services: [
          { code: '330', providerStaffId: 'T1' },
          dhh({ providerStaffId: 'D1' }),
          { code: '415', providerStaffId: 'D1' },
        ],
      }),
    ];
    const f = runWith([mn('T1', 'Ada Stone'), neverRead('D1', 'Grace Wu')], s, PARTIAL).one(
      'student',
      'S1',
      'PROVIDER_NOT_CHECKED',
    );
    expect(f!.detail).toMatch(/Language and Speech/);
    expect(f!.detail).toMatch(/Deaf and Hard of Hearing/);
  });
  it('check 5: a teacher named in the services without a staff record is "known"', () => {
    const s = [pupil('S1', 'T1', '290', { program: 'RSP', services: [{ code: '330', providerName: 'Zora Neal' }] })];
    for (const settings of [PARTIAL, COMPLETE]) {
      const r = runWith([mn('T1', 'Ada Stone')], s, settings);
      expect(r.student()).toEqual(['CM_BEST_PRACTICE:warning', 'PROVIDER_UNKNOWN_STAFF:info']);
      expect(r.one('student', 'S1', 'CM_BEST_PRACTICE')!.fix).toContain('Zora Neal');
    }
  });
  it('check 7: caseloads only for staff with a record, counting the students seen', () => {
    const rsp = (cm: Student['caseManager']) =>
      Array.from({ length: 29 }, (_, i) =>
        pupil(`S${i}`, 'x', '290', { program: 'RSP', caseManager: cm, services: [] }),
      );
    const withRecord = runWith([neverRead('T1', 'Ada Stone')], rsp({ staffId: 'T1', role: 'instruction' }), PARTIAL);
    expect(withRecord.staff('T1')).toEqual(['CASELOAD_OVER_CAP:error', 'STAFF_NO_CREDENTIALS:info']);
    const noRecord = runWith([], rsp({ name: 'Zora Neal', role: 'instruction' }), PARTIAL);
    expect(noRecord.all.filter((f) => f.subject.kind === 'staff')).toEqual([]);
  });
});

describe('credential documents with no title and no code', () => {
  it('an expiry alone is a held, unrecognized document: DATA_UNRECOGNIZED and a review, never an error or "not checked"', () => {
    const staff = [{ id: 'T1', name: 'Ada Stone', credentials: [{ expires: '2030-06-30' }] }];
    for (const settings of [PARTIAL, COMPLETE]) {
      const r = runWith(staff, [pupil('S1', 'T1', '290')], settings);
      expect(r.staff('T1')).toEqual(['DATA_UNRECOGNIZED:warning']);
      expect(r.one('staff', 'T1', 'DATA_UNRECOGNIZED')!.detail).toMatch(
        /no title and no authorization code.*2030-06-30/,
      );
      expect(r.student()).toEqual(['CM_AUTH_NEEDS_REVIEW:warning']);
    }
  });
  it('a document with no field at all is none: the list reads as read and empty', () => {
    const r = runWith([{ id: 'T1', name: 'Ada Stone', credentials: [{}] }], [pupil('S1', 'T1', '290')], PARTIAL);
    expect(r.staff('T1')).toEqual(['STAFF_NO_CREDENTIALS:warning']);
  });
});

describe('the staffKnowledge setting', () => {
  const staff = [neverRead('T1', 'Ada Stone')];
  const students = [
    pupil('S1', 'T1', '290'),
    pupil('S2', 'x', '290', { caseManager: { name: 'Harold Finch' }, services: [] }),
  ];
  it('defaults to complete (the API and the audit), also when given as undefined', () => {
    const complete = runChecks({ staff, students }, { asOf: AS_OF, settings: COMPLETE });
    expect(runChecks({ staff, students }, { asOf: AS_OF })).toEqual(complete);
    expect(runChecks({ staff, students }, { asOf: AS_OF, settings: { staffKnowledge: undefined } })).toEqual(complete);
    expect(complete.map((f) => f.code)).toContain('CM_UNKNOWN_STAFF');
  });
  it('the browser passes partial unless told otherwise, keeping the other settings', () => {
    expect(browserCheckSettings()).toEqual({ rules: { staffKnowledge: 'partial' } });
    expect(browserCheckSettings({ rules: { expiringLeadDays: 30 }, compliance: {} })).toEqual({
      rules: { expiringLeadDays: 30, staffKnowledge: 'partial' },
      compliance: {},
    });
    expect(browserCheckSettings({ rules: { staffKnowledge: 'complete' } }).rules?.staffKnowledge).toBe('complete');
    expect(browserCheckSettings({ rules: { staffKnowledge: undefined } }).rules?.staffKnowledge).toBe('partial');
  });
});

describe('isOnlyNotChecked: a subject reads "Not checked", never "OK"', () => {
  const s = (students: Student[], staff: Staff[]) => runWith(staff, students, PARTIAL);
  const subjects = (r: ReturnType<typeof s>, kind: 'student' | 'staff', id: string) =>
    r.all.filter((f) => f.subject.kind === kind && f.subject.id === id);
  it.each([
    ['a case manager never read', [pupil('S1', 'T1', '290')], [neverRead('T1', 'Ada Stone')], 'student', 'S1', true],
    ['their staff record, never read', [pupil('S1', 'T1', '290')], [neverRead('T1', 'Ada Stone')], 'staff', 'T1', true],
    [
      'a provider with no staff record only',
      [
        pupil('S1', 'T1', '290', {
          services: [
            { code: '330', providerStaffId: 'T1' },
            { code: '415', providerName: 'Zora Neal' },
          ],
        }),
      ],
      [mn('T1', 'Ada Stone')],
      'student',
      'S1',
      true,
    ],
    [
      'not checked beside another info finding',
      [
        pupil('S1', 'T1', '230', {
          services: [
            { code: '330', providerStaffId: 'T1' },
            dhh({ providerStaffId: 'D1' }),
            { code: '415', providerName: 'Zora Neal' },
          ],
        }),
      ],
      [mn('T1', 'Ada Stone'), teacher('D1', 'Grace Wu', doc(['R3DH']))],
      'student',
      'S1',
      true,
    ],
    ['read and empty (a warning)', [pupil('S1', 'T1', '290')], [readEmpty('T1', 'Nina Shah')], 'student', 'S1', false],
    ['nothing to report (OK)', [pupil('S1', 'T1', '290')], [mn('T1', 'Ada Stone')], 'student', 'S1', false],
    [
      'covered by another provider only (OK)',
      [
        pupil('S1', 'T1', '230', {
          services: [{ code: '330', providerStaffId: 'T1' }, dhh({ providerStaffId: 'D1' })],
        }),
      ],
      [mn('T1', 'Ada Stone'), teacher('D1', 'Grace Wu', doc(['R3DH']))],
      'student',
      'S1',
      false,
    ],
    [
      'not checked and a warning',
      [pupil('S1', 'T1', '290', { program: 'RSP/SDC' })],
      [neverRead('T1', 'Ada Stone')],
      'student',
      'S1',
      false,
    ],
  ] as const)('%s', (_, students, staff, kind, id, expected) => {
    const findings = subjects(s([...students], [...staff]), kind, id);
    expect(isOnlyNotChecked(findings)).toBe(expected);
  });
  it('the "beside another info finding" case does hold two info codes', () => {
    const r = s(
      [
        pupil('S1', 'T1', '230', {
          services: [
            { code: '330', providerStaffId: 'T1' },
            dhh({ providerStaffId: 'D1' }),
            { code: '415', providerName: 'Zora Neal' },
          ],
        }),
      ],
      [mn('T1', 'Ada Stone'), teacher('D1', 'Grace Wu', doc(['R3DH']))],
    );
    expect(r.student()).toEqual(['CM_AUTH_VIA_PROVIDER:info', 'PROVIDER_UNKNOWN_STAFF:info']);
  });
});

describe('check 1: student fields no page has shown yet (undefined) against fields shown blank (null)', () => {
  const staff = [mn('T1', 'Ada Stone')];
  /** A student as a page that does not show `omit` gives it: the field absent. */
  const seenWithout = (omit: (keyof Student)[], more: Partial<Student> = {}) => {
    const s: Student = { ...pupil('S1', 'T1', '290'), ...more };
    for (const k of omit) delete s[k];
    return s;
  };

  it('grade never shown (an IEP tab): CM_NOT_CHECKED naming the grade (partial); a review (complete)', () => {
    const s = [seenWithout(['grade'])];
    const p = runWith(staff, s, PARTIAL);
    expect(p.student()).toEqual(['CM_NOT_CHECKED:info']);
    expect(p.one('student', 'S1', 'CM_NOT_CHECKED')!.detail).toMatch(/not seen Student S1's grade or birth date/);
    expect(runWith(staff, s, COMPLETE).student()).toEqual(['CM_AUTH_NEEDS_REVIEW:warning']);
  });
  it('grade shown blank: a real gap, a review in both modes', () => {
    const s = [seenWithout([], { grade: null, birthDate: null })];
    expect(runWith(staff, s, PARTIAL).student()).toEqual(['CM_AUTH_NEEDS_REVIEW:warning']);
  });
  it('degree of support never shown (a list without it): not checked; shown blank: a review', () => {
    expect(runWith(staff, [seenWithout(['supportLevel'])], PARTIAL).student()).toEqual(['CM_NOT_CHECKED:info']);
    expect(runWith(staff, [seenWithout([], { supportLevel: null })], PARTIAL).student()).toEqual([
      'CM_AUTH_NEEDS_REVIEW:warning',
    ]);
  });
  it('services never shown and no role field (a list page): the role cannot be told, so not checked; services shown: a review', () => {
    const slp = [teacher('T1', 'Ada Stone', doc(['LSH']))];
    const list = seenWithout(['services'], {
      primaryDisability: '240',
      caseManager: { name: 'Ada Stone', staffId: 'T1' },
    });
    expect(runWith(slp, [list], PARTIAL).student()).toEqual(['CM_NOT_CHECKED:info']);
    expect(runWith(slp, [{ ...list, services: [] }], PARTIAL).student()).toEqual(['CM_AUTH_NEEDS_REVIEW:warning']);
  });
  it('a gap in a read document stays a warning even when a student field is unseen (R3MM, autism, no issue date)', () => {
    const mm = [
      teacher('T1', 'Ada Stone', {
        title: 'Mild/Moderate',
        authorizations: ['R3MM'],
        kind: 'clear',
        expires: '2030-06-30',
      }),
    ];
    expect(runWith(mm, [seenWithout(['grade'], { primaryDisability: '320' })], PARTIAL).student()).toEqual([
      'CM_AUTH_NEEDS_REVIEW:warning',
    ]);
  });
});

describe('check 9 with a case manager not checked', () => {
  it('a case manager with no staff record who is also the 330 provider: CM_NOT_CHECKED alone, no PROVIDER_UNKNOWN_STAFF for them', () => {
    const s = [
      pupil('S1', 'x', '290', {
        caseManager: { name: 'Ana Torres' },
        services: [{ code: '330', providerName: 'Ana Torres' }],
      }),
    ];
    expect(runWith([], s, PARTIAL).student()).toEqual(['CM_NOT_CHECKED:info']);
    // Another provider with no record is still named.
    const two = [
      pupil('S1', 'x', '290', {
        caseManager: { name: 'Ana Torres' },
        services: [
          { code: '330', providerName: 'Ana Torres' },
          { code: '415', providerName: 'Bo Lee' },
        ],
      }),
    ];
    expect(runWith([], two, PARTIAL).student().sort()).toEqual(['CM_NOT_CHECKED:info', 'PROVIDER_UNKNOWN_STAFF:info']);
  });
});

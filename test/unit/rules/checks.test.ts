import { describe, expect, it } from 'vitest';
import { Finding } from '../../../lib/domain/finding';
import type { Staff, Student } from '../../../lib/domain/records';
import { DEFAULT_SETTINGS, RULE_PACK_VERSION, runChecks } from '../../../lib/rules';
import { AS_OF, codesFor, doc, pupil, teacher } from './helpers';

const mn = (id: string, name: string) => teacher(id, name, doc(['R3MN']));
const slp = teacher('SLP', 'Priya Patel', doc(['LSH']));

describe('check 1: exception via another provider', () => {
  const hh = (services: Student['services'], staff: Staff[] = []) =>
    codesFor(
      [mn('T1', 'Ada Stone'), ...staff],
      [pupil('S1', 'T1', '230', { services: [{ code: '330', providerStaffId: 'T1' }, ...(services ?? [])] })],
    );

  it('DHH services under R3DH clear a mismatch: CM_AUTH_VIA_PROVIDER naming who', () => {
    const r = hh(
      [{ name: 'Specialized Deaf and Hard of Hearing Services', providerStaffId: 'D1' }],
      [teacher('D1', 'Grace Wu', doc(['R3DH']))],
    );
    expect(r.codes).toEqual(['CM_AUTH_VIA_PROVIDER']);
    expect(r.all.find((f) => f.code === 'CM_AUTH_VIA_PROVIDER')!.detail).toContain('Grace Wu');
  });
  it('a DHH provider with no staff record or unknown credentials makes it a review, not an error', () => {
    expect(hh([{ name: 'Specialized Deaf and Hard of Hearing Services', providerName: 'Zora Neal' }]).codes).toEqual([
      'CM_AUTH_NEEDS_REVIEW',
    ]);
    expect(
      hh(
        [{ name: 'Specialized Deaf and Hard of Hearing Services', providerStaffId: 'D1' }],
        [{ id: 'D1', name: 'Grace Wu' }],
      ).codes,
    ).toEqual(['CM_AUTH_NEEDS_REVIEW']);
  });
  it('a DHH provider without a DHH authorization is no exception', () => {
    const r = hh(
      [{ name: 'Specialized Deaf and Hard of Hearing Services', providerStaffId: 'D1' }],
      [mn('D1', 'Grace Wu')],
    );
    expect(r.codes).toEqual(['CM_NOT_AUTHORIZED', 'PROVIDER_NOT_AUTHORIZED']);
  });
  it('physical therapy, OT or counseling never serve as the exception', () => {
    const pt = teacher('P1', 'Omar Haddad', doc(['license:PT']));
    expect(hh([{ name: 'Physical Therapy', providerStaffId: 'P1' }], [pt]).codes).toEqual(['CM_NOT_AUTHORIZED']);
  });
  it('vision and orientation-and-mobility services clear a VI mismatch', () => {
    const vi = (service: string, cred: string) =>
      codesFor(
        [
          mn('T1', 'Ada Stone'),
          teacher(
            'V1',
            'Vera Lin',
            doc([cred], {
              title: cred === 'R56A' ? 'Clinical or Rehabilitative Services: Orientation and Mobility' : null,
            }),
          ),
        ],
        [
          pupil('S1', 'T1', '250', {
            services: [
              { code: '330', providerStaffId: 'T1' },
              { name: service, providerStaffId: 'V1' },
            ],
          }),
        ],
      ).codes;
    expect(vi('Specialized Vision Services', 'R3VB')).toEqual(['CM_AUTH_VIA_PROVIDER']);
    expect(vi('Orientation and Mobility', 'R56A')).toEqual(['CM_AUTH_VIA_PROVIDER']);
  });
  it('a 330 provider whose authorization covers the student is the exception', () => {
    const r = codesFor(
      [
        teacher('T1', 'Ada Stone', doc(['GEN:MS'], { title: 'Multiple Subject Teaching Credential' })),
        mn('T2', 'Maria Gonzalez'),
      ],
      [pupil('S1', 'T1', '290', { services: [{ code: '330', providerStaffId: 'T2' }] })],
    );
    expect(r.codes).toEqual(['CM_AUTH_VIA_PROVIDER']);
  });
  it('415 under LSH or license:SLP clears an SLI mismatch; the case manager counts too', () => {
    const sli = (cred: string, provider = 'SLP') =>
      codesFor(
        [mn('T1', 'Ada Stone'), teacher('SLP', 'Priya Patel', doc([cred]))],
        [pupil('S1', 'T1', '240', { program: 'GENED', services: [{ code: '415', providerStaffId: provider }] })],
      ).codes;
    expect(sli('LSH')).toContain('CM_AUTH_VIA_PROVIDER');
    expect(sli('license:SLP')).toContain('CM_AUTH_VIA_PROVIDER');
    const self = codesFor(
      [teacher('T1', 'Priya Patel', doc(['LSH']))],
      [pupil('S1', 'T1', '240', { program: 'GENED', services: [{ code: '415', providerStaffId: 'T1' }] })],
    );
    expect(self.codes).toEqual(['CM_AUTH_VIA_PROVIDER']);
  });
  it('the detail of CM_NOT_AUTHORIZED names what they hold and what would cover; the fix names a fitting provider', () => {
    const r = codesFor(
      [
        teacher('T1', 'Omar Reyes', doc(null, { title: 'Multiple Subject Teaching Credential' })),
        teacher('T2', 'Ana Torres', doc(['R3EN'])),
      ],
      [
        pupil('S1', 'T1', '320', {
          supportLevel: 'ESN',
          services: [
            { code: '330', providerStaffId: 'T1' },
            { code: '330', providerStaffId: 'T2' },
          ],
        }),
      ],
    );
    // T2 covers and provides 330 to the student: that is the exception, not an error.
    expect(r.codes).toEqual(['CM_AUTH_VIA_PROVIDER']);
    const direct = codesFor(
      [teacher('T1', 'Omar Reyes', doc(null, { title: 'Multiple Subject Teaching Credential' }))],
      [pupil('S1', 'T1', '320', { supportLevel: 'ESN' })],
    );
    const f = direct.all.find((x) => x.code === 'CM_NOT_AUTHORIZED')!;
    expect(f.detail).toContain('Multiple Subject Teaching Credential');
    expect(f.detail).toContain('R3EN');
    expect(f.citation.url).toMatch(/^https:\/\/www\.ctc\.ca\.gov\//);
    expect(f.fix).toMatch(/^Assign a case manager who holds an authorization for Autism/);
  });
  it('the fix names a staff member on record who would fit', () => {
    const r = codesFor(
      [
        teacher('T1', 'Omar Reyes', doc(null, { title: 'Multiple Subject Teaching Credential' })),
        mn('T2', 'Lou Park'),
        teacher('T3', 'Ana Torres', doc(['R3EN'])),
      ],
      [pupil('S1', 'T1', '320', { supportLevel: 'ESN' })],
    );
    expect(r.all.find((x) => x.code === 'CM_NOT_AUTHORIZED')!.fix).toContain(
      'for example Ana Torres (Extensive Support Needs (R3EN))',
    );
  });
});

describe('check 2: role', () => {
  const base = (
    role: Student['caseManager'] extends infer C ? (C extends { role?: infer R } ? R : never) : never,
    services?: Student['services'],
  ) =>
    codesFor(
      [
        teacher('T1', 'Omar Reyes', doc(null, { title: 'Multiple Subject Teaching Credential' })),
        mn('T2', 'Maria Gonzalez'),
      ],
      [
        pupil('S1', 'T1', '290', {
          program: 'SDC',
          caseManager: { staffId: 'T1', role },
          services: services ?? [{ code: '330', providerStaffId: 'T2' }],
        }),
      ],
    );
  it('coordination needs no specialty area', () => expect(base('coordination').codes).toEqual([]));
  it('service: check 3 applies to them, not check 1', () => {
    expect(base('service', [{ code: '450', providerStaffId: 'T1' }]).codes).toEqual(['PROVIDER_NOT_AUTHORIZED']);
  });
  it('null and providing 330: instruction', () => {
    expect(base(null, [{ code: '330', providerStaffId: 'T1' }]).codes).toEqual(['CM_NOT_AUTHORIZED']);
  });
  it('null and providing another service: service', () => {
    const r = codesFor(
      [teacher('T1', 'Omar Haddad', doc(['license:PT']))],
      [
        pupil('S1', 'T1', '290', {
          program: 'GENED',
          caseManager: { staffId: 'T1', role: null },
          services: [{ name: 'Physical Therapy', providerStaffId: 'T1' }],
        }),
      ],
    );
    expect(r.codes).toEqual([]);
  });
  it('null and providing nothing: a gap is only a review, explaining coordination', () => {
    const r = codesFor(
      [teacher('T1', 'Omar Reyes', doc(null, { title: 'Multiple Subject Teaching Credential' }))],
      [pupil('S1', 'T1', '290', { program: 'GENED', caseManager: { staffId: 'T1', role: null }, services: [] })],
    );
    expect(r.codes).toEqual(['CM_AUTH_NEEDS_REVIEW']);
    expect(r.all[0]!.detail).toMatch(/coordinator-only/);
  });
});

describe('check 3: service providers', () => {
  const provider = (service: { code?: string; name?: string }, ...creds: ReturnType<typeof doc>[]) =>
    codesFor(
      [mn('T1', 'Ada Stone'), teacher('P1', 'Pat Quill', ...creds)],
      [
        pupil('S1', 'T1', '290', {
          services: [
            { code: '330', providerStaffId: 'T1' },
            { ...service, providerStaffId: 'P1' },
          ],
        }),
      ],
    ).codes;
  it.each([
    [{ code: '415' }, ['LSH'], []],
    [{ code: '415' }, ['R56B'], []],
    [{ code: '415' }, ['R56C'], []],
    [{ code: '415' }, ['license:SLP'], []],
    [{ code: '415' }, ['R3MN'], ['PROVIDER_NOT_AUTHORIZED']],
    [{ code: '450' }, ['license:OT'], []],
    [{ code: '450' }, ['license:PT'], ['PROVIDER_NOT_AUTHORIZED']],
    [{ name: 'Physical Therapy' }, ['license:PT'], []],
    [{ name: 'Physical Therapy' }, ['license:OT'], ['PROVIDER_NOT_AUTHORIZED']],
    [{ name: 'Adapted Physical Education' }, ['APEA'], []],
    [{ name: 'Adapted Physical Education' }, ['R3MN'], ['PROVIDER_NOT_AUTHORIZED']],
    [{ name: 'Audiological Services' }, ['AUDL'], []],
    [{ name: 'Orientation and Mobility' }, ['R513'], ['PROVIDER_NOT_AUTHORIZED']],
    [{ code: '510' }, ['R511'], []],
    [{ code: '515' }, ['R512'], []],
    [{ code: '510' }, ['R513'], []],
    [{ code: '510' }, ['R52N'], ['PROVIDER_NOT_AUTHORIZED']],
    [{ name: 'Psychological Services' }, ['R513'], []],
    [{ name: 'Psychological Services' }, ['R511'], ['PROVIDER_NOT_AUTHORIZED']],
    [{ name: 'Health and Nursing' }, ['R52N'], []],
    [{ name: 'Specialized Deaf and Hard of Hearing Services' }, ['R3DH'], []],
    [{ name: 'Specialized Deaf and Hard of Hearing Services' }, ['R3MN'], ['PROVIDER_NOT_AUTHORIZED']],
    [{ name: 'Specialized Vision Services' }, ['R3VI'], []],
    [{ name: 'Behavior Intervention Services' }, ['R3MN'], []],
  ])('%j under %j → %j', (service, codes, expected) => expect(provider(service, doc(codes))).toEqual(expected));

  it('audiology under CRS R56A by its title; R56A without a telling title is a review', () => {
    expect(
      provider(
        { name: 'Audiological Services' },
        doc(['R56A'], { title: 'Clinical or Rehabilitative Services Credential: Audiology' }),
      ),
    ).toEqual([]);
    expect(
      provider(
        { name: 'Audiological Services' },
        doc(['R56A'], { title: 'Clinical or Rehabilitative Services Credential' }),
      ),
    ).toEqual(['PROVIDER_NEEDS_REVIEW']);
  });
  it('an expired document does not count', () => {
    expect(provider({ code: '415' }, doc(['LSH'], { expires: '2026-11-21' }))).toEqual(['PROVIDER_NOT_AUTHORIZED']);
    expect(provider({ code: '415' }, doc(['LSH'], { expires: AS_OF }))).toEqual([]); // valid through its expiration day
  });
  it('a provider with no staff record: PROVIDER_UNKNOWN_STAFF (info) and nothing else', () => {
    const r = codesFor(
      [mn('T1', 'Ada Stone')],
      [
        pupil('S1', 'T1', '290', {
          services: [
            { code: '330', providerStaffId: 'T1' },
            { code: '415', providerName: 'Zora Neal' },
          ],
        }),
      ],
    );
    expect(r.codes).toEqual([]);
    expect(r.all.filter((f) => f.subject.id === 'S1').map((f) => [f.code, f.severity])).toEqual([
      ['PROVIDER_UNKNOWN_STAFF', 'info'],
    ]);
  });
  it('unknown credentials: no PROVIDER_NOT_AUTHORIZED; a 330 provider who is not the case manager needs review', () => {
    const unknown: Staff = { id: 'P1', name: 'Pat Quill' };
    const r = codesFor(
      [mn('T1', 'Ada Stone'), unknown],
      [
        pupil('S1', 'T1', '290', {
          services: [
            { code: '330', providerStaffId: 'P1' },
            { code: '450', providerStaffId: 'P1' },
          ],
        }),
      ],
    );
    expect(r.codes).toEqual(['PROVIDER_NEEDS_REVIEW']);
    expect(r.of('staff', 'P1')).toEqual(['STAFF_NO_CREDENTIALS']);
  });
  it('a 330 provider (not the case manager) who does not cover the student', () => {
    const r = codesFor(
      [mn('T1', 'Ada Stone'), teacher('P1', 'Pat Quill', doc(['R3HD']))],
      [pupil('S1', 'T1', '290', { services: [{ code: '330', providerStaffId: 'P1' }] })],
    );
    expect(r.codes).toEqual(['PROVIDER_NOT_AUTHORIZED']);
  });
  it('check 9: a case manager reported by check 1 is not reported again as the 330 provider', () => {
    const r = codesFor(
      [teacher('T1', 'Omar Reyes', doc(null, { title: 'Multiple Subject Teaching Credential' }))],
      [pupil('S1', 'T1', '290')],
    );
    expect(r.all.filter((f) => f.subject.id === 'S1').map((f) => f.code)).toEqual(['CM_NOT_AUTHORIZED']);
  });
  it('a 330 gap cleared by the exception is silent for providers', () => {
    const r = codesFor(
      [
        mn('T1', 'Ada Stone'),
        teacher('P1', 'Pat Quill', doc(null, { title: 'Multiple Subject Teaching Credential' })),
        mn('P2', 'Lou Park'),
      ],
      [
        pupil('S1', 'T1', '290', {
          caseManager: { staffId: 'T1', role: 'coordination' },
          services: [
            { code: '330', providerStaffId: 'P1' },
            { code: '330', providerStaffId: 'P2' },
          ],
        }),
      ],
    );
    expect(r.codes).toEqual([]);
  });
});

describe('check 4: alternate placement', () => {
  const dhhService = { name: 'Specialized Deaf and Hard of Hearing Services', providerStaffId: 'D1' };
  const alt = (
    primary: string,
    secondary: string | null,
    extra: Student['services'] = [],
    more: Partial<Student> = {},
    staff: Staff[] = [teacher('D1', 'Grace Wu', doc(['R3HD']))],
  ) =>
    codesFor(
      [mn('T1', 'Ada Stone'), ...staff],
      [
        pupil('S1', 'T1', primary, {
          alternatePlacement: true,
          secondaryDisability: secondary,
          services: [{ code: '330', providerStaffId: 'T1' }, ...(extra ?? [])],
          ...more,
        }),
      ],
    );

  it('low-incidence primary with a secondary: checks use the secondary, and the primary is served', () =>
    expect(alt('220', '290', [dhhService]).codes).toEqual([]));
  it('primary not served: ALT_PLACEMENT_PRIMARY_UNSERVED', () =>
    expect(alt('220', '290').codes).toEqual(['ALT_PLACEMENT_PRIMARY_UNSERVED']));
  it('a serving provider with unknown credentials prevents the error', () => {
    const r = alt('220', '290', [dhhService], {}, [{ id: 'D1', name: 'Grace Wu' }]);
    expect(r.codes).toEqual([]);
    expect(r.of('staff', 'D1')).toEqual(['STAFF_NO_CREDENTIALS']);
  });
  it('a serving provider with no staff record does not', () => {
    expect(
      alt('220', '290', [{ name: 'Specialized Deaf and Hard of Hearing Services', providerName: 'Zora Neal' }], {}, [])
        .codes,
    ).toEqual(['ALT_PLACEMENT_PRIMARY_UNSERVED']);
  });
  it('severe orthopedic impairment is low incidence; other OI is not', () => {
    const oiServed = [{ code: '330', providerStaffId: 'O1' }];
    const staff = [teacher('O1', 'Olga Finn', doc(['R3PI']))];
    expect(alt('270', '290', oiServed, { severe: true }, staff).codes).toEqual([]);
    expect(alt('270', '290', oiServed, { severe: false }, staff).codes).toEqual(['ALT_PLACEMENT_INVALID']);
  });
  it('not low incidence, or no secondary: ALT_PLACEMENT_INVALID and the checks use the primary', () => {
    expect(alt('290', '260').codes).toEqual(['ALT_PLACEMENT_INVALID']);
    expect(alt('220', null, [dhhService]).codes).toEqual(['ALT_PLACEMENT_INVALID', 'CM_AUTH_VIA_PROVIDER']);
    expect(alt('220', 'None', [dhhService]).codes).toEqual(['ALT_PLACEMENT_INVALID', 'CM_AUTH_VIA_PROVIDER']);
  });
  it('check 3 uses the secondary too', () => {
    const r = codesFor(
      [mn('T1', 'Ada Stone'), teacher('D1', 'Grace Wu', doc(['R3HD'])), mn('P1', 'Pat Quill')],
      [
        pupil('S1', 'T1', '230', {
          alternatePlacement: true,
          secondaryDisability: '290',
          caseManager: { staffId: 'T1', role: 'coordination' },
          services: [{ code: '330', providerStaffId: 'P1' }, dhhService],
        }),
      ],
    );
    expect(r.codes).toEqual([]);
  });
});

describe('check 5: best practice', () => {
  it('speech only, neither RSP nor SDC: the SLP; the fix names them', () => {
    const r = codesFor(
      [mn('T1', 'Ada Stone'), slp],
      [
        pupil('S1', 'T1', '240', {
          program: 'GENED',
          caseManager: { staffId: 'T1', role: 'coordination' },
          services: [{ code: '415', providerStaffId: 'SLP' }],
        }),
      ],
    );
    expect(r.codes).toEqual(['CM_BEST_PRACTICE']);
    expect(r.all.find((f) => f.code === 'CM_BEST_PRACTICE')!.fix).toBe(
      'Best practice: make Priya Patel (SLP) the case manager',
    );
  });
  it('RSP: the RSP teacher (330 provider); skipped when no 330 provider is known', () => {
    const rsp = (services: Student['services']) =>
      codesFor(
        [mn('T1', 'Ada Stone'), mn('T2', 'Maria Gonzalez'), slp],
        [pupil('S1', 'T1', '290', { program: 'RSP', caseManager: { staffId: 'T1', role: 'coordination' }, services })],
      ).codes;
    expect(
      rsp([
        { code: '330', providerStaffId: 'T2' },
        { code: '415', providerStaffId: 'SLP' },
      ]),
    ).toEqual(['CM_BEST_PRACTICE']);
    expect(rsp([{ code: '415', providerStaffId: 'SLP' }])).toEqual([]);
    expect(rsp([{ code: '330', providerStaffId: 'T1' }])).toEqual([]);
  });
  it('physical therapy in SDC: the SDC teacher', () => {
    const pt = teacher('P1', 'Omar Haddad', doc(['license:PT']));
    const r = codesFor(
      [mn('T2', 'Maria Gonzalez'), pt],
      [
        pupil('S1', 'P1', '290', {
          program: 'SDC',
          caseManager: { staffId: 'P1', role: null },
          services: [
            { code: '330', providerStaffId: 'T2' },
            { name: 'Physical Therapy', providerStaffId: 'P1' },
          ],
        }),
      ],
    );
    expect(r.codes).toEqual(['CM_BEST_PRACTICE']);
    expect(r.all.find((f) => f.code === 'CM_BEST_PRACTICE')!.fix).toContain('Maria Gonzalez (SDC teacher)');
  });
});

describe('check 6: credential validity', () => {
  const one = (credential: ReturnType<typeof doc>, withStudent = true, settings = {}) => {
    const staff = [teacher('T1', 'Ada Stone', doc(['R3MN']), credential)];
    const students = withStudent ? [pupil('S1', 'T1', '290')] : [];
    return runChecks({ staff, students }, { asOf: AS_OF, settings })
      .filter((f) => f.subject.kind === 'staff')
      .map((f) => [f.code, f.severity]);
  };
  it('expired: error; expiring within 60 days: warning; valid through the expiration day', () => {
    expect(one(doc(['LSH'], { expires: '2026-11-21' }))).toEqual([['CREDENTIAL_EXPIRED', 'error']]);
    expect(one(doc(['LSH'], { expires: AS_OF }))).toEqual([['CREDENTIAL_EXPIRING', 'warning']]);
    expect(one(doc(['LSH'], { expires: '2027-01-21' }))).toEqual([['CREDENTIAL_EXPIRING', 'warning']]);
    expect(one(doc(['LSH'], { expires: '2027-01-22' }))).toEqual([]);
  });
  it('the lead time is a setting', () => {
    expect(DEFAULT_SETTINGS.expiringLeadDays).toBe(60);
    expect(one(doc(['LSH'], { expires: '2026-12-15' }), true, { expiringLeadDays: 10 })).toEqual([]);
  });
  it.each(['intern', 'PIP', 'STSP', 'SELAP', 'waiver'])(
    '%s documents are CREDENTIAL_TEMPORARY (info) with their limits',
    (kind) => {
      const staff = [teacher('T1', 'Ada Stone', doc(['R3MN'], { kind }))];
      const f = runChecks({ staff, students: [pupil('S1', 'T1', '290')] }, { asOf: AS_OF }).filter(
        (x) => x.subject.kind === 'staff',
      );
      expect(f.map((x) => [x.code, x.severity])).toEqual([['CREDENTIAL_TEMPORARY', 'info']]);
      expect(f[0]!.detail.length).toBeGreaterThan(60);
    },
  );
  it('staff with no students get the same codes as info', () => {
    expect(one(doc(['LSH'], { expires: '2026-01-01' }), false)).toEqual([['CREDENTIAL_EXPIRED', 'info']]);
    expect(one(doc(['LSH'], { expires: '2026-12-01' }), false)).toEqual([['CREDENTIAL_EXPIRING', 'info']]);
  });
});

describe('check 7: caseload caps', () => {
  const rspStudents = (n: number, cm = 'T1') =>
    Array.from({ length: n }, (_, i) => pupil(`S${i}`, cm, '290', { program: 'RSP' }));
  const caps = (staff: Staff[], students: Student[], settings = {}) =>
    runChecks({ staff, students }, { asOf: AS_OF, settings }).filter((f) => f.code === 'CASELOAD_OVER_CAP');

  it('resource specialist: 28 is fine, 29–32 an error that mentions the waiver, above 32 an error without it', () => {
    expect(caps([mn('T1', 'Ada Stone')], rspStudents(28))).toEqual([]);
    const at29 = caps([mn('T1', 'Ada Stone')], rspStudents(29));
    expect(at29.map((f) => [f.subject.id, f.severity])).toEqual([['T1', 'error']]);
    expect(at29[0]!.detail).toMatch(/29–32.*waiver/);
    expect(caps([mn('T1', 'Ada Stone')], rspStudents(33))[0]!.detail).toMatch(/above 32/);
  });
  it('counts distinct students, as case manager or 330 provider of RSP students only', () => {
    const mixed = [
      ...rspStudents(20),
      ...Array.from({ length: 10 }, (_, i) =>
        pupil(`X${i}`, 'T2', '290', { program: 'RSP', services: [{ code: '330', providerStaffId: 'T1' }] }),
      ),
    ];
    expect(caps([mn('T1', 'Ada Stone'), mn('T2', 'Bo Lund')], mixed).map((f) => f.subject.id)).toEqual(['T1']);
    const sdc = Array.from({ length: 40 }, (_, i) => pupil(`Y${i}`, 'T1', '290', { program: 'SDC' }));
    expect(caps([mn('T1', 'Ada Stone')], sdc)).toEqual([]);
  });
  const speech = (n: number, grade: (i: number) => string) =>
    Array.from({ length: n }, (_, i) =>
      pupil(`Q${i}`, 'SLP', '240', {
        grade: grade(i),
        program: 'GENED',
        services: [{ code: '415', providerStaffId: 'SLP' }],
      }),
    );
  it('speech: more than 40 all-PK is an error (EC 56441.7); otherwise more than 55 is a warning', () => {
    expect(
      caps(
        [slp],
        speech(40, () => 'PK'),
      ),
    ).toEqual([]);
    expect(
      caps(
        [slp],
        speech(41, () => 'PK'),
      ).map((f) => f.severity),
    ).toEqual(['error']);
    expect(
      caps(
        [slp],
        speech(55, (i) => (i ? 'PK' : '1')),
      ),
    ).toEqual([]);
    expect(
      caps(
        [slp],
        speech(56, (i) => (i ? 'PK' : '1')),
      ).map((f) => f.severity),
    ).toEqual(['warning']);
  });
  it('local caps per position are settings; one finding per staff member and rule', () => {
    const staff = [{ ...mn('T1', 'Ada Stone'), position: 'Resource Specialist' }];
    const found = caps(staff, rspStudents(30), { caseloadCaps: { 'resource specialist': 25 } });
    expect(found.map((f) => f.severity).sort()).toEqual(['error', 'warning']);
    expect(caps(staff, rspStudents(20), { caseloadCaps: { 'Resource Specialist': 25 } })).toEqual([]);
  });
});

describe('check 8: missing or unknown data, and name matching', () => {
  it('CM_MISSING for a disability or services without a case manager; nothing for a student with neither', () => {
    expect(codesFor([], [pupil('S1', 'T1', '290', { caseManager: null, services: [] })]).codes).toEqual(['CM_MISSING']);
    expect(
      codesFor(
        [mn('T2', 'Bo Lund')],
        [pupil('S1', 'T1', 'None', { caseManager: null, services: [{ code: '330', providerStaffId: 'T2' }] })],
      ).codes,
    ).toEqual(['CM_MISSING']);
    expect(codesFor([], [pupil('S1', 'T1', '', { caseManager: null, services: [] })]).codes).toEqual([]);
  });
  it('CM_UNKNOWN_STAFF for a named case manager with no record; check 1 does not run', () => {
    const r = codesFor(
      [],
      [pupil('S1', 'T9', '290', { caseManager: { name: 'Harold Finch', role: 'instruction' }, services: [] })],
    );
    expect(r.codes).toEqual(['CM_UNKNOWN_STAFF']);
    // Complete staff knowledge (the default): the staff list is whole, so the name must be fixed or the person added.
    expect(r.all[0]!.fix).toMatch(/Add Harold Finch to the staff file/);
  });
  it.each(['Patel, Priya', 'Dr. Priya Patel', 'PRIYA   PATEL', 'Ms Priya Patel'])('matches "%s" by name', (name) => {
    const r = codesFor(
      [slp],
      [
        pupil('S1', 'x', '240', {
          program: 'GENED',
          caseManager: { name, role: null },
          services: [{ code: '415', providerName: name }],
        }),
      ],
    );
    expect(r.codes).toEqual([]);
  });
  it('a staff id where a name is expected still matches', () => {
    const r = codesFor(
      [slp],
      [
        pupil('S1', 'x', '240', {
          program: 'GENED',
          caseManager: { name: 'SLP', role: null },
          services: [{ code: '415', providerName: 'SLP' }],
        }),
      ],
    );
    expect(r.codes).toEqual([]);
  });
  it('a name shared by two staff members is not guessed', () => {
    const r = codesFor(
      [slp, { ...slp, id: 'SLP2' }],
      [pupil('S1', 'x', '240', { program: 'GENED', caseManager: { name: 'Priya Patel', role: null }, services: [] })],
    );
    expect(r.codes).toEqual(['CM_UNKNOWN_STAFF']);
  });
  it('STAFF_NO_CREDENTIALS only for case managers and providers; their students get review', () => {
    const r = codesFor(
      [
        { id: 'T1', name: 'Nina Shah', credentials: [] },
        { id: 'T2', name: 'Idle Ike' },
      ],
      [pupil('S1', 'T1', '290')],
    );
    expect(r.codes).toEqual(['CM_AUTH_NEEDS_REVIEW']);
    expect(r.of('staff', 'T1')).toEqual(['STAFF_NO_CREDENTIALS']);
    expect(r.of('staff', 'T2')).toEqual([]);
  });
  it('DATA_UNRECOGNIZED for disability and service texts (warning), and credentials (warning if involved, info if not)', () => {
    const r = codesFor(
      [
        teacher('T1', 'Ada Stone', doc(['R3MN']), doc(null, { title: 'Local Teaching Permit' })),
        teacher('T2', 'Bo Lund', doc(null, { title: 'Mystery Certificate' })),
      ],
      [
        pupil('S1', 'T1', '290', {
          secondaryDisability: 'ADHD',
          services: [
            { code: '330', providerStaffId: 'T1' },
            { name: 'Music Therapy', providerStaffId: 'T1' },
          ],
        }),
      ],
    );
    expect(r.all.filter((f) => f.code === 'DATA_UNRECOGNIZED').map((f) => [f.subject.id, f.severity])).toEqual([
      ['T1', 'warning'],
      ['T2', 'info'],
      ['S1', 'warning'],
      ['S1', 'warning'],
    ]);
    expect(
      r.all
        .filter((f) => f.subject.id === 'S1')
        .map((f) => f.detail)
        .join(' '),
    ).toContain('"ADHD"');
  });
  it('an unrecognized primary disability replaces any check-1 finding; other checks still run', () => {
    const r = codesFor(
      [
        teacher('T1', 'Omar Reyes', doc(null, { title: 'Multiple Subject Teaching Credential' })),
        mn('T2', 'Maria Gonzalez'),
      ],
      [pupil('S1', 'T1', 'Dyslexia', { program: 'RSP', services: [{ code: '330', providerStaffId: 'T2' }] })],
    );
    expect(r.codes).toEqual(['CM_BEST_PRACTICE', 'DATA_UNRECOGNIZED']);
  });
  it('an unrecognized credential is never an error: review', () => {
    expect(
      codesFor([teacher('T1', 'Ada Stone', doc(null, { title: 'Local Special Permit' }))], [pupil('S1', 'T1', '290')])
        .codes,
    ).toEqual(['CM_AUTH_NEEDS_REVIEW']);
  });
});

describe('runChecks output', () => {
  const students = [
    pupil('B', 'T1', '230'),
    pupil('A', 'T9', '290', { caseManager: null }),
    pupil('C', 'T1', 'Dyslexia'),
  ];
  const staff = [teacher('T1', 'Ada Stone', doc(['R3MN'], { expires: '2026-12-01' }))];
  const findings = runChecks({ staff, students }, { asOf: AS_OF });
  it('every finding is a valid Finding carrying the pack version', () => {
    for (const f of findings) {
      expect(Finding.parse(f)).toEqual(f);
      expect(f.pack).toBe(RULE_PACK_VERSION);
    }
  });
  it('is sorted by subject, then severity, then code, and deterministic', () => {
    expect(findings.map((f) => `${f.subject.kind}:${f.subject.id}:${f.severity}:${f.code}`)).toEqual([
      'staff:T1:warning:CREDENTIAL_EXPIRING',
      'student:A:error:CM_MISSING',
      'student:A:info:PROVIDER_UNKNOWN_STAFF',
      'student:B:error:CM_NOT_AUTHORIZED',
      'student:C:warning:DATA_UNRECOGNIZED',
    ]);
    expect(runChecks({ staff, students: [...students].reverse() }, { asOf: AS_OF })).toEqual(findings);
  });
  it('settings left undefined fall back to the defaults', () => {
    expect(
      runChecks(
        { staff, students },
        { asOf: AS_OF, settings: { caseloadCaps: undefined, expiringLeadDays: undefined } },
      ),
    ).toEqual(findings);
  });
  it('the as-of date decides validity', () => {
    expect(runChecks({ staff, students }, { asOf: '2027-01-01' }).map((f) => f.code)).toContain('CREDENTIAL_EXPIRED');
  });
});

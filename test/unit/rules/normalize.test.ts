import { describe, expect, it } from 'vitest';
import {
  normalizeCredential,
  normalizeDisability,
  normalizeService,
  parseGrade,
  studentLevel,
} from '../../../lib/rules';
import { type FieldRead, normalizeProgram, normalizeRole, normalizeSupport } from '../../../lib/rules';

const code = (text: string | null | undefined) => {
  const r = normalizeDisability(text);
  return r.kind === 'category' ? r.code : r.kind;
};

describe('normalizeDisability (RULES.md disability vocabulary)', () => {
  it.each([
    ['320 - Autism (AUT)', '320'],
    ['AUT', '320'],
    ['Autism', '320'],
    ['autism', '320'],
    ['Autism - 320', '320'],
    ['SLD (290)', '290'],
    ['290 - Specific Learning Disability (SLD)', '290'],
    ['Emotional Disturbance (ED)', '260'],
    ['Speech/Language Impairment (240)', '240'],
    ['Speech or Language Impairment', '240'],
    ['SLI', '240'],
    ['Deaf-Blindness', '300'],
    ['deaf blindness (300)', '300'],
    ['DB', '300'],
    ['Deaf', '230'],
    ['DEAF', '230'],
    ['Hard of Hearing', '220'],
    ['HH', '220'],
    ['Visual Impairment', '250'],
    ['Orthopedic Impairment', '270'],
    ['OHI', '280'],
    ['281', '281'],
    ['Established Medical Disability (EMD)', '281'],
    ['Multiple Disabilities', '310'],
    ['TBI', '330'],
    ['330 - Traumatic Brain Injury', '330'],
    ['ID', '210'],
    ['  intellectual   disability  ', '210'],
    ['290 - Learning Disabilities', '290'], // one code, no conflicting name
  ])('%s → %s', (text, expected) => expect(code(text)).toBe(expected));

  it.each([['None'], ['N/A'], ['n/a'], ['200'], [''], ['   '], [null], [undefined], ['200 - None']])(
    '%s means no disability',
    (text) => {
      expect(code(text)).toBe('none');
    },
  );

  it.each([
    ['Dyslexia'],
    ['ADHD'],
    ['Learning Disability'],
    ['SLD/OHI'], // "/" reads as "or": two categories, not one
    ['290, 320'],
    ['320 - Specific Learning Disability'], // conflicting code and name
    ['999'],
    ['Autism Spectrum Disorder'],
  ])('%s stays unrecognized, quoted raw', (text) => {
    const r = normalizeDisability(text);
    expect(r).toEqual({ kind: 'unrecognized', raw: text.trim() });
  });
});

describe('normalizeService', () => {
  const id = (s: { code?: string; name?: string }) => {
    const r = normalizeService(s);
    return r.kind === 'service' ? r.row.id : r.kind;
  };
  it.each([
    [{ name: '415 - Language and Speech' }, 'SPEECH'],
    [{ name: 'Speech and Language' }, 'SPEECH'],
    [{ code: '415' }, 'SPEECH'],
    [{ code: '415', name: 'Language and Speech' }, 'SPEECH'],
    [{ name: 'Physical Therapy' }, 'PT'],
    [{ name: '330 - Specialized Academic Instruction' }, 'SAI'],
    [{ name: 'Specialized Academic Instruction (SAI)' }, 'SAI'],
    [{ code: '330' }, 'SAI'],
    [{ code: '450' }, 'OT'],
    [{ code: '510' }, 'COUNSELING_IND'],
    [{ code: '515' }, 'COUNSELING_GUID'],
    [{ name: 'Occupational Therapy' }, 'OT'],
    [{ name: 'Adapted Physical Education' }, 'APE'],
    [{ name: 'Audiological Services' }, 'AUDIOLOGY'],
    [{ name: 'Orientation and Mobility' }, 'OM'],
    [{ name: 'Psychological Services' }, 'PSYCH'],
    [{ name: 'Health and Nursing - Specialized Physical Health Care' }, 'NURSING'],
    [{ name: 'Specialized Deaf and Hard of Hearing Services' }, 'DHH'],
    [{ name: '725 - Specialized Vision Services' }, 'VISION'], // unconfirmed code beside a known name
    [{ name: 'Behavior Intervention Services' }, 'OTHER'],
  ])('%j → %s', (s, expected) => expect(id(s)).toBe(expected));

  it.each([
    [{ code: '460' }],
    [{ code: '440' }],
    [{ name: 'Music Therapy' }],
    [{ code: '415', name: 'Physical Therapy' }],
  ])('%j is unrecognized: unconfirmed codes alone and conflicts are never guessed', (s) =>
    expect(id(s)).toBe('unrecognized'),
  );
  it('an empty service is empty', () => expect(id({})).toBe('empty'));
});

describe('normalizeCredential (titles to codes)', () => {
  const codes = (title: string | null, authorizations?: string[], issued?: string) =>
    normalizeCredential({ title, authorizations, issued }).choices.map((c) => c.options.join('|'));
  it.each([
    ['Education Specialist Instruction Credential: Mild to Moderate Support Needs', ['R3MN']],
    ['Mild/Moderate', ['R3MM']],
    ['Education Specialist Instruction Credential: Moderate/Severe', ['R3MS']],
    ['Education Specialist Instruction Credential: Extensive Support Needs', ['R3EN']],
    ['Clear Speech-Language Pathology Services Credential', ['LSH']],
    ['Speech-Language Pathology Services Credential with Special Class Authorization', ['LSCA', 'LSH']],
    ['Multiple Subject Teaching Credential', ['GEN:MS']],
    ['Single Subject Teaching Credential', ['GEN:SS']],
    ['Administrative Services Credential', ['GEN:ADMIN']],
    ['Physical Therapist License', ['license:PT']],
    ['Occupational Therapist License', ['license:OT']],
    ['Speech-Language Pathologist License', ['license:SLP']],
    ['Pupil Personnel Services Credential: School Psychology', ['R513']],
    ['Pupil Personnel Services Credential: School Counseling', ['R511']],
    ['School Nurse Services Credential', ['R52N']],
    ['Clinical or Rehabilitative Services Credential: Orientation and Mobility', ['R56A:OM']],
    ['Clinical or Rehabilitative Services Credential: Audiology', ['R56A:AUD']],
    ['Autism Spectrum Disorders Added Authorization', ['AAAS']],
    ['Adapted Physical Education Added Authorization', ['APEA']],
    ['Education Specialist Bridge - Mild to Moderate Support Needs', ['R3BM']],
    ['Specialist Instruction Credential in Special Education: Communication Handicapped', ['R3CH']],
    ['Specialist Instruction Credential in Special Education: Learning Handicapped', ['R3LH']],
    ['Education Specialist Instruction Credential: Physical and Health Impairments', ['R3PI']],
    ['Education Specialist Instruction Credential: Language and Academic Development', ['R3LD']],
    ['R3MN', ['R3MN']],
    ['LSH', ['LSH']],
    ['Education Specialist (R3EN)', ['R3EN']],
    ['R56A Orientation and Mobility', ['R56A:OM']],
  ])('%s → %j', (title, expected) => expect(codes(title).sort()).toEqual([...expected].sort()));

  it.each([
    ['Education Specialist Instruction Credential: Deaf and Hard of Hearing', 'R3HD', 'R3DH'],
    ['Education Specialist Instruction Credential: Visual Impairments', 'R3VB', 'R3VI'],
    ['Education Specialist Instruction Credential: Early Childhood Special Education', 'R3ER', 'R3EC'],
  ])('%s: issue date picks %s (2022 on) or %s (before); none leaves both', (title, current, legacy) => {
    expect(codes(title, undefined, '2023-07-01')).toEqual([current]);
    expect(codes(title, undefined, '2022-01-01')).toEqual([current]);
    expect(codes(title, undefined, '2021-12-31')).toEqual([legacy]);
    expect(codes(title)).toEqual([`${current}|${legacy}`]);
  });

  it('listed authorizations are the codes; the title then only names autism or the R56A area', () => {
    expect(codes('Anything', ['r3mn', 'AAAS'])).toEqual(['R3MN', 'AAAS']);
    expect(codes('Clinical or Rehabilitative Services: Orientation and Mobility', ['R56A'])).toEqual(['R56A:OM']);
    expect(codes('Clinical or Rehabilitative Services Credential', ['R56A'])).toEqual(['R56A:AUD|R56A:OM']);
    expect(codes(null, ['License:PT'])).toEqual(['license:PT']);
    expect(
      normalizeCredential({ title: 'Mild/Moderate with Autism Spectrum Disorders', authorizations: ['R3MM'] })
        .namesAutism,
    ).toBe(true);
  });

  it('keeps texts it cannot read as unrecognized', () => {
    expect(normalizeCredential({ title: 'Local Teaching Permit' }).unrecognized).toEqual(['Local Teaching Permit']);
    expect(normalizeCredential({ title: 'Education Specialist Instruction Credential' }).unrecognized).toHaveLength(1);
    expect(normalizeCredential({ title: 'x', authorizations: ['R3MN', 'ZZZ9'] }).unrecognized).toEqual(['ZZZ9']);
  });

  it.each([
    [{ kind: 'Intern' }, 'intern'],
    [{ kind: 'PIP' }, 'PIP'],
    [{ kind: 'STSP' }, 'STSP'],
    [{ kind: 'SELAP' }, 'SELAP'],
    [{ kind: 'Short-Term Waiver' }, 'waiver'],
    [{ kind: 'clear' }, 'clear'],
    [{ title: 'Provisional Internship Permit: Mild to Moderate Support Needs' }, 'PIP'],
    [{ title: 'Short-Term Staff Permit: Extensive Support Needs' }, 'STSP'],
    [{ title: 'District Intern Credential: Mild to Moderate Support Needs' }, 'intern'],
  ])('kind of %j is %s', (d, kind) => expect(normalizeCredential(d).kind).toBe(kind));
});

describe('grade ladder', () => {
  it.each([
    ['PK', -1],
    ['Pre-K', -1],
    ['TK', 0],
    ['K', 0],
    ['KG', 0],
    ['1', 1],
    ['01', 1],
    ['3rd', 3],
    ['Grade 12', 12],
    ['12', 12],
    ['Post-Secondary', 13],
    ['Adult', 13],
    ['banana', null],
    ['15', null],
  ])('%s → %s', (g, n) => expect(parseGrade(g)).toBe(n));

  it('falls back to age on the as-of date: under 5 PK, 5 K; neither is unknown', () => {
    expect(studentLevel(null, '2022-11-23', '2026-11-22')).toMatchObject({ lo: -1, hi: -1, from: 'age' });
    expect(studentLevel(null, '2021-11-22', '2026-11-22')).toMatchObject({ lo: 0, hi: 0, from: 'age' });
    expect(studentLevel(null, null, '2026-11-22')).toMatchObject({ from: 'unknown' });
    expect(studentLevel('3', '2010-01-01', '2026-11-22')).toMatchObject({ lo: 3, hi: 3, from: 'grade' });
  });
});

const read = (r: FieldRead<string>) => (r.kind === 'value' ? r.value : r.kind);

describe('program (RULES.md input table)', () => {
  it.each([
    // RSP: codes, names, code and name together, any case, punctuation and spacing
    ['RSP', 'RSP'],
    ['rsp', 'RSP'],
    ['R.S.P.', 'RSP'],
    ['Resource', 'RSP'],
    ['Resource Specialist', 'RSP'],
    ['Resource Specialist Program', 'RSP'],
    ['resource room', 'RSP'],
    ['Resource (RSP)', 'RSP'],
    ['RSP - Resource Specialist Program', 'RSP'],
    ['  RESOURCE   SPECIALIST  ', 'RSP'],
    // SDC and its qualified forms: the qualifier never sets the degree of support
    ['SDC', 'SDC'],
    ['Special Day Class', 'SDC'],
    ['Special Day Program', 'SDC'],
    ['Special Day Class (SDC)', 'SDC'],
    ['SDC-ESN', 'SDC'],
    ['SDC (Mild/Mod)', 'SDC'],
    ['sdc mod/severe', 'SDC'],
    // RSP or SDC written with DIS or speech is RSP or SDC
    ['RSP/DIS', 'RSP'],
    ['RSP with speech', 'RSP'],
    ['Resource + Speech/Language', 'RSP'],
    ['SDC w/ DIS', 'SDC'],
    ['SDC and Speech', 'SDC'],
    // DIS: neither RSP nor SDC
    ['DIS', 'DIS'],
    ['DIS only', 'DIS'],
    ['Designated Instruction and Services', 'DIS'],
    ['Designated Instruction & Services (DIS)', 'DIS'],
    ['Designated Instruction and Services only', 'DIS'],
    ['Speech/Language Only (DIS)', 'DIS'],
    ['GENED', 'GENED'],
    ['Gen Ed', 'GENED'],
    ['gen-ed', 'GENED'],
    ['General Education', 'GENED'],
    ['Regular Education', 'GENED'],
    ['General Education (GENED)', 'GENED'],
    ['other', 'other'],
    ['Other', 'other'],
    // absent
    ['', 'absent'],
    ['   ', 'absent'],
    ['N/A', 'absent'],
    ['n/a', 'absent'],
    ['None', 'absent'],
    ['-', 'absent'],
    ['—', 'absent'],
    // two of RSP, SDC and GENED, or a code and a name that disagree
    ['RSP/SDC', 'unrecognized'],
    ['Resource (SDC)', 'unrecognized'],
    ['Special Day Class (RSP)', 'unrecognized'],
    ['SDC / Gen Ed', 'unrecognized'],
    ['General Education (RSP)', 'unrecognized'],
    // anything else, including "other" wordings that do not say other
    ['NPS', 'unrecognized'],
    ['Other (NPS)', 'unrecognized'],
    ['Speech only', 'unrecognized'],
    ['Gen Ed with speech', 'unrecognized'],
    ['RSP pull-out', 'unrecognized'],
    ['DIS - Counseling', 'unrecognized'],
    ['Program 3', 'unrecognized'],
  ])('%j → %s', (text, expected) => expect(read(normalizeProgram(text))).toBe(expected));
  it('null and undefined are absent; an unrecognized text is quoted as given', () => {
    expect(normalizeProgram(null)).toEqual({ kind: 'absent' });
    expect(normalizeProgram(undefined)).toEqual({ kind: 'absent' });
    expect(normalizeProgram(' Resource (SDC) ')).toEqual({ kind: 'unrecognized', raw: 'Resource (SDC)' });
  });
});

describe('degree of support (RULES.md input table)', () => {
  it.each([
    ['MMSN', 'MMSN'],
    ['mmsn', 'MMSN'],
    ['Mild to Moderate', 'MMSN'],
    ['Mild to Moderate Support Needs', 'MMSN'],
    ['Mild/Moderate', 'MMSN'],
    ['mild-moderate', 'MMSN'],
    ['Mild to Moderate (MMSN)', 'MMSN'],
    ['MMSN - Mild to Moderate Support Needs', 'MMSN'],
    ['ESN', 'ESN'],
    ['Extensive', 'ESN'],
    ['Extensive Support Needs', 'ESN'],
    ['Moderate/Severe', 'ESN'],
    ['EXTENSIVE SUPPORT NEEDS (ESN)', 'ESN'],
    ['', 'absent'],
    ['N/A', 'absent'],
    ['None', 'absent'],
    ['-', 'absent'],
    ['Mild to Moderate (ESN)', 'unrecognized'],
    ['moderate', 'unrecognized'],
    ['Mild', 'unrecognized'],
    ['Mild/Mod', 'unrecognized'],
    ['MMSN/ESN', 'unrecognized'],
    ['2', 'unrecognized'],
  ])('%j → %s', (text, expected) => expect(read(normalizeSupport(text))).toBe(expected));
});

describe('case manager role (RULES.md input table)', () => {
  it.each([
    ['instruction', 'instruction'],
    ['Instructional', 'instruction'],
    ['Teacher of Record', 'instruction'],
    ['teacher-of-record', 'instruction'],
    ['service', 'service'],
    ['Service Provider', 'service'],
    ['Related Service Provider', 'service'],
    ['coordination', 'coordination'],
    ['Coordinator', 'coordination'],
    ['Coordinator Only', 'coordination'],
    ['coordinator (coordination)', 'coordination'],
    ['', 'absent'],
    ['N/A', 'absent'],
    ['None', 'absent'],
    ['-', 'absent'],
    ['Case Manager', 'unrecognized'],
    ['Teacher', 'unrecognized'],
    ['Coordinator (teacher of record)', 'unrecognized'],
    ['other', 'unrecognized'],
  ])('%j → %s', (text, expected) => expect(read(normalizeRole(text))).toBe(expected));
});

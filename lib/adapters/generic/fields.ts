/**
 * The canonical fields a page can show, whatever the SIS calls them. Labels and headers map onto these
 * (synonyms.ts); record builders turn them into domain records (record.ts).
 */
export const STUDENT_FIELDS = [
  'studentId',
  'ssid',
  'seisId',
  'name',
  'firstName',
  'lastName',
  'grade',
  'birthDate',
  'school',
  'program',
  'supportLevel',
  'severe',
  'alternatePlacement',
  'primaryDisability',
  'secondaryDisability',
  'caseManager',
  'caseManagerRole',
  'services',
  /** A services table's provider column (or a record's lone provider field), paired with `services` row by row. */
  'serviceProvider',
  'iepLastMeeting',
  'iepNextAnnual',
  'iepNextTriennial',
  /** The day the student entered the district (EC 56325's 30 days after a transfer with an IEP). */
  'entryDate',
  /** Whether the student transferred in with an IEP (yes/no). */
  'transferredWithIep',
  'plan504Review',
  /** What every teacher must know (34 CFR 300.323(d)): one item a line or a list. */
  'accommodations',
  'modifications',
  'supports',
  'testingAccommodations',
] as const;

export const STAFF_FIELDS = [
  'staffId',
  'position',
  'email',
  'phone',
  'credentials',
  'credentialAuthorizations',
  'credentialKind',
  'credentialIssued',
  'credentialExpires',
  'caseloadMax',
] as const;

/** `recordId` is an id column or label that does not say whose id it is ("ID", "RosarioSIS ID"). */
export const FIELDS = [...STUDENT_FIELDS, ...STAFF_FIELDS, 'recordId'] as const;
export type FieldKey = (typeof FIELDS)[number];

/** Fields that only a special-education record shows: finding one is what makes a page worth reading. */
export const STUDENT_SPED_FIELDS: ReadonlySet<FieldKey> = new Set([
  'primaryDisability',
  'secondaryDisability',
  'caseManager',
  'caseManagerRole',
  'services',
  'serviceProvider',
  'supportLevel',
  'severe',
  'alternatePlacement',
  'iepLastMeeting',
  'iepNextAnnual',
  'iepNextTriennial',
  'transferredWithIep',
  'plan504Review',
  'seisId',
]);
/** Staff fields that describe a credential document: a page showing any of them has shown the credentials. */
export const CREDENTIAL_FIELDS: ReadonlySet<FieldKey> = new Set([
  'credentials',
  'credentialAuthorizations',
  'credentialKind',
  'credentialIssued',
  'credentialExpires',
]);
export const STAFF_SPED_FIELDS: ReadonlySet<FieldKey> = new Set([...CREDENTIAL_FIELDS, 'caseloadMax']);

export const DATE_FIELDS: ReadonlySet<FieldKey> = new Set([
  'birthDate',
  'iepLastMeeting',
  'iepNextAnnual',
  'iepNextTriennial',
  'entryDate',
  'plan504Review',
  'credentialIssued',
  'credentialExpires',
]);

const studentSet: ReadonlySet<FieldKey> = new Set(STUDENT_FIELDS);
const staffSet: ReadonlySet<FieldKey> = new Set(STAFF_FIELDS);

/** Whose field this is; `name` and `recordId` belong to both. */
export function fieldKind(field: FieldKey): 'student' | 'staff' | 'both' {
  if (field === 'name' || field === 'recordId') return 'both';
  return studentSet.has(field) ? 'student' : staffSet.has(field) ? 'staff' : 'both';
}

/** Fields that identify rather than describe: used for ids, never copied into a record's fields. */
export const ID_FIELDS: ReadonlySet<FieldKey> = new Set(['studentId', 'staffId', 'recordId', 'ssid', 'seisId']);

import { STAFF_COLUMNS } from './staff-csv';
import { STUDENT_COLUMNS } from './students-csv';
import { type ColumnAliases, matchColumns } from './table';

/** One field of the records and the file's column(s) that fed it ("Name" ← "Student First Name" + "Student Last Name"). */
export interface ColumnUse {
  field: string;
  label: string;
  columns: string[];
}

export interface ColumnReport {
  used: ColumnUse[];
  /** Columns of the file that no field reads. */
  ignored: string[];
  /** What the user should know before importing (a missing name column), in words. */
  warnings: string[];
}

type NamedFields<A> = Exclude<keyof A, 'firstName' | 'lastName'>;

const STUDENT_LABELS: Record<NamedFields<typeof STUDENT_COLUMNS>, string> = {
  id: 'Student ID',
  name: 'Name',
  grade: 'Grade',
  birthDate: 'Birth date',
  school: 'School',
  primaryDisability: 'Primary disability',
  secondaryDisability: 'Secondary disability',
  severe: 'Severe',
  supportLevel: 'Degree of support',
  program: 'Program',
  alternatePlacement: 'Alternate placement',
  caseManager: 'Case manager',
  caseManagerId: 'Case manager ID',
  caseManagerRole: 'Case manager role',
  services: 'Services',
  providers: 'Providers',
  providerIds: 'Provider IDs',
  lastMeeting: 'Last IEP meeting',
  nextAnnual: 'Next annual',
  nextTriennial: 'Next triennial',
  entryDate: 'Entry date',
  transferredWithIep: 'Transferred with an IEP',
  plan504Review: '504 plan review',
  accommodations: 'Accommodations',
  modifications: 'Modifications',
  supports: 'Supports',
  testingAccommodations: 'Testing accommodations',
};

const STAFF_LABELS: Record<NamedFields<typeof STAFF_COLUMNS>, string> = {
  id: 'Staff ID',
  name: 'Name',
  position: 'Position',
  email: 'Email',
  phone: 'Phone',
  caseloadMax: 'Caseload cap',
  title: 'Credential',
  authorizations: 'Authorizations',
  kind: 'Credential kind',
  issued: 'Issued',
  expires: 'Expires',
};

function report<F extends string>(
  header: readonly string[],
  aliases: ColumnAliases<F>,
  labels: Record<string, string>,
  who: string,
): ColumnReport {
  const at = matchColumns(header, aliases);
  const col = (f: string) => (at.has(f as F) ? (header[at.get(f as F)!] ?? null) : null);
  const used: ColumnUse[] = [];
  for (const [field, label] of Object.entries(labels)) {
    if (field === 'name') {
      // The reader's order: a full-name column, else first and last name joined.
      const full = col('name');
      const parts = [col('firstName'), col('lastName')].filter((c): c is string => c !== null);
      if (full || parts.length) used.push({ field, label, columns: full ? [full] : parts });
      continue;
    }
    const c = col(field);
    if (c !== null) used.push({ field, label, columns: [c] });
  }
  const fed = new Set(used.flatMap((u) => u.columns));
  const ignored = header.filter((h) => h && !fed.has(h));
  const warnings: string[] = [];
  if (!used.some((u) => u.field === 'name')) {
    warnings.push(
      `No name column: the ${who} will show by id only (expected a header such as "Name", or "First Name" and "Last Name").`,
    );
  } else if (!col('name') && !(col('firstName') && col('lastName'))) {
    warnings.push(`Only a ${col('firstName') ? 'first' : 'last'} name column: names will be incomplete.`);
  }
  return { used, ignored, warnings };
}

/** Which column of a CSV header feeds which field, for the import preview; the same matching the readers use. */
export function describeColumns(kind: 'students' | 'staff', header: readonly string[]): ColumnReport {
  return kind === 'students'
    ? report(header, STUDENT_COLUMNS, STUDENT_LABELS, 'students')
    : report(header, STAFF_COLUMNS, STAFF_LABELS, 'staff');
}

import { type Credential, Staff } from '../domain/records';
import type { Progress } from './errors';
import { type ColumnAliases, readImportTable, type TableRow } from './table';
import { checkRecord } from './validate';
import { readDate, readList } from './values';

/** Header spellings understood in a staff export: one row per credential document, or lists in one row. */
export const STAFF_COLUMNS = {
  id: ['staffid', 'employeeid', 'id', 'staffnumber', 'empid', 'employeenumber', 'seid', 'staffidnumber'],
  name: ['name', 'staffname', 'fullname', 'employeename', 'staff'],
  firstName: ['firstname', 'first', 'givenname', 'stafffirstname', 'employeefirstname', 'legalfirstname'],
  lastName: ['lastname', 'last', 'surname', 'familyname', 'stafflastname', 'employeelastname', 'legallastname'],
  // A bare "Title" in an HR export is the job title; credential titles come under Credential or Document.
  position: ['position', 'jobtitle', 'assignment', 'positiontitle', 'job', 'title'],
  email: ['email', 'emailaddress'],
  phone: ['phone', 'phonenumber', 'telephone'],
  caseloadMax: ['caseloadmax', 'caseloadcap', 'maxcaseload'],
  title: [
    'credential',
    'credentialtitle',
    'document',
    'documenttitle',
    'credentialname',
    'credentials',
    'credentialdocument',
  ],
  authorizations: [
    'authorizations',
    'authorization',
    'authorizationcodes',
    'authcodes',
    'auths',
    'codes',
    'authorizationcode',
  ],
  kind: ['kind', 'type', 'credentialtype', 'documenttype', 'term', 'credentialterm'],
  issued: ['issued', 'issuedate', 'dateofissue', 'issuedon', 'issueddate'],
  expires: [
    'expires',
    'expiration',
    'expirationdate',
    'expiry',
    'expireson',
    'expirydate',
    'dateexpire',
    'validuntil',
    'expiredate',
  ],
} as const satisfies ColumnAliases<string>;

type Field = keyof typeof STAFF_COLUMNS;

function readCaseloadMax(cell: string): number | undefined {
  if (!cell) return undefined;
  if (!/^\d+$/.test(cell)) throw new Error('not a whole number');
  return Number(cell);
}

/** The documents on one row: one with its dates, or a `;` list of titles (dates then apply only to a single one). */
function readDocs(r: TableRow<Field>): Credential[] {
  const titles = r.get('title').includes(';') ? readList(r.get('title')) : [r.get('title')].filter(Boolean);
  // Codes never contain spaces, so "R3MN, AAAS", "R3MN;AAAS" and "R3MN AAAS" all read the same.
  const authorizations = r
    .get('authorizations')
    .split(/[;,\s]+/)
    .filter(Boolean);
  const kind = r.get('kind') || null;
  const issued = r.read('issued', readDate) ?? null;
  const expires = r.read('expires', readDate) ?? null;
  if (titles.length > 1) return titles.map((title) => ({ title }));
  if (!titles.length && !authorizations.length) {
    if (kind || issued || expires)
      r.fail('title', 'a credential kind or date is given without a credential title or authorization');
    return [];
  }
  const doc: Credential = { title: titles[0] ?? null, kind, issued, expires };
  if (authorizations.length) doc.authorizations = authorizations;
  return [doc];
}

/** Parses a staff CSV export; rows with the same staff id are one person with several documents. Throws ImportError. */
export function parseStaffCsv(text: string, file: string, onProgress?: Progress): Staff[] {
  const byId = new Map<string, Staff>();
  readImportTable(
    text,
    file,
    STAFF_COLUMNS,
    (r) => {
      const id = r.get('id');
      if (!id) r.fail('id', 'the staff id is empty');
      const docs = readDocs(r);
      let staff = byId.get(id);
      if (!staff) {
        const name = r.get('name') || [r.get('firstName'), r.get('lastName')].filter(Boolean).join(' ');
        staff = {
          id,
          name,
          position: r.get('position') || null,
          email: r.get('email') || null,
          phone: r.get('phone') || null,
          caseloadMax: r.read('caseloadMax', readCaseloadMax) ?? null,
          // No credential column at all (a list of names and job titles): never read, not read and empty.
          credentials: r.has('title') || r.has('authorizations') ? [] : undefined,
        };
        byId.set(id, staff);
      }
      staff.credentials?.push(...docs);
      checkRecord(Staff, staff, file, { row: r.row, line: r.line });
    },
    { onProgress, required: { id: 'no staff id column (expected a header such as "Staff ID" or "Employee ID")' } },
  );
  return [...byId.values()];
}

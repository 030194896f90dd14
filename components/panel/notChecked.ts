import { staffFindingsKey, storedWithIds, studentRowKey } from '../../lib/db/student-rows';
import type { LiaisonDb, PageRow } from '../../lib/db/database';
import { staffRefKeys, studentStaffRefs } from '../../lib/db/merge';
import { personNameKey, type Service, type Staff, type Student } from '../../lib/domain';
import type { GradedFinding } from '../../lib/domain/severity';
import { isNotCheckedFinding } from '../../lib/domain/not-checked';
import { staffResolver } from '../../lib/domain/staff-resolver';
import type { StaffLink } from '../../lib/messaging/read-summary';

/** Someone whose credentials Liaison has not seen, and what they are to the page's students. */
export interface NotCheckedPerson {
  key: string;
  name: string;
  staffId: string | null;
  /** `no-record`: no staff record at all; `not-read`: a record, but its credentials were never read. */
  reason: 'no-record' | 'not-read';
  /** "Case manager of Sofia Martinez", "Provides Language and Speech to Sofia Martinez", "On this page". */
  roles: string[];
  /** The page's link to their staff page, when it gave one. */
  url: string | null;
}

export interface NotCheckedInput {
  students: { id: string; name: string; record?: Student; findings: readonly GradedFinding[] }[];
  /** Staff records shown on the page (a staff list), with their findings. */
  pageStaff: { id: string; name: string; findings: readonly GradedFinding[] }[];
  /** A staff member by id or name as a student refers to them; undefined when Liaison has no (single) record. */
  resolve: (ref: { staffId?: string | null; name?: string | null }) => Staff | undefined;
  staffFindings: (staffId: string) => readonly GradedFinding[];
  links: readonly StaffLink[];
}

const has = (fs: readonly GradedFinding[], code: string) => fs.some((f) => f.code === code);
const neverRead = (s: Staff) => s.credentials === undefined || s.credentials === null;
const infoNoCredentials = (fs: readonly GradedFinding[]) =>
  fs.some((f) => f.code === 'STAFF_NO_CREDENTIALS' && isNotCheckedFinding(f));

/**
 * Who on this page Liaison could not check (RULES.md check 8, "Not checked yet"): the case manager of a student
 * with `CM_NOT_CHECKED`; a provider with no record or never-read credentials of a student with `PROVIDER_NOT_CHECKED`
 * or `PROVIDER_UNKNOWN_STAFF`; and any case manager, provider or staff record of the page whose own findings hold
 * an info `STAFF_NO_CREDENTIALS`. One entry per person, their roles gathered.
 */
export function collectNotChecked(input: NotCheckedInput): NotCheckedPerson[] {
  const people = new Map<string, NotCheckedPerson & { roleSet: Set<string> }>();
  const add = (ref: { staffId?: string | null; name?: string | null }, staff: Staff | undefined, role: string) => {
    const nameKey = personNameKey(staff?.name ?? ref.name);
    const key = staff ? `staff:${staff.id}` : ref.staffId ? `id:${ref.staffId}` : nameKey ? `name:${nameKey}` : '';
    if (!key) return;
    let p = people.get(key);
    if (!p) {
      const staffId = staff?.id ?? ref.staffId ?? null;
      const link = input.links.find(
        (l) => (staffId && l.staffId === staffId) || (nameKey && personNameKey(l.name) === nameKey),
      );
      const name = staff?.name || ref.name || staffId || 'Unnamed staff member';
      p = {
        key,
        name,
        staffId,
        reason: staff ? 'not-read' : 'no-record',
        roles: [],
        url: link?.url ?? null,
        roleSet: new Set(),
      };
      people.set(key, p);
    }
    if (!p.roleSet.has(role)) {
      p.roleSet.add(role);
      p.roles.push(role);
    }
  };

  for (const s of input.students) {
    const r = s.record;
    if (!r) continue;
    const cmNotChecked = has(s.findings, 'CM_NOT_CHECKED');
    const providerNotChecked = has(s.findings, 'PROVIDER_NOT_CHECKED') || has(s.findings, 'PROVIDER_UNKNOWN_STAFF');
    const unseen = (staff: Staff | undefined) =>
      !staff || neverRead(staff) || infoNoCredentials(input.staffFindings(staff.id));
    const cm = r.caseManager;
    if (cm && (cm.staffId || cm.name)) {
      const staff = input.resolve(cm);
      if (cmNotChecked || (staff && infoNoCredentials(input.staffFindings(staff.id))))
        add(cm, staff, `Case manager of ${s.name}`);
    }
    for (const sv of r.services ?? []) {
      const ref = { staffId: sv.providerStaffId, name: sv.providerName };
      if (!ref.staffId && !ref.name) continue;
      const staff = input.resolve(ref);
      const listed =
        (providerNotChecked && unseen(staff)) || (staff && infoNoCredentials(input.staffFindings(staff.id)));
      if (listed) add(ref, staff, `Provides ${sv.name || sv.code || 'a service'} to ${s.name}`);
    }
  }
  for (const st of input.pageStaff)
    if (infoNoCredentials(st.findings))
      add(
        { staffId: st.id, name: st.name },
        input.resolve({ staffId: st.id }) ?? { id: st.id, name: st.name },
        'On this page',
      );

  return [...people.values()].map(({ roleSet: _r, ...p }) => p).sort((a, b) => a.name.localeCompare(b.name));
}

const providerRef = (s: Service) => ({ staffId: s.providerStaffId, name: s.providerName });

/** Reads what collectNotChecked needs for a page from the database (the page's students and their staff). */
export async function loadNotChecked(
  db: LiaisonDb,
  page: PageRow,
  links: readonly StaffLink[],
): Promise<NotCheckedPerson[]> {
  const site = page.site;
  const studentSubjects = page.subjects.filter((s) => s.kind === 'student');
  const staffSubjects = page.subjects.filter((s) => s.kind === 'staff');
  // The page's own subjects' findings are on its row (`graded`, kept in step with their findings rows). Read by id
  // as the worker reads a page (one range for a run of ids): a bulkGet of a 3,000-row list kept the panel's main
  // thread busy for 130-150 ms issuing one request per student.
  const stored = new Map(
    (
      await storedWithIds(
        db,
        site,
        studentSubjects.map((s) => s.id),
      )
    ).map((r) => [studentRowKey(r), r]),
  );
  const studentRows = studentSubjects.map((s) => stored.get(studentRowKey({ site, school: s.school ?? '', id: s.id })));
  const refs = new Set<string>(staffSubjects.flatMap((s) => staffRefKeys(site, { id: s.id, name: '' })));
  for (const r of studentRows) if (r) for (const k of studentStaffRefs(site, r.record)) refs.add(k);
  // A staff id written where the name goes names that staff member (lib/domain/staff-resolver.ts): read that row too.
  for (const r of studentRows)
    for (const ref of r ? [r.record.caseManager, ...(r.record.services ?? []).map(providerRef)] : [])
      if (ref?.name?.trim() && !ref.staffId?.trim()) refs.add(`${site}|id:${ref.name.trim()}`);
  // A row that several of the keys match comes back once per key: keep one, or its name would seem shared.
  const matched = refs.size
    ? await db.staff
        .where('refs')
        .anyOf([...refs])
        .toArray()
    : [];
  const staffRows = [...new Map(matched.map((r) => [r.id, r])).values()];
  // Every row that shares a name key the page's references use is read, so a name is ambiguous here exactly when
  // it is among all the site's staff.
  const resolver = staffResolver(
    staffRows,
    (r) => r.id,
    (r) => personNameKey(r.record.name),
  );
  const staffFindingRows = await db.findings.bulkGet(staffRows.map((r) => staffFindingsKey(site, r.id)));
  const staffFindings = new Map(staffRows.map((r, i) => [r.id, staffFindingRows[i]?.findings ?? []]));

  return collectNotChecked({
    students: studentSubjects.map((s, i) => ({
      ...s,
      record: studentRows[i]?.record,
      findings: s.graded ?? [],
    })),
    pageStaff: staffSubjects.map((s) => ({ ...s, findings: s.graded ?? [] })),
    resolve: (ref) => resolver.resolve(ref.staffId, ref.name)?.hit?.record,
    staffFindings: (id) => staffFindings.get(id) ?? [],
    links,
  });
}

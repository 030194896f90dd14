import { studentFindingsKey, studentKey } from '../db/student-rows';
import Dexie from 'dexie';
import type { LiaisonDb, StudentRow } from '../db/database';
import type { DistrictInput } from './aggregate';

/**
 * The cached rows the district view and My caseload read: three bulk reads in one read transaction, so a
 * worker write in between cannot pair a new student with old findings. `site` limits to one SIS.
 */
export function loadDistrictInput(db: LiaisonDb, site?: string | null): Promise<DistrictInput> {
  return db.transaction('r', [db.students, db.staff, db.findings], async () => {
    const [students, staff, findings] = await Promise.all(
      site
        ? [
            db.students.where('site').equals(site).toArray(),
            db.staff.where('site').equals(site).toArray(),
            db.findings.where('site').equals(site).toArray(),
          ]
        : [db.students.toArray(), db.staff.toArray(), db.findings.toArray()],
    );
    return { students, staff, findings };
  });
}

/** Every site Liaison holds records of. */
export async function knownSites(db: LiaisonDb): Promise<string[]> {
  const [a, b] = await Promise.all([db.students.orderBy('site').uniqueKeys(), db.staff.orderBy('site').uniqueKeys()]);
  return [...new Set([...a, ...b].map(String))].sort();
}

/** The site of the page the user looked at last, else the first site with records, else null. */
export async function recentSite(db: LiaisonDb): Promise<string | null> {
  const page = await db.pages.orderBy('at').last();
  if (page) return page.site;
  return (await knownSites(db))[0] ?? null;
}

export interface LoadProgress {
  /** Students read so far, and how many the site holds. */
  loaded: number;
  total: number;
}

export interface ProgressiveOptions {
  /** Students in the first read, shown while the rest loads. */
  first?: number;
  chunk?: number;
  /** Called with what is read so far: after the first chunk and after staff. */
  onPartial?: (input: DistrictInput) => void;
  onProgress?: (p: LoadProgress) => void;
  pause?: () => Promise<void>;
}

const tick = () => new Promise<void>((r) => setTimeout(r, 0));

/**
 * Reads a site's (or every site's) rows in primary-key chunks so the district view can show its first page
 * long before 50,000 students are read, and stays responsive while the rest arrive. Findings rows are keyed
 * [site, kind, id], so a chunk of students [site, id] … has its findings in one key range of the same order.
 */
export async function loadDistrictProgressively(
  db: LiaisonDb,
  site: string | null,
  opts: ProgressiveOptions = {},
): Promise<DistrictInput> {
  const { first = 500, chunk = 5000, pause = tick } = opts;
  // Counting a 50,000-entry index takes a while: it runs beside the first read instead of before it.
  let total = 0;
  const counted = (site ? db.students.where('site').equals(site).count() : db.students.count()).then(
    (n) => (total = n),
  );
  const sites = site ? [site] : await knownSites(db);
  const students: DistrictInput['students'][number][] = [];
  const findings: DistrictInput['findings'][number][] = [];
  const staff: DistrictInput['staff'][number][] = [];
  const snapshot = (): DistrictInput => ({ students: [...students], staff: [...staff], findings: [...findings] });

  const readStaff = async () => {
    for (const s of sites) {
      staff.push(...(await db.staff.where('site').equals(s).toArray()));
      findings.push(
        ...(await db.findings.where(':id').between([s, 'staff', Dexie.minKey], [s, 'staff', Dexie.maxKey]).toArray()),
      );
    }
  };

  let after: unknown[] | null = null;
  for (let size = first; ; size = chunk) {
    const range = site
      ? db.students.where(':id').between(after ?? [site, Dexie.minKey], [site, Dexie.maxKey], after === null, true)
      : after
        ? db.students.where(':id').above(after)
        : db.students.toCollection();
    const rows: StudentRow[] = await range.limit(size).toArray();
    const a = rows[0];
    const b = rows[rows.length - 1];
    if (a && b) {
      const f = await db.findings
        .where(':id')
        .between(studentFindingsKey(a), studentFindingsKey(b), true, true)
        .toArray();
      students.push(...rows);
      for (const r of f) if (r.kind === 'student') findings.push(r);
      if (after !== null) await counted;
      opts.onProgress?.({ loaded: students.length, total: Math.max(total, students.length) });
    }
    if (after === null) {
      opts.onPartial?.(snapshot());
      // Staff and their findings next: the case managers' names and the caseload counts need them.
      await readStaff();
      opts.onPartial?.(snapshot());
    }
    if (rows.length < size) {
      await counted;
      break;
    }
    after = studentKey(b!); // rows is as long as `size` here, and size is at least 1
    await pause();
  }
  return { students, staff, findings };
}

/**
 * My caseload's rows: with "me" set, only the students who refer to me (the staffRefs index) and the staff
 * they refer to, so the side panel stays cheap however much of the district is cached; without, the site.
 */
export async function loadCaseloadInput(
  db: LiaisonDb,
  site: string,
  me: { site: string; staffId: string } | null,
): Promise<DistrictInput> {
  if (!me || me.site !== site) return loadDistrictInput(db, site);
  return db.transaction('r', [db.students, db.staff, db.findings], async () => {
    const self = await db.staff.get([me.site, me.staffId]);
    if (!self) return { students: [], staff: [], findings: [] };
    const students = await db.students.where('staffRefs').anyOf(self.refs).distinct().toArray();
    const refs = [...new Set(students.flatMap((s) => s.staffRefs))];
    const [staff, findings] = await Promise.all([
      refs.length ? db.staff.where('refs').anyOf(refs).distinct().toArray() : Promise.resolve([self]),
      db.findings.bulkGet(students.map(studentFindingsKey)),
    ]);
    return { students, staff, findings: findings.filter((f) => f !== undefined) };
  });
}

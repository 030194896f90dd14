import { browserCheckSettings, runAllChecks, type CheckSettings } from '../checks';
import type { Finding } from '../domain';
import type { StaffRow, StudentRow } from './database';

/** Each checked row's findings (none when the checks found nothing), and how many findings there were in all. */
export interface RowFindings {
  student(row: Pick<StudentRow, 'school' | 'id'>): Finding[];
  staff(row: Pick<StaffRow, 'id'>): Finding[];
  count: number;
}

/**
 * Runs every check on stored rows, for page reads and imports alike. The checks know a student by id alone; two
 * students of one site that share an id (at two schools) get a run-only id each, and their findings go back to
 * their own rows under their real id.
 */
export function checkRows(
  students: readonly StudentRow[],
  staff: readonly StaffRow[],
  opts: { asOf: string; settings?: CheckSettings },
): RowFindings {
  const perId = new Map<string, number>();
  for (const r of students) perId.set(r.id, (perId.get(r.id) ?? 0) + 1);
  const runIds = new Map<string, string>();
  const runId = (r: Pick<StudentRow, 'school' | 'id'>) => {
    if ((perId.get(r.id) ?? 0) < 2) return r.id;
    const key = `${r.id}\u0000${r.school}`;
    runIds.set(key, r.id);
    return key;
  };
  const findings = runAllChecks(
    {
      students: students.map((r) => (runId(r) === r.id ? r.record : { ...r.record, id: runId(r) })),
      staff: staff.map((r) => r.record),
    },
    { asOf: opts.asOf, settings: browserCheckSettings(opts.settings) },
  );
  const bySubject = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = `${f.subject.kind}:${f.subject.id}`;
    const real = f.subject.kind === 'student' ? runIds.get(f.subject.id) : undefined;
    const finding = real ? { ...f, subject: { ...f.subject, id: real } } : f;
    (bySubject.get(key) ?? bySubject.set(key, []).get(key)!).push(finding);
  }
  return {
    student: (r) => bySubject.get(`student:${runId(r)}`) ?? [],
    staff: (r) => bySubject.get(`staff:${r.id}`) ?? [],
    count: findings.length,
  };
}

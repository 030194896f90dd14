import type { Student } from '../../../lib/domain/records';
import type { IepDates } from '../../../lib/domain/records';
import { complianceFindings, type ComplianceOptions } from '../../../lib/compliance';

export function student(iep: IepDates | null, extra: Partial<Student> = {}): Student {
  return { id: 'S1', name: 'Sofia Martinez', iep, ...extra };
}

/** The codes raised for one student. */
export function codes(s: Student, opts: ComplianceOptions): string[] {
  return complianceFindings([s], opts).map((f) => f.code);
}

/** The one finding with `code`, failing the test when there is not exactly one. */
export function only(s: Student, opts: ComplianceOptions, code: string) {
  const found = complianceFindings([s], opts).filter((f) => f.code === code);
  if (found.length !== 1) throw new Error(`expected one ${code}, got ${found.length}`);
  return found[0];
}

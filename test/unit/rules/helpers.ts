import type { Finding } from '../../../lib/domain/finding';
import type { Staff, Student } from '../../../lib/domain/records';
import { runChecks } from '../../../lib/rules';

/** The codes cases.json compares: warnings and errors, plus the info code CM_AUTH_VIA_PROVIDER. */
export function comparedCodes(findings: readonly Finding[], kind: 'student' | 'staff', id: string): string[] {
  return [
    ...new Set(
      findings
        .filter((f) => f.subject.kind === kind && f.subject.id === id && (f.severity !== 'info' || f.code === 'CM_AUTH_VIA_PROVIDER'))
        .map((f) => f.code),
    ),
  ].sort();
}

export function expectedVsActual(findings: readonly Finding[], kind: 'student' | 'staff', id: string, expected: string[]) {
  return { actual: comparedCodes(findings, kind, id), expected: [...expected].sort() };
}

export const AS_OF = '2026-11-22';

/** Staff builders for unit tests. */
export function teacher(id: string, name: string, ...docs: NonNullable<Staff['credentials']>): Staff {
  return { id, name, position: 'Teacher', credentials: docs };
}

export function doc(authorizations: string[] | null, more: Partial<NonNullable<Staff['credentials']>[number]> = {}) {
  return { ...(authorizations ? { authorizations } : {}), kind: 'clear', expires: '2030-06-30', ...more };
}

/** A student taught by `cm` (role instruction, 330 from them) with the given disability; override anything. */
export function pupil(id: string, cm: string, primaryDisability: string, more: Partial<Student> = {}): Student {
  return {
    id,
    name: `Student ${id}`,
    grade: '4',
    primaryDisability,
    supportLevel: 'MMSN',
    program: 'SDC',
    alternatePlacement: false,
    caseManager: { staffId: cm, role: 'instruction' },
    services: [{ code: '330', providerStaffId: cm }],
    ...more,
  };
}

/** Runs the pack and returns the compared codes for one student and all findings. */
export function codesFor(staff: Staff[], students: Student[], id = students[0].id, asOf = AS_OF) {
  const findings = runChecks({ staff, students }, { asOf });
  return { codes: comparedCodes(findings, 'student', id), all: findings, of: (kind: 'student' | 'staff', sid: string) => comparedCodes(findings, kind, sid) };
}

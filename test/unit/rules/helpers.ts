import type { Finding } from '../../../lib/domain/finding';
import type { Staff, Student } from '../../../lib/domain/records';
import { RULE_CODES, runChecks, type RuleSettings } from '../../../lib/rules';

/** The codes cases.json compares: warnings and errors, plus the info code CM_AUTH_VIA_PROVIDER. */
export function comparedCodes(findings: readonly Finding[], kind: 'student' | 'staff', id: string): string[] {
  return [
    ...new Set(
      findings
        .filter(
          (f) =>
            f.subject.kind === kind &&
            f.subject.id === id &&
            (f.severity !== 'info' || f.code === 'CM_AUTH_VIA_PROVIDER'),
        )
        .map((f) => f.code),
    ),
  ].sort();
}

export function expectedVsActual(
  findings: readonly Finding[],
  kind: 'student' | 'staff',
  id: string,
  expected: string[],
) {
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
export function codesFor(staff: Staff[], students: Student[], id = students[0]!.id, asOf = AS_OF) {
  const findings = runChecks({ staff, students }, { asOf });
  return {
    codes: comparedCodes(findings, 'student', id),
    all: findings,
    of: (kind: 'student' | 'staff', sid: string) => comparedCodes(findings, kind, sid),
  };
}

/** Every finding of one subject as "CODE:severity", info included, in output order. */
export function graded(findings: readonly Finding[], kind: 'student' | 'staff', id: string): string[] {
  return findings.filter((f) => f.subject.kind === kind && f.subject.id === id).map((f) => `${f.code}:${f.severity}`);
}

/** Runs the pack with settings; `student(id)` and `staff(id)` give graded findings, info included. */
export function runWith(staff: Staff[], students: Student[], settings: Partial<RuleSettings> = {}, asOf = AS_OF) {
  const all = runChecks({ staff, students }, { asOf, settings });
  // Every finding carries a listed code at one of its listed severities.
  for (const f of all)
    if (!(RULE_CODES as Record<string, readonly string[]>)[f.code]?.includes(f.severity))
      throw new Error(`${f.code} as ${f.severity} is not in RULE_CODES`);
  const of = (kind: 'student' | 'staff', id: string, code?: string) =>
    all.filter((f) => f.subject.kind === kind && f.subject.id === id && (!code || f.code === code));
  return {
    all,
    student: (id = students[0]!.id) => graded(all, 'student', id),
    staff: (id: string) => graded(all, 'staff', id),
    /** The one finding of this code on the subject (fails when there is none or more than one). */
    one: (kind: 'student' | 'staff', id: string, code: string) => {
      const found = of(kind, id, code);
      if (found.length !== 1) throw new Error(`expected one ${code} on ${kind} ${id}, got ${found.length}`);
      return found[0];
    },
  };
}

import type { CaseManagerRole, Service, Student } from '../domain/records';
import { type Level, studentLevel } from './grade';
import { type DisabilityResult, normalizeDisability } from './normalize/disability';
import { type ServiceResult, normalizeService } from './normalize/service';
import {
  type FieldRead,
  normalizeProgram,
  normalizeRole,
  normalizeSupport,
  type Program,
  valueOf,
} from './normalize/student-fields';
import type { SupportLevel } from './pack/coverage';
import type { Category } from './pack/disabilities';
import { type RuleStaffIndex, type StaffRef, sameStaff } from './staff-index';

export interface ServiceCtx {
  service: Service;
  norm: ServiceResult;
  provider: StaffRef | null;
}

/** A student with every text read once: the input the checks share. */
export interface StudentCtx {
  student: Student;
  primary: DisabilityResult;
  secondary: DisabilityResult;
  level: Level;
  support: SupportLevel | null;
  program: Program | null;
  /** The case manager's role as recorded (the enum, else the page's text); null when unknown or unreadable. */
  role: CaseManagerRole | null;
  /** Closed fields whose text could not be read: DATA_UNRECOGNIZED, and absent for the checks. */
  unreadable: { field: UnreadableField; raw: string }[];
  cm: StaffRef | null;
  services: ServiceCtx[];
  has: Category[];
}

export type UnreadableField = 'program' | 'degree of support' | 'case manager role';

export function buildStudentCtx(student: Student, staff: RuleStaffIndex, asOf: string): StudentCtx {
  const primary = normalizeDisability(student.primaryDisability);
  const secondary = normalizeDisability(student.secondaryDisability);
  const has: Category[] = [];
  if (primary.kind === 'category') has.push(primary.abbr);
  if (secondary.kind === 'category') has.push(secondary.abbr);
  const cmRef = student.caseManager;
  const unreadable: StudentCtx['unreadable'] = [];
  const read = <T>(field: UnreadableField, r: FieldRead<T>): T | null => {
    if (r.kind === 'unrecognized') unreadable.push({ field, raw: r.raw });
    return valueOf(r);
  };
  const support = read('degree of support', normalizeSupport(student.supportLevel));
  const program = read('program', normalizeProgram(student.program));
  const role = cmRef?.role ?? (cmRef ? read('case manager role', normalizeRole(cmRef.roleText)) : null);
  return {
    student,
    primary,
    secondary,
    level: studentLevel(student.grade, student.birthDate, asOf),
    support,
    program,
    role,
    unreadable,
    cm: cmRef ? staff.resolve(cmRef.staffId, cmRef.name) : null,
    services: (student.services ?? []).map((service) => ({
      service,
      norm: normalizeService(service),
      provider: staff.resolve(service.providerStaffId, service.providerName),
    })),
    has,
  };
}

/** Services of this kind (by ServiceRow id) and their providers. */
export function servicesOf(ctx: StudentCtx, id: string): ServiceCtx[] {
  return ctx.services.filter((s) => s.norm.kind === 'service' && s.norm.row.id === id);
}

export function providesService(ctx: StudentCtx, who: StaffRef | null, id?: string): boolean {
  return ctx.services.some(
    (s) => (!id || (s.norm.kind === 'service' && s.norm.row.id === id)) && sameStaff(s.provider, who),
  );
}

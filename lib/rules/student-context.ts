import type { Service, Student } from '../domain/records';
import { type Level, studentLevel } from './grade';
import { type DisabilityResult, normalizeDisability } from './normalize/disability';
import { type ServiceResult, normalizeService } from './normalize/service';
import { words } from './normalize/text';
import type { SupportLevel } from './pack/coverage';
import type { Category } from './pack/disabilities';
import { type StaffIndex, type StaffRef, sameStaff } from './staff-index';

export type Program = 'RSP' | 'SDC' | 'GENED' | 'OTHER';

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
  cm: StaffRef | null;
  services: ServiceCtx[];
  has: Category[];
}

const PROGRAMS: Record<string, Program> = {
  rsp: 'RSP', 'resource specialist program': 'RSP', resource: 'RSP', 'resource specialist': 'RSP', 'resource program': 'RSP',
  sdc: 'SDC', 'special day class': 'SDC', 'special day': 'SDC',
  gened: 'GENED', 'gen ed': 'GENED', 'general education': 'GENED', 'general ed': 'GENED',
};

export function normalizeProgram(text: string | null | undefined): Program | null {
  if (!text?.trim()) return null;
  return PROGRAMS[words(text)] ?? 'OTHER';
}

const SUPPORT: Record<string, SupportLevel> = {
  mmsn: 'MMSN', 'mild to moderate support needs': 'MMSN', 'mild to moderate': 'MMSN', mild: 'MMSN',
  esn: 'ESN', 'extensive support needs': 'ESN', extensive: 'ESN',
};

export function normalizeSupport(text: string | null | undefined): SupportLevel | null {
  return text ? (SUPPORT[words(text)] ?? null) : null;
}

export function buildStudentCtx(student: Student, staff: StaffIndex, asOf: string): StudentCtx {
  const primary = normalizeDisability(student.primaryDisability);
  const secondary = normalizeDisability(student.secondaryDisability);
  const has: Category[] = [];
  if (primary.kind === 'category') has.push(primary.abbr);
  if (secondary.kind === 'category') has.push(secondary.abbr);
  const cmRef = student.caseManager;
  return {
    student,
    primary,
    secondary,
    level: studentLevel(student.grade, student.birthDate, asOf),
    support: normalizeSupport(student.supportLevel),
    program: normalizeProgram(student.program),
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
  return ctx.services.some((s) => (!id || (s.norm.kind === 'service' && s.norm.row.id === id)) && sameStaff(s.provider, who));
}

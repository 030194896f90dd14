import type { Finding } from '../domain/finding';
import type { Staff, Student } from '../domain/records';
import { Candidates } from './candidates';
import { checkBestPractice } from './checks/best-practice';
import { Caseloads, checkCaseloads } from './checks/caseload';
import { checkInstruction } from './checks/instruction';
import { NotChecked } from './checks/not-checked';
import { placementDisability } from './checks/placement';
import { checkProviders } from './checks/providers';
import { checkStaff, expiringUntil } from './checks/staff';
import { checkStudentData } from './checks/student-data';
import { makeNeed, type Need } from './coverage';
import { FindingSink, sortFindings } from './findings';
import { resolveRuleSettings, type RuleSettings } from './settings';
import { indexStaff, type StaffInfo } from './staff-index';
import { buildStudentCtx } from './student-context';

/**
 * Runs every check of RULES.md over the records as of `opts.asOf` (YYYY-MM-DD). Pure and synchronous: no I/O,
 * no DOM, so it runs in the service worker, the side panel, the CLI and benchmarks alike. Linear in the input:
 * staff are indexed once and each distinct text is normalized once.
 */
export function runChecks(
  data: { students: Student[]; staff: Staff[] },
  opts: { asOf: string; settings?: Partial<RuleSettings> },
): Finding[] {
  const settings = resolveRuleSettings(opts.settings);
  const { asOf } = opts;
  const staff = indexStaff(data.staff, asOf);
  const sink = new FindingSink();
  const candidates = new Candidates(staff);
  const involved = new Set<StaffInfo>();
  const localCaps = Object.keys(settings.caseloadCaps).length > 0 || data.staff.some((s) => s.caseloadMax != null);
  const loads = new Caseloads(localCaps);
  for (const student of data.students) {
    const ctx = buildStudentCtx(student, staff, asOf);
    if (ctx.cm?.kind === 'staff') involved.add(ctx.cm.info);
    for (const s of ctx.services) if (s.provider?.kind === 'staff') involved.add(s.provider.info);
    loads.add(ctx);
    checkStudentData(ctx, settings, sink);
    const notChecked = new NotChecked();
    const inUse = placementDisability(ctx, settings, notChecked, sink);
    const need: Need | null = inUse.kind === 'category' ? makeNeed(inUse.abbr, ctx.level, ctx.support, ctx.has) : null;
    const cmReported = checkInstruction(ctx, need, candidates, settings, notChecked, sink);
    checkProviders(ctx, need, cmReported, settings, notChecked, sink);
    notChecked.flush(ctx, sink);
    checkBestPractice(ctx, sink);
  }
  const lead = expiringUntil(asOf, settings);
  for (const info of staff.byId.values()) checkStaff(info, involved.has(info), lead, settings, sink);
  checkCaseloads(loads, settings, sink);
  return sortFindings(sink.items);
}

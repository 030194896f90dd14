import type { FindingSink } from '../findings';
import { cite } from '../pack/sources';
import { refLabel, sameStaff, type StaffRef } from '../staff-index';
import { servicesOf, type StudentCtx } from '../student-context';

const CITE = cite('CTC_CASE_MGMT');

interface Fit {
  who: StaffRef[];
  role: string;
  scenario: string;
}

/** Seed 001 best-practice scenarios: who should case-manage this student, if the data says. */
function providersOf(ctx: StudentCtx, id: string): StaffRef[] {
  const out: StaffRef[] = [];
  for (const s of servicesOf(ctx, id)) if (s.provider) out.push(s.provider);
  return out;
}

function bestFit(ctx: StudentCtx): Fit | null {
  if (ctx.program === 'RSP') {
    return {
      who: providersOf(ctx, 'SAI'),
      role: 'RSP teacher',
      scenario: 'in RSP (with or without speech, pull-out, push-in or fully included)',
    };
  }
  const recognized = ctx.services.every((s) => s.norm.kind === 'service');
  const speechOnly = ctx.services.length > 0 && recognized && servicesOf(ctx, 'SPEECH').length === ctx.services.length;
  if (speechOnly && ctx.program !== 'SDC') {
    return { who: providersOf(ctx, 'SPEECH'), role: 'SLP', scenario: 'receiving only speech therapy' };
  }
  if (ctx.program === 'SDC' && servicesOf(ctx, 'PT').length > 0) {
    return {
      who: providersOf(ctx, 'SAI'),
      role: 'SDC teacher',
      scenario: 'receiving physical therapy and instruction in a special day class',
    };
  }
  return null;
}

/** Check 5: CM_BEST_PRACTICE when the case manager is not the person seed 001 recommends. */
export function checkBestPractice(ctx: StudentCtx, sink: FindingSink): void {
  if (!ctx.cm) return;
  const fit = bestFit(ctx);
  const first = fit?.who[0];
  if (!fit || !first) return; // "the RSP teacher" unknown: skipped
  if (fit.who.some((w) => sameStaff(w, ctx.cm))) return;
  const best = refLabel(first);
  sink.add(
    'CM_BEST_PRACTICE',
    'warning',
    { kind: 'student', id: ctx.student.id },
    `Best practice: the ${fit.role} as case manager`,
    `${ctx.student.name} is ${fit.scenario}; CTC's best practice is the ${fit.role} as case manager, but the case manager is ${refLabel(ctx.cm)}.`,
    CITE,
    `Best practice: make ${best} (${fit.role}) the case manager`,
  );
}

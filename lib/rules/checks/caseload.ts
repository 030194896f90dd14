import type { FindingSink } from '../findings';
import { isPK } from '../grade';
import { words } from '../normalize/text';
import { CAPS } from '../pack/caps';
import { cite } from '../pack/sources';
import type { RuleSettings } from '../settings';
import type { StaffInfo } from '../staff-index';
import { servicesOf, type StudentCtx } from '../student-context';

/** Distinct students per staff member, by caseload kind (check 7). */
export class Caseloads {
  readonly rsp = new Map<StaffInfo, Set<string>>();
  readonly speech = new Map<StaffInfo, { students: Set<string>; allPK: boolean }>();
  readonly any = new Map<StaffInfo, Set<string>>();

  private static put(map: Map<StaffInfo, Set<string>>, who: StaffInfo, id: string): void {
    let set = map.get(who);
    if (!set) map.set(who, (set = new Set()));
    set.add(id);
  }

  add(ctx: StudentCtx): void {
    const id = ctx.student.id;
    const put = (map: Map<StaffInfo, Set<string>>, who: StaffInfo) => Caseloads.put(map, who, id);
    const cm = ctx.cm?.kind === 'staff' ? ctx.cm.info : null;
    if (cm) put(this.any, cm);
    for (const s of ctx.services) if (s.provider?.kind === 'staff') put(this.any, s.provider.info);
    if (ctx.program === 'RSP') {
      // A resource specialist: case manager or 330 provider of an RSP student.
      if (cm) put(this.rsp, cm);
      for (const s of servicesOf(ctx, 'SAI')) if (s.provider?.kind === 'staff') put(this.rsp, s.provider.info);
    }
    const pk = isPK(ctx.level);
    for (const s of servicesOf(ctx, 'SPEECH')) {
      if (s.provider?.kind !== 'staff') continue;
      let e = this.speech.get(s.provider.info);
      if (!e) this.speech.set(s.provider.info, (e = { students: new Set(), allPK: true }));
      e.students.add(id);
      e.allPK &&= pk;
    }
  }
}

export function checkCaseloads(loads: Caseloads, settings: RuleSettings, sink: FindingSink): void {
  const subject = (info: StaffInfo) => ({ kind: 'staff' as const, id: info.staff.id });
  for (const [info, students] of loads.rsp) {
    const n = students.size;
    if (n <= CAPS.rsp.max) continue;
    const waiver =
      n <= CAPS.rsp.waiverMax
        ? `${n} is within the ${CAPS.rsp.max + 1}–${CAPS.rsp.waiverMax} range a State Board waiver can allow (the specialist has not exceeded ${CAPS.rsp.max} for more than two school years and has an instructional aide at least 5 hours a day)`
        : `${n} is above ${CAPS.rsp.waiverMax}, the most a State Board waiver can allow`;
    sink.add('CASELOAD_OVER_CAP', CAPS.rsp.severity, subject(info), 'Resource specialist caseload over 28', `${info.staff.name} is case manager or 330 provider of ${n} RSP students; no resource specialist may have more than ${CAPS.rsp.max}. ${waiver}.`, CAPS.rsp.citation, `Move students to another resource specialist, or seek a waiver if ${n} ≤ ${CAPS.rsp.waiverMax}.`);
  }
  for (const [info, e] of loads.speech) {
    const n = e.students.size;
    if (e.allPK && n > CAPS.slpPK.max) {
      sink.add('CASELOAD_OVER_CAP', CAPS.slpPK.severity, subject(info), 'Preschool speech caseload over 40', `${info.staff.name} provides language and speech to ${n} students, all preschool; a speech-language specialist serving only ages 3–5 may have at most ${CAPS.slpPK.max}.`, CAPS.slpPK.citation, 'Reassign students to another speech-language specialist.');
    } else if (n > CAPS.slp.max) {
      sink.add('CASELOAD_OVER_CAP', CAPS.slp.severity, subject(info), 'Speech caseload over 55', `${info.staff.name} provides language and speech to ${n} students; the SELPA-wide average caseload may not exceed ${CAPS.slp.max} unless the local plan says why.`, CAPS.slp.citation, 'Check the SELPA average and the local plan, or rebalance caseloads.');
    }
  }
  const local = new Map(Object.entries(settings.caseloadCaps).map(([k, v]) => [words(k), v]));
  for (const [info, students] of loads.any) {
    const cap = info.staff.caseloadMax ?? (info.staff.position ? local.get(words(info.staff.position)) : undefined);
    if (cap === undefined || cap === null || students.size <= cap) continue;
    sink.add('CASELOAD_OVER_CAP', 'warning', subject(info), 'Caseload over the local cap', `${info.staff.name} is case manager or provider of ${students.size} students; the local cap for ${info.staff.position ?? 'this staff member'} is ${cap}.`, cite('LOCAL'), 'Rebalance caseloads or review the local cap.');
  }
}

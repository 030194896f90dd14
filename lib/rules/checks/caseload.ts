import type { FindingSink } from '../findings';
import { isPK } from '../grade';
import { words } from '../normalize/text';
import { CAPS } from '../pack/caps';
import { cite } from '../pack/sources';
import type { RuleSettings } from '../settings';
import type { StaffInfo } from '../staff-index';
import { type ServiceCtx, servicesOf, type StudentCtx } from '../student-context';

/** The staff records among a case manager and providers, each once. */
function distinct(cm: StaffInfo | null, services: readonly ServiceCtx[]): StaffInfo[] {
  const out: StaffInfo[] = cm ? [cm] : [];
  for (const s of services)
    if (s.provider?.kind === 'staff' && !out.includes(s.provider.info)) out.push(s.provider.info);
  return out;
}

/**
 * Students per staff member, by caseload kind (check 7). Each student is added once (student ids are unique in
 * canonical input), and each staff member counts once per student, so counters are distinct-student counts.
 */
export class Caseloads {
  readonly rsp = new Map<StaffInfo, number>();
  readonly speech = new Map<StaffInfo, { students: number; allPK: boolean }>();
  readonly any = new Map<StaffInfo, number>();

  /** `withAny`: also count every case manager and provider (only needed when local caps apply). */
  constructor(private readonly withAny: boolean) {}

  private static count(map: Map<StaffInfo, number>, who: readonly StaffInfo[]): void {
    for (const w of who) map.set(w, (map.get(w) ?? 0) + 1);
  }

  add(ctx: StudentCtx): void {
    const cm = ctx.cm?.kind === 'staff' ? ctx.cm.info : null;
    if (this.withAny) Caseloads.count(this.any, distinct(cm, ctx.services));
    // A resource specialist: case manager or 330 provider of an RSP student.
    if (ctx.program === 'RSP') Caseloads.count(this.rsp, distinct(cm, servicesOf(ctx, 'SAI')));
    const pk = isPK(ctx.level);
    for (const who of distinct(null, servicesOf(ctx, 'SPEECH'))) {
      const e = this.speech.get(who);
      if (e) {
        e.students++;
        e.allPK &&= pk;
      } else this.speech.set(who, { students: 1, allPK: pk });
    }
  }
}

export function checkCaseloads(loads: Caseloads, settings: RuleSettings, sink: FindingSink): void {
  const subject = (info: StaffInfo) => ({ kind: 'staff' as const, id: info.staff.id });
  for (const [info, n] of loads.rsp) {
    if (n <= CAPS.rsp.max) continue;
    const waiver =
      n <= CAPS.rsp.waiverMax
        ? `${n} is within the ${CAPS.rsp.max + 1}–${CAPS.rsp.waiverMax} range a State Board waiver can allow (the specialist has not exceeded ${CAPS.rsp.max} for more than two school years and has an instructional aide at least 5 hours a day)`
        : `${n} is above ${CAPS.rsp.waiverMax}, the most a State Board waiver can allow`;
    sink.add(
      'CASELOAD_OVER_CAP',
      CAPS.rsp.severity,
      subject(info),
      'Resource specialist caseload over 28',
      `${info.staff.name} is case manager or 330 provider of ${n} RSP students; no resource specialist may have more than ${CAPS.rsp.max}. ${waiver}.`,
      CAPS.rsp.citation,
      `Move students to another resource specialist, or seek a waiver if ${n} ≤ ${CAPS.rsp.waiverMax}.`,
    );
  }
  for (const [info, e] of loads.speech) {
    const n = e.students;
    if (e.allPK && n > CAPS.slpPK.max) {
      sink.add(
        'CASELOAD_OVER_CAP',
        CAPS.slpPK.severity,
        subject(info),
        'Preschool speech caseload over 40',
        `${info.staff.name} provides language and speech to ${n} students, all preschool; a speech-language specialist serving only ages 3–5 may have at most ${CAPS.slpPK.max}.`,
        CAPS.slpPK.citation,
        'Reassign students to another speech-language specialist.',
      );
    } else if (n > CAPS.slp.max) {
      sink.add(
        'CASELOAD_OVER_CAP',
        CAPS.slp.severity,
        subject(info),
        'Speech caseload over 55',
        `${info.staff.name} provides language and speech to ${n} students; the SELPA-wide average caseload may not exceed ${CAPS.slp.max} unless the local plan says why.`,
        CAPS.slp.citation,
        'Check the SELPA average and the local plan, or rebalance caseloads.',
      );
    }
  }
  const local = new Map(Object.entries(settings.caseloadCaps).map(([k, v]) => [words(k), v]));
  for (const [info, n] of loads.any) {
    const cap = info.staff.caseloadMax ?? (info.staff.position ? local.get(words(info.staff.position)) : undefined);
    if (cap === undefined || cap === null || n <= cap) continue;
    sink.add(
      'CASELOAD_OVER_CAP',
      'warning',
      subject(info),
      'Caseload over the local cap',
      `${info.staff.name} is case manager or provider of ${n} students; the local cap for ${info.staff.position ?? 'this staff member'} is ${cap}.`,
      cite('LOCAL'),
      'Rebalance caseloads or review the local cap.',
    );
  }
}

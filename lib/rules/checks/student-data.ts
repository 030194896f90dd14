import type { FindingSink } from '../findings';
import { cite } from '../pack/sources';
import type { DisabilityResult } from '../normalize/disability';
import type { RuleSettings } from '../settings';
import type { StudentCtx, UnreadableField } from '../student-context';

const DATA = cite('CALPADS_CODES');

function unrecognizedDisability(ctx: StudentCtx, field: string, d: DisabilityResult, sink: FindingSink): void {
  if (d.kind !== 'unrecognized') return;
  sink.add(
    'DATA_UNRECOGNIZED',
    'warning',
    { kind: 'student', id: ctx.student.id },
    `Unrecognized ${field}`,
    `The ${field} "${d.raw}" is not a CALPADS disability category (codes 210–330, their names or abbreviations), so checks that depend on it were not run.`,
    DATA,
    `Record the CALPADS category (for example "290 - Specific Learning Disability") in the ${field} field.`,
  );
}

/** What Liaison reads in each closed field, and what an unreadable text counts as. */
const READS: Record<UnreadableField, { reads: string; counts: string }> = {
  program: { reads: 'RSP, SDC, DIS, GENED or their names', counts: 'neither RSP nor SDC, and in no RSP caseload' },
  'degree of support': {
    reads: 'MMSN, ESN or their names',
    counts: 'not recorded, where a credential is limited by degree of support',
  },
  'case manager role': {
    reads: 'instruction, service, coordination or their wordings (teacher of record, service provider, coordinator)',
    counts: 'not recorded',
  },
};

/** Check 8 on students: no case manager, a case manager without a staff record, texts that could not be read. */
export function checkStudentData(ctx: StudentCtx, settings: RuleSettings, sink: FindingSink): void {
  const { student } = ctx;
  const subject = { kind: 'student' as const, id: student.id };
  unrecognizedDisability(ctx, 'primary disability', ctx.primary, sink);
  if (
    ctx.secondary.kind !== 'unrecognized' ||
    ctx.primary.kind !== 'unrecognized' ||
    ctx.secondary.raw !== ctx.primary.raw
  ) {
    unrecognizedDisability(ctx, 'secondary disability', ctx.secondary, sink);
  }
  let quoted: string[] | null = null;
  for (const s of ctx.services) {
    if (s.norm.kind !== 'unrecognized' || quoted?.includes(s.norm.raw)) continue;
    (quoted ??= []).push(s.norm.raw);
    sink.add(
      'DATA_UNRECOGNIZED',
      'warning',
      subject,
      'Unrecognized service',
      `The service "${s.norm.raw}" could not be matched to a known special-education service (service codes other than 330, 415, 450, 510 and 515 are matched by name only), so its provider was not checked.`,
      DATA,
      'Record the service with its name, for example "415 - Language and Speech".',
    );
  }
  for (const u of ctx.unreadable) {
    sink.add(
      'DATA_UNRECOGNIZED',
      'warning',
      subject,
      `Unrecognized ${u.field}`,
      `The ${u.field} "${u.raw}" of ${student.name} is not one Liaison reads (${READS[u.field].reads}), so it counts as ${READS[u.field].counts}.`,
      DATA,
      `Check the ${u.field} of ${student.name} in the SIS; Liaison reads ${READS[u.field].reads}.`,
    );
  }
  const hasNeeds = ctx.primary.kind !== 'none' || ctx.services.length > 0;
  if (!ctx.cm && hasNeeds) {
    sink.add(
      'CM_MISSING',
      'error',
      subject,
      'No case manager',
      `${student.name} has a disability or services but no case manager on record.`,
      cite('CTC_CASE_MGMT'),
      'Assign a case manager.',
    );
  } else if (ctx.cm?.kind === 'unknown' && settings.staffKnowledge === 'complete') {
    // With partial staff knowledge, check 1 gives CM_NOT_CHECKED instead.
    sink.add(
      'CM_UNKNOWN_STAFF',
      'warning',
      subject,
      'Case manager has no staff record',
      `The case manager ${ctx.cm.label} has no staff record${ctx.cm.ambiguous ? ' (the name matches more than one staff member)' : ''}, so their authorization was not checked.`,
      cite('CTC_CASE_MGMT'),
      ctx.cm.ambiguous
        ? `Record the case manager by staff id: the name ${ctx.cm.label} matches more than one staff member.`
        : `Add ${ctx.cm.label} to the staff file with their credentials, or correct the case manager's name or staff id so it matches a staff record.`,
    );
  }
}

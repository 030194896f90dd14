import type { FindingSink } from '../findings';
import { cite } from '../pack/sources';
import type { DisabilityResult } from '../normalize/disability';
import type { StudentCtx } from '../student-context';

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

/** Check 8 on students: no case manager, a case manager without a staff record, texts that could not be read. */
export function checkStudentData(ctx: StudentCtx, sink: FindingSink): void {
  const { student } = ctx;
  const subject = { kind: 'student' as const, id: student.id };
  unrecognizedDisability(ctx, 'primary disability', ctx.primary, sink);
  if (ctx.secondary.kind !== 'unrecognized' || ctx.primary.kind !== 'unrecognized' || ctx.secondary.raw !== ctx.primary.raw) {
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
  const hasNeeds = ctx.primary.kind !== 'none' || ctx.services.length > 0;
  if (!ctx.cm && hasNeeds) {
    sink.add('CM_MISSING', 'error', subject, 'No case manager', `${student.name} has a disability or services but no case manager on record.`, cite('CTC_CASE_MGMT'), 'Assign a case manager.');
  } else if (ctx.cm?.kind === 'unknown') {
    sink.add(
      'CM_UNKNOWN_STAFF',
      'warning',
      subject,
      'Case manager has no staff record',
      `The case manager ${ctx.cm.label} has no staff record${ctx.cm.ambiguous ? ' (the name matches more than one staff member)' : ''}, so their authorization was not checked.`,
      cite('CTC_CASE_MGMT'),
      `Open ${ctx.cm.label}'s staff page in the SIS, or import staff, so their credentials can be checked.`,
    );
  }
}

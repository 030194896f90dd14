import type { LiaisonDb } from '../../lib/db/database';
import type { ComplianceSettings } from '../../lib/compliance';
import { plusDays } from '../../lib/compliance/days';
import { todayIso } from '../../lib/dates';
import { loadCaseloadInput, recentSite } from '../../lib/district/load';
import { loadMe, meKey } from '../../lib/district/settings';
import { openFollowUpsBy } from '../../lib/notes/repo';
import { WEEK_DAYS, weekItems, type WeekInput, type WeekItem, type WeekKind } from '../../lib/week/agenda';
import { caseloadCalendar, weekCalendar } from '../../lib/week/calendar';
import { downloadText } from '../notes/download';
import { ICS } from './StudentCalendarButton';
import { useLiveQuery } from '../useLiveQuery';

const KIND_LABEL: Record<WeekKind, string> = {
  schedule: 'Schedule',
  due: 'Due',
  followup: 'Follow-up',
  'not-checked': 'Not checked',
};

/** The caseload's rows and the follow-up dates of the notes' clear index (readable while notes are locked). */
async function load(db: LiaisonDb, asOf: string) {
  const [site, me] = await Promise.all([recentSite(db), loadMe(db)]);
  if (!site) return { site, me, input: null };
  const [rows, followUps, self] = await Promise.all([
    loadCaseloadInput(db, site, me),
    openFollowUpsBy(db, plusDays(asOf, WEEK_DAYS - 1), { site }),
    me ? db.staff.get([me.site, me.staffId]) : Promise.resolve(undefined),
  ]);
  const input: WeekInput = { ...rows, followUps };
  return { site, me, input, myName: self?.record.name ?? null };
}

/**
 * This week: the coming 14 days across the caseload (mine once "I am" is set in Caseload), in date order, each
 * line opening the student's SIS page where Liaison knows it; printable, and exportable to a calendar.
 */
export function ThisWeekTab({ db, compliance }: { db: LiaisonDb; compliance?: Partial<ComplianceSettings> }) {
  const asOf = todayIso();
  const { value, error } = useLiveQuery(() => load(db, asOf), [db, asOf]);
  if (error) return <p role="alert">Liaison could not read its data. Reload the panel.</p>;
  if (!value) return <p aria-busy="true">Loading…</p>;
  const { input, me } = value;
  if (!input) return <p>Liaison has no students yet. Open your SIS's student pages or import a student export.</p>;
  const opts = { asOf, me: meKey(me), compliance };
  const items = weekItems(input, opts);
  const end = plusDays(asOf, WEEK_DAYS - 1);
  const stamp = () => new Date();
  return (
    <section class="this-week" aria-labelledby="week-heading">
      <style>{PRINT_CSS}</style>
      <h1 id="week-heading">
        This week{' '}
        <span class="muted">
          {asOf} to {end}
        </span>
      </h1>
      <p data-testid="week-count">
        {items.length} item{items.length === 1 ? '' : 's'} for {value.myName ?? 'every case manager'}
        {me ? '' : ' (choose "I am" in Caseload to see only yours)'}
      </p>
      <div class="week-actions no-print">
        <button type="button" onClick={() => window.print()}>
          Print
        </button>
        <button
          type="button"
          disabled={!items.length}
          onClick={() =>
            downloadText(`liaison-this-week-${asOf}.ics`, weekCalendar(input, { ...opts, stamp: stamp() }), ICS)
          }
        >
          Add this week to calendar
        </button>
        <button
          type="button"
          onClick={() =>
            downloadText(`liaison-caseload-${asOf}.ics`, caseloadCalendar(input, { ...opts, stamp: stamp() }), ICS)
          }
        >
          Add caseload to calendar
        </button>
      </div>
      {items.length ? (
        <ol class="week-list">
          {items.map((i) => (
            <WeekLine key={`${i.kind}:${i.studentId}:${i.date}:${i.code ?? ''}:${i.title}`} item={i} />
          ))}
        </ol>
      ) : (
        <p>Nothing due, to schedule or to follow up in the next {WEEK_DAYS} days.</p>
      )}
    </section>
  );
}

function WeekLine({ item: i }: { item: WeekItem }) {
  return (
    <li
      class={`week-item ${i.kind}${i.overdue ? ' overdue' : ''}`}
      data-kind={i.kind}
      data-student={i.studentId}
      data-date={i.date}
    >
      <time dateTime={i.date}>{i.date}</time>{' '}
      <span class="kind">{i.overdue ? `${KIND_LABEL[i.kind]} (late)` : KIND_LABEL[i.kind]}</span>{' '}
      {i.url ? (
        <a href={i.url} target="_blank" rel="noopener noreferrer">
          {i.name}
        </a>
      ) : (
        <strong>{i.name}</strong>
      )}{' '}
      <span class="title">— {i.title}</span>
    </li>
  );
}

/** On paper: the list only, without the panel's tabs and buttons. */
const PRINT_CSS = `
@media print {
  [role="tablist"], .no-print, .add-to-calendar { display: none !important; }
  .this-week a { color: inherit; text-decoration: none; }
  .week-item { break-inside: avoid; }
}
.week-list { padding-inline-start: 1.2em; }
.week-item { margin: 4px 0; }
.week-item .kind { font-weight: 600; }
.week-item.overdue .kind { color: #b00020; }
`;

import { useMemo, useState } from 'preact/hooks';
import type { ComplianceSettings } from '../../lib/compliance';
import type { LiaisonDb } from '../../lib/db/database';
import { todayIso } from '../../lib/dates';
import {
  caseloadCsv,
  caseloadRows,
  filterCaseload,
  groupByCaseManager,
  sortCaseload,
  type CaseloadRow,
  type CaseloadSortKey,
} from '../../lib/district/caseload';
import { meKey, saveMe } from '../../lib/district/settings';
import { downloadText } from '../notes/download';
import { CaseloadItem } from './CaseloadItem';
import { useCaseload } from './useCaseload';

// The side panel's stylesheet is shared; these few layout rules stay with the component that needs them.
const CONTROLS = { display: 'flex', flexWrap: 'wrap', gap: '6px 12px', alignItems: 'center' } as const;

const SORTS: { key: CaseloadSortKey; label: string }[] = [
  { key: 'due', label: 'Soonest due date' },
  { key: 'name', label: 'Name' },
  { key: 'nextAnnual', label: 'Next annual' },
  { key: 'nextTriennial', label: 'Next triennial' },
  { key: 'findings', label: 'Most serious findings' },
  { key: 'lastContact', label: 'Last contact' },
  { key: 'nextFollowUp', label: 'Next follow-up' },
  { key: 'seen', label: 'Least recently seen' },
];

/**
 * My caseload: the case manager's students on one screen, from every page visited and every import.
 * Until the user says who they are, every student shows, grouped by case manager, those with none first.
 */
export function CaseloadTab({
  db,
  districtUrl,
  compliance,
}: {
  db: LiaisonDb;
  districtUrl?: string;
  /** The district's compliance settings (schedule-by lead time, report-card dates), as the badges use them. */
  compliance?: Partial<ComplianceSettings>;
}) {
  const { value, error } = useCaseload(db);
  const [sort, setSort] = useState<CaseloadSortKey>('due');
  const [dir, setDir] = useState<'asc' | 'desc'>('asc');
  const [text, setText] = useState('');
  const [withFindings, setWithFindings] = useState(false);
  const [dueWithin, setDueWithin] = useState('');
  const asOf = todayIso();
  const me = value ? meKey(value.me) : null;
  const rows = useMemo(
    () => (value ? caseloadRows(value.input, { asOf, now: Date.now(), me, compliance }) : []),
    [value, me, asOf, JSON.stringify(compliance ?? {})],
  );
  const shown = useMemo(
    () =>
      sortCaseload(
        filterCaseload(rows, { text, withFindings, dueWithinDays: dueWithin ? Number(dueWithin) : null }, asOf),
        sort,
        dir,
      ),
    [rows, text, withFindings, dueWithin, sort, dir, asOf],
  );
  if (error) return <p role="alert">Liaison could not read its data. Reload the panel.</p>;
  if (!value) return <p aria-busy="true">Loading…</p>;

  return (
    <section aria-labelledby="caseload-heading" class="caseload">
      <h1 id="caseload-heading">My caseload</h1>
      <div class="filters caseload-controls" style={CONTROLS}>
        <label>
          I am{' '}
          <select
            value={me ?? ''}
            onChange={(e) => {
              const id = (e.currentTarget as HTMLSelectElement).value;
              void saveMe(db, id && value.site ? { site: value.site, staffId: id.slice(value.site.length + 1) } : null);
            }}
          >
            <option value="">Everyone (grouped by case manager)</option>
            {value.people.map((p) => (
              <option key={p.key} value={p.key}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Search{' '}
          <input type="search" value={text} onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <label>
          <input
            type="checkbox"
            checked={withFindings}
            onChange={(e) => setWithFindings((e.currentTarget as HTMLInputElement).checked)}
          />{' '}
          Only with findings
        </label>
        <label>
          Due within{' '}
          <select value={dueWithin} onChange={(e) => setDueWithin((e.currentTarget as HTMLSelectElement).value)}>
            <option value="">any time</option>
            <option value="30">30 days</option>
            <option value="60">60 days</option>
            <option value="90">90 days</option>
          </select>
        </label>
        <label>
          Sort by{' '}
          <select
            value={sort}
            onChange={(e) => setSort((e.currentTarget as HTMLSelectElement).value as CaseloadSortKey)}
          >
            {SORTS.map((s) => (
              <option key={s.key} value={s.key}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" aria-pressed={dir === 'desc'} onClick={() => setDir(dir === 'asc' ? 'desc' : 'asc')}>
          {dir === 'asc' ? 'Ascending' : 'Descending'}
        </button>
      </div>
      <p class="status-line">
        <span data-testid="caseload-count">
          {shown.length} of {rows.length} student{rows.length === 1 ? '' : 's'}
        </span>
        <button
          type="button"
          disabled={!shown.length}
          onClick={() => downloadText(`liaison-caseload-${asOf}.csv`, caseloadCsv(shown), 'text/csv;charset=utf-8')}
        >
          Export CSV
        </button>
        {districtUrl && (
          <a class="button" href={districtUrl} target="_blank" rel="noopener">
            Open district view
          </a>
        )}
      </p>
      {!rows.length ? (
        <p>
          No students yet. Open student pages in your SIS, or import a student list from the district view; they appear
          here.
        </p>
      ) : me ? (
        <CaseloadList rows={shown} />
      ) : (
        groupByCaseManager(shown).map((g) => (
          <section
            key={g.key}
            aria-label={g.none ? 'Students with no case manager' : `Case manager ${g.name}`}
            class={g.none ? 'cm-group no-cm' : 'cm-group'}
          >
            <h2>
              {g.name} <span class="muted">({g.rows.length})</span>
            </h2>
            {g.none && (
              <p class="muted">Nobody is assigned to watch these students' dates: assign a case manager in your SIS.</p>
            )}
            <CaseloadList rows={g.rows} />
          </section>
        ))
      )}
    </section>
  );
}

function CaseloadList({ rows }: { rows: CaseloadRow[] }) {
  return (
    <ul class="subjects caseload-list">
      {rows.map((r) => (
        <CaseloadItem key={`${r.site}|${r.id}`} row={r} />
      ))}
    </ul>
  );
}

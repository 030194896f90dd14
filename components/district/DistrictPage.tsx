import { useMemo, useState } from 'preact/hooks';
import type { LiaisonDb } from '../../lib/db/database';
import { todayIso } from '../../lib/dates';
import { buildDistrict } from '../../lib/district/aggregate';
import { expiringCsv, loadsCsv, staffCsv, studentsCsv } from '../../lib/district/csv';
import { filterStaff, filterStudents, type DistrictFilter } from '../../lib/district/filter';
import { knownSites, recentSite } from '../../lib/district/load';
import { downloadText } from '../notes/download';
import { useLiveQuery } from '../useLiveQuery';
import { CaseloadChart } from './CaseloadChart';
import { FilterSummary, Filters } from './Filters';
import { ImportPanel } from './ImportPanel';
import { ExpiringTable, StaffTable, StudentsTable } from './Tables';
import { useDistrictData } from './useDistrictData';

/** Bars drawn per chart: the most over their cap first; the table and the CSV have everyone. */
const CHART_ROWS = 25;
const ALL = '*';

/**
 * The district view for administrators: every cached student and staff member with findings, caseloads against
 * caps, expiring credentials, exports, a printable report and imports. Reads with bulk queries, aggregates in
 * lib/district (pure), and renders one page of rows at a time.
 */
export function DistrictPage({ db }: { db: LiaisonDb }) {
  // The default site comes from the last page read (cheap); the full list of sites fills the picker later.
  const { value: recent } = useLiveQuery(() => recentSite(db), [db]);
  const { value: all } = useLiveQuery(() => knownSites(db), [db]);
  const [chosen, setChosen] = useState<string | null>(null);
  const site = chosen ?? recent ?? null;
  const { input, progress, error, reload } = useDistrictData(db, site === ALL ? null : site, recent !== undefined);
  const asOf = todayIso();
  const view = useMemo(() => (input ? buildDistrict(input, { asOf }) : null), [input, asOf]);
  const [filter, setFilter] = useState<DistrictFilter>({ withFindings: true });
  const students = useMemo(() => (view ? filterStudents(view.students, filter) : []), [view, filter]);
  const staff = useMemo(() => (view ? filterStaff(view.staff, filter) : []), [view, filter]);
  const stamp = `${asOf}`;
  const csv = (name: string, text: string) =>
    downloadText(`liaison-${name}-${stamp}.csv`, text, 'text/csv;charset=utf-8');

  return (
    <>
      <header class="district-header">
        <h1>Liaison district view</h1>
        <p class="meta">Generated {asOf} from what Liaison has read on SIS pages and imports in this browser.</p>
        <label class="no-print">
          Site{' '}
          <select value={site ?? ''} onChange={(e) => setChosen((e.currentTarget as HTMLSelectElement).value)}>
            {[...new Set([...(site && site !== ALL ? [site] : []), ...(all ?? [])])].map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
            <option value={ALL}>All sites</option>
          </select>
        </label>
      </header>
      {error ? (
        <p role="alert">Liaison could not read its data. Reload the page.</p>
      ) : !view ? (
        <p aria-busy="true">Loading…</p>
      ) : (
        <>
          {progress && (
            <p aria-live="polite" class="meta">
              Reading {progress.loaded} of {progress.total} students…{' '}
              <progress max={progress.total} value={progress.loaded} aria-label="Students read" />
            </p>
          )}
          <p data-testid="district-summary" aria-busy={!!progress}>
            {view.students.length} students ({view.students.filter((s) => s.findings.length).length} with findings) ·{' '}
            {view.staff.length} staff ({view.staff.filter((s) => s.findings.length).length} with findings)
          </p>
          <Filters facets={view.facets} filter={filter} onChange={setFilter} />
          <FilterSummary facets={view.facets} filter={filter} />
          <p class="status-line no-print">
            <button type="button" onClick={() => csv('students', studentsCsv(students))}>
              Export students CSV
            </button>
            <button type="button" onClick={() => csv('staff', staffCsv(staff))}>
              Export staff CSV
            </button>
            <button type="button" onClick={() => csv('caseloads', loadsCsv([...view.caseManagers, ...view.providers]))}>
              Export caseloads CSV
            </button>
            <button type="button" onClick={() => csv('expiring', expiringCsv(view.expiring))}>
              Export expiring credentials CSV
            </button>
            <button type="button" onClick={() => window.print()}>
              Print report
            </button>
            <button type="button" onClick={reload}>
              Reload
            </button>
          </p>
          <section aria-labelledby="students-heading">
            <h2 id="students-heading">
              Students{' '}
              <span class="muted" data-testid="students-count">
                ({students.length})
              </span>
            </h2>
            <StudentsTable db={db} lines={students} onForgotten={reload} />
          </section>
          <section aria-labelledby="staff-heading">
            <h2 id="staff-heading">
              Staff{' '}
              <span class="muted" data-testid="staff-count">
                ({staff.length})
              </span>
            </h2>
            <StaffTable lines={staff} />
          </section>
          <section aria-labelledby="caseloads-heading">
            <h2 id="caseloads-heading">Caseloads against caps</h2>
            <CaseloadChart id="cm" title="Case managers" loads={view.caseManagers.slice(0, CHART_ROWS)} />
            <CaseloadChart id="providers" title="Service providers" loads={view.providers.slice(0, CHART_ROWS)} />
          </section>
          <section aria-labelledby="expiring-heading">
            <h2 id="expiring-heading">
              Credentials expired or expiring within 60 days <span class="muted">({view.expiring.length})</span>
            </h2>
            <ExpiringTable list={view.expiring} />
          </section>
        </>
      )}
      <ImportPanel db={db} sites={all ?? []} defaultSite={recent ?? null} onImported={reload} />
    </>
  );
}

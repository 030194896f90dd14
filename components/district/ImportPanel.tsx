import { useState } from 'preact/hooks';
import type { LiaisonDb } from '../../lib/db/database';
import { todayIso } from '../../lib/dates';
import {
  importErrorsCsv,
  parseImport,
  writeImport,
  type ImportKind,
  type ImportProgress,
  type ImportResult,
} from '../../lib/district/import';
import { downloadText, safePart } from '../notes/download';

type State =
  | { step: 'idle' }
  | { step: 'reading'; file: string; progress: ImportProgress | null }
  | { step: 'preview'; file: string; result: ImportResult }
  | { step: 'writing'; file: string; result: ImportResult }
  | { step: 'done'; file: string; result: ImportResult; counts: { students: number; staff: number } }
  | { step: 'failed'; message: string };

const PREVIEW_ROWS = 5;

/** "https://sis.example.org/x" → its origin; anything else is not a site. */
function asSite(text: string): string | null {
  try {
    const u = new URL(text.trim());
    return /^https?:$/.test(u.protocol) ? u.origin : null;
  } catch {
    return null;
  }
}

/** Downloads the skipped rows of an import as CSV (row, line, field, reason; never a cell value). */
const downloadErrors = (file: string, result: ImportResult) =>
  downloadText(
    `liaison-import-errors-${safePart(file.replace(/\.[^.]*$/, ''))}.csv`,
    importErrorsCsv(result),
    'text/csv;charset=utf-8',
  );

/** Whether a preview holds anything that can be written. */
const importable = (r: ImportResult) => !r.fatal && r.students.length + r.staff.length > 0;

/**
 * Import of SIS or SEIS exports: choose a file, see what was read, which column fed each field and every bad
 * row, and only then write the good rows, under the site the user chooses, in one transaction that also
 * re-checks the site. Bad rows are left out, listed in a file to download, fix and import again.
 */
export function ImportPanel({
  db,
  sites,
  defaultSite,
  onImported,
}: {
  db: LiaisonDb;
  sites: string[];
  defaultSite: string | null;
  onImported?: () => void;
}) {
  const [state, setState] = useState<State>({ step: 'idle' });
  const [kind, setKind] = useState<ImportKind | ''>('');
  const [siteText, setSiteText] = useState(defaultSite ?? '');
  const site = asSite(siteText || defaultSite || '');

  async function choose(file: File | undefined) {
    if (!file) return;
    setState({ step: 'reading', file: file.name, progress: null });
    const text = await file.text();
    const result = await parseImport(text, file.name, {
      kind: kind || undefined,
      onProgress: (progress) => setState({ step: 'reading', file: file.name, progress }),
    });
    setState({ step: 'preview', file: file.name, result });
  }

  async function confirm(file: string, result: ImportResult) {
    if (!site) return;
    setState({ step: 'writing', file, result });
    try {
      const counts = await writeImport(db, result, { site, file, asOf: todayIso() });
      setState({ step: 'done', file, result, counts });
      onImported?.();
    } catch (e) {
      // The transaction rolled back: nothing was written. The error's kind only, never data.
      setState({ step: 'failed', message: `Nothing was written (${e instanceof Error ? e.name : 'error'}).` });
    }
  }

  return (
    <section aria-labelledby="import-heading" class="import no-print">
      <h2 id="import-heading">Import an export from the SIS or SEIS</h2>
      <p class="meta">
        A student list with IEP dates, or staff with credentials, as CSV (or Liaison's canonical JSON). Nothing is
        written until you confirm.
      </p>
      <div class="filters">
        <label>
          File{' '}
          <input
            type="file"
            accept=".csv,.tsv,.txt,.json,text/csv,application/json"
            onChange={(e) => void choose((e.currentTarget as HTMLInputElement).files?.[0])}
          />
        </label>
        <label>
          Contents{' '}
          <select
            value={kind}
            onChange={(e) => setKind((e.currentTarget as HTMLSelectElement).value as ImportKind | '')}
          >
            <option value="">Detect</option>
            <option value="students">Students</option>
            <option value="staff">Staff</option>
            <option value="json">Canonical JSON</option>
          </select>
        </label>
        <label>
          Into site{' '}
          <input
            type="text"
            list="import-sites"
            value={siteText}
            placeholder="https://sis.example.org"
            onInput={(e) => setSiteText((e.currentTarget as HTMLInputElement).value)}
            aria-invalid={!site}
          />
          <datalist id="import-sites">
            {sites.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </label>
      </div>
      <div aria-live="polite" class="import-status">
        {state.step === 'reading' && (
          <p>
            Reading {state.file}…{' '}
            <progress max={state.progress?.total ?? 1} value={state.progress?.done ?? 0} aria-label="Rows read" />{' '}
            {state.progress ? `${state.progress.done} of ${state.progress.total} rows` : ''}
          </p>
        )}
        {(state.step === 'preview' || state.step === 'writing') && (
          <Preview
            file={state.file}
            result={state.result}
            site={site}
            busy={state.step === 'writing'}
            onConfirm={() => void confirm(state.file, state.result)}
            onCancel={() => setState({ step: 'idle' })}
          />
        )}
        {state.step === 'done' && (
          <>
            <p role="status" class="ok">
              Imported {state.counts.students} students and {state.counts.staff} staff from {state.file} into {site}.
              {state.result.skipped ? ` ${rowsText(state.result.skipped)} skipped.` : ''}
            </p>
            {!!state.result.skipped && (
              <p>
                <button type="button" onClick={() => downloadErrors(state.file, state.result)}>
                  Download the skipped rows' errors (CSV)
                </button>
              </p>
            )}
          </>
        )}
        {state.step === 'failed' && (
          <p role="alert" class="error">
            {state.message}
          </p>
        )}
      </div>
    </section>
  );
}

const rowsText = (n: number) => `${n} row${n === 1 ? '' : 's'}`;

function Preview({
  file,
  result,
  site,
  busy,
  onConfirm,
  onCancel,
}: {
  file: string;
  result: ImportResult;
  site: string | null;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ok = importable(result);
  const good = result.students.length + result.staff.length;
  const warnings = [...(result.columns?.warnings ?? []), ...result.warnings];
  return (
    <div class="preview" data-testid="import-preview">
      <p>
        {file}: {result.rows} rows read · {result.students.length} students, {result.staff.length} staff
      </p>
      {result.columns && result.columns.used.length > 0 && (
        <table class="data import-columns">
          <caption>Columns read</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">From the file's column</th>
            </tr>
          </thead>
          <tbody>
            {result.columns.used.map((u) => (
              <tr key={u.field} data-field={u.field}>
                <th scope="row">{u.label}</th>
                <td>{u.columns.map((c) => `"${c}"`).join(' + ')}</td>
              </tr>
            ))}
          </tbody>
          {result.columns.ignored.length > 0 && (
            <tfoot>
              <tr>
                <th scope="row">Not used</th>
                <td data-testid="import-ignored">{result.columns.ignored.map((c) => `"${c}"`).join(', ')}</td>
              </tr>
            </tfoot>
          )}
        </table>
      )}
      {warnings.length > 0 && (
        <ul class="import-warnings" data-testid="import-warnings">
          {warnings.map((w) => (
            <li key={w} class="warning">
              {w}
            </li>
          ))}
        </ul>
      )}
      {!!result.students.length && (
        <table class="data">
          <caption>First students</caption>
          <thead>
            <tr>
              <th scope="col">ID</th>
              <th scope="col">Name</th>
              <th scope="col">Case manager</th>
              <th scope="col">Next annual</th>
              <th scope="col">Next triennial</th>
            </tr>
          </thead>
          <tbody>
            {result.students.slice(0, PREVIEW_ROWS).map((s) => (
              <tr key={s.id}>
                <td>{s.id}</td>
                <td>{s.name}</td>
                <td>{s.caseManager?.name ?? s.caseManager?.staffId ?? ''}</td>
                <td>{s.iep?.nextAnnual ?? ''}</td>
                <td>{s.iep?.nextTriennial ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!!result.staff.length && (
        <table class="data">
          <caption>First staff</caption>
          <thead>
            <tr>
              <th scope="col">ID</th>
              <th scope="col">Name</th>
              <th scope="col">Position</th>
              <th scope="col">Documents</th>
            </tr>
          </thead>
          <tbody>
            {result.staff.slice(0, PREVIEW_ROWS).map((s) => (
              <tr key={s.id}>
                <td>{s.id}</td>
                <td>{s.name}</td>
                <td>{s.position ?? ''}</td>
                <td>{s.credentials?.length ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!!result.errors.length && (
        <div role="alert" class="import-errors">
          <p class="error">
            {result.fatal
              ? 'The file could not be read. Nothing can be imported: fix the file and choose it again.'
              : good
                ? `${rowsText(result.skipped)} could not be read and will be skipped; the other rows will be imported. Fix the skipped rows from the error file and import them again.`
                : `No row could be read (${rowsText(result.skipped)} with problems). Fix the file and choose it again.`}
          </p>
          <ul>
            {result.errors.map((e, i) => (
              <li key={i} data-row={e.where.row ?? ''} data-field={e.where.field ?? ''}>
                {e.message}
              </li>
            ))}
          </ul>
          {result.skipped > result.errors.length && (
            <p>…and {rowsText(result.skipped - result.errors.length)} more, listed in the error file only by count.</p>
          )}
          {!result.fatal && (
            <button type="button" onClick={() => downloadErrors(file, result)}>
              Download the errors (CSV: row, field, reason)
            </button>
          )}
        </div>
      )}
      <p class="status-line">
        <button
          type="button"
          class="primary"
          disabled={!ok || !site || busy}
          onClick={onConfirm}
          aria-describedby={!site ? 'import-site-hint' : undefined}
        >
          {busy ? 'Importing…' : `Import into ${site ?? '(choose a site)'}`}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        {!site && (
          <span id="import-site-hint" class="meta">
            Type the SIS address to import into (above, "Into site").
          </span>
        )}
      </p>
    </div>
  );
}

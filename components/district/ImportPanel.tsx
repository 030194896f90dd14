import { useState } from 'preact/hooks';
import type { LiaisonDb } from '../../lib/db/database';
import { todayIso } from '../../lib/dates';
import { parseImport, writeImport, type ImportKind, type ImportProgress, type ImportResult } from '../../lib/district/import';

type State =
  | { step: 'idle' }
  | { step: 'reading'; file: string; progress: ImportProgress | null }
  | { step: 'preview'; file: string; result: ImportResult }
  | { step: 'writing'; file: string; result: ImportResult }
  | { step: 'done'; file: string; counts: { students: number; staff: number } }
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

/**
 * Import of SIS or SEIS exports: choose a file, see what was read and every bad row, and only then write it,
 * under the site the user chooses, in one transaction that also re-checks the site.
 */
export function ImportPanel({ db, sites, defaultSite, onImported }: { db: LiaisonDb; sites: string[]; defaultSite: string | null; onImported?: () => void }) {
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
      setState({ step: 'done', file, counts });
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
        A student list with IEP dates, or staff with credentials, as CSV (or Liaison's canonical JSON). Nothing is written
        until you confirm.
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
          <select value={kind} onChange={(e) => setKind((e.currentTarget as HTMLSelectElement).value as ImportKind | '')}>
            <option value="">Detect</option>
            <option value="students">Students</option>
            <option value="staff">Staff</option>
            <option value="json">Canonical JSON</option>
          </select>
        </label>
        <label>
          Into site{' '}
          <input type="text" list="import-sites" value={siteText} placeholder="https://sis.example.org" onInput={(e) => setSiteText((e.currentTarget as HTMLInputElement).value)} aria-invalid={!site} />
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
          <p role="status" class="ok">
            Imported {state.counts.students} students and {state.counts.staff} staff from {state.file} into {site}.
          </p>
        )}
        {state.step === 'failed' && <p role="alert" class="error">{state.message}</p>}
      </div>
    </section>
  );
}

function Preview({ file, result, site, busy, onConfirm, onCancel }: { file: string; result: ImportResult; site: string | null; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const ok = !result.errors.length && (result.students.length || result.staff.length);
  return (
    <div class="preview" data-testid="import-preview">
      <p>
        {file}: {result.rows} rows read · {result.students.length} students, {result.staff.length} staff
      </p>
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
            {result.errors.length} problem{result.errors.length === 1 ? '' : 's'} found. Nothing was written: fix the file and choose it again.
          </p>
          <ul>
            {result.errors.map((e, i) => (
              <li key={i} data-row={e.where.row ?? ''} data-field={e.where.field ?? ''}>
                {e.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <p class="status-line">
        <button type="button" class="primary" disabled={!ok || !site || busy} onClick={onConfirm}>
          {busy ? 'Importing…' : `Import into ${site ?? '(choose a site)'}`}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </p>
    </div>
  );
}

import { useState } from 'preact/hooks';
import type { Diagnostic } from '../../lib/domain';
import type { ReadRecord, ReadSummary } from '../../lib/messaging/read-summary';
import type { ReadSummaryState } from './useReadSummary';

/**
 * "What Liaison read on this page": each record's fields as read, where each came from, and what the reader did
 * not understand. Collapsed by default, and built only when opened (a long list has many records).
 */
export function ReadSummarySection({ state }: { state: ReadSummaryState }) {
  const [open, setOpen] = useState(false);
  return (
    <details
      class="read-summary"
      data-testid="read-summary"
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>What Liaison read on this page</summary>
      {open && <SummaryBody state={state} />}
    </details>
  );
}

function SummaryBody({ state }: { state: ReadSummaryState }) {
  if (state.status === 'loading') return <p aria-busy="true">Loading…</p>;
  if (state.status === 'unavailable')
    return <p>Liaison could not get what it read on this page. Reload the page to read it again.</p>;
  const s = state.summary;
  if (!s) return <p>Nothing to show: reload the page and Liaison reads it again.</p>;
  const single = s.records.length === 1 ? s.records[0] : undefined;
  return (
    <div class="read-body">
      <p class="meta">
        {PAGE_TYPE[s.pageType]} read with the profile “{s.profile}”. Kept only in this browser, until the tab closes.
      </p>
      {s.records.length === 0 && <p>No student or staff record was read on this page.</p>}
      {single ? (
        <RecordTable record={single} />
      ) : (
        <ul class="read-records">
          {s.records.map((r) => (
            <RecordItem key={`${r.kind}:${r.id}`} record={r} />
          ))}
        </ul>
      )}
      {s.omitted > 0 && (
        <p>
          {s.omitted} more record{s.omitted === 1 ? '' : 's'} on this page {s.omitted === 1 ? 'is' : 'are'} not listed
          here.
        </p>
      )}
      <Diagnostics list={s.diagnostics} />
    </div>
  );
}

const PAGE_TYPE = {
  'student-list': 'A student list',
  student: 'A student page',
  'staff-list': 'A staff list',
  staff: 'A staff page',
  unknown: 'A page',
} as const satisfies Record<ReadSummary['pageType'], string>;

function RecordItem({ record: r }: { record: ReadRecord }) {
  const [open, setOpen] = useState(false);
  return (
    <li data-read={`${r.kind}:${r.id}`}>
      <details onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
        <summary>
          {r.name}{' '}
          <span class="muted">
            ({r.kind} {r.id})
          </span>{' '}
          · {r.fields.length} field{r.fields.length === 1 ? '' : 's'}
        </summary>
        {open && <RecordTable record={r} />}
      </details>
    </li>
  );
}

function RecordTable({ record: r }: { record: ReadRecord }) {
  return (
    <table class="read-fields" data-read-table={`${r.kind}:${r.id}`}>
      <caption>
        {r.name}{' '}
        <span class="muted">
          ({r.kind} {r.id})
        </span>
      </caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Value</th>
          <th scope="col">Where it came from</th>
        </tr>
      </thead>
      <tbody>
        {r.fields.map((f) => (
          <tr key={f.field}>
            <th scope="row">
              <code>{f.field}</code>
            </th>
            <td>{f.value === '' ? <span class="muted">(empty)</span> : f.value}</td>
            <td>{f.source ?? <span class="muted">(not recorded)</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Diagnostics({ list }: { list: Diagnostic[] }) {
  return (
    <>
      <h3>What Liaison did not understand</h3>
      {list.length ? (
        <ul class="diagnostics">
          {list.map((d, i) => (
            <li key={i} class={`diag ${d.level}`}>
              <span class={`sev ${d.level}`}>{d.level}</span> {d.field && <code>{d.field}</code>} {d.message}
            </li>
          ))}
        </ul>
      ) : (
        <p>Nothing: the reader reported no problem on this page.</p>
      )}
    </>
  );
}

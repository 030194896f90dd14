import { useEffect, useState } from 'preact/hooks';
import type { LiaisonDb } from '../../lib/db/database';
import { sourceLabel } from '../../lib/district/caseload';
import { pageOf } from '../../lib/district/filter';
import type { Expiring, StaffLine, StudentLine } from '../../lib/district/types';
import type { Finding } from '../../lib/domain';
import { severityRank } from '../../lib/domain/severity';
import { todayIso } from '../../lib/dates';
import { ForgetStudent } from '../caseload/ForgetStudent';
import { Pager } from './Pager';

const PAGE = 50;
const seen = (ms: number) => todayIso(new Date(ms));

/**
 * A record's findings in words: each title once (with how many times it applies), worst first, its code as
 * secondary text (hidden in print, which is for people, not filters).
 */
function FindingsCell({ findings }: { findings: Finding[] }) {
  if (!findings.length) return <span class="muted">none</span>;
  const by = new Map<string, { f: Finding; n: number }>();
  for (const f of findings) {
    const had = by.get(f.code);
    if (had) {
      had.n++;
      if (severityRank(f.severity) > severityRank(had.f.severity)) had.f = f;
    } else by.set(f.code, { f, n: 1 });
  }
  const items = [...by.values()].sort((a, b) => severityRank(b.f.severity) - severityRank(a.f.severity));
  return (
    <ul class="finding-titles">
      {items.map(({ f, n }) => (
        <li key={f.code} data-code={f.code} class={f.severity}>
          <span class="visually-hidden">{f.severity}: </span>
          {f.title}
          {n > 1 ? ` (×${n})` : ''} <code class="code muted">{f.code}</code>
        </li>
      ))}
    </ul>
  );
}

/** The record's name, linked to its own page in the SIS when Liaison knows that address. */
/** The cells every record's row ends with: its worst severity, its findings, and when and where it was read. */
function VerdictCells({ line }: { line: Pick<StudentLine, 'severity' | 'findings' | 'url' | 'seenAt'> }) {
  return (
    <>
      <td>
        <span class={`sev ${line.severity}`}>{line.severity}</span>
      </td>
      <td>
        <FindingsCell findings={line.findings} />
      </td>
      <td title={sourceLabel(line.url)}>{seen(line.seenAt)}</td>
    </>
  );
}

function RecordName({ name, id, url }: { name: string; id: string; url: string | null }) {
  return (
    <>
      {url ? (
        <a href={url} target="_blank" rel="noopener noreferrer" class="record-link">
          {name || id}
          <span class="visually-hidden"> (opens the SIS record)</span>
        </a>
      ) : (
        name
      )}{' '}
      <span class="muted">({id})</span>
    </>
  );
}

/** Paging state that goes back to the first page whenever the list itself changes (a new filter). */
function usePage<T>(items: readonly T[]) {
  const [page, setPage] = useState(0);
  useEffect(() => setPage(0), [items]);
  return { ...pageOf(items, page, PAGE), setPage };
}

export function StudentsTable({
  db,
  lines,
  onForgotten,
}: {
  db: LiaisonDb;
  lines: StudentLine[];
  onForgotten?: () => void;
}) {
  const p = usePage(lines);
  return (
    <>
      <table class="data" data-table="students">
        <caption class="visually-hidden">Students</caption>
        <thead>
          <tr>
            <th scope="col">Student</th>
            <th scope="col">School</th>
            <th scope="col">Case manager</th>
            <th scope="col">Severity</th>
            <th scope="col">Findings</th>
            <th scope="col">Seen</th>
            <th scope="col" class="no-print">
              Privacy
            </th>
          </tr>
        </thead>
        <tbody>
          {p.rows.map((l) => (
            <tr key={`${l.site}|${l.id}`} data-student={l.id}>
              <th scope="row">
                <RecordName name={l.name} id={l.id} url={l.recordUrl} />
              </th>
              <td>{l.school}</td>
              <td>{l.caseManagerName}</td>
              <VerdictCells line={l} />
              <td class="no-print">
                <ForgetStudent
                  db={db}
                  site={l.site}
                  id={l.id}
                  school={l.schoolKey}
                  name={l.name}
                  onForgotten={onForgotten}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager label="Students" page={p.page} pages={p.pages} total={lines.length} onPage={p.setPage} />
    </>
  );
}

export function StaffTable({ lines }: { lines: StaffLine[] }) {
  const p = usePage(lines);
  return (
    <>
      <table class="data" data-table="staff">
        <caption class="visually-hidden">Staff</caption>
        <thead>
          <tr>
            <th scope="col">Staff</th>
            <th scope="col">Position</th>
            <th scope="col">Severity</th>
            <th scope="col">Findings</th>
            <th scope="col">Seen</th>
          </tr>
        </thead>
        <tbody>
          {p.rows.map((l) => (
            <tr key={`${l.site}|${l.id}`} data-staff={l.id}>
              <th scope="row">
                <RecordName name={l.name} id={l.id} url={l.recordUrl} />
              </th>
              <td>{l.position}</td>
              <VerdictCells line={l} />
            </tr>
          ))}
        </tbody>
      </table>
      <Pager label="Staff" page={p.page} pages={p.pages} total={lines.length} onPage={p.setPage} />
    </>
  );
}

export function ExpiringTable({ list }: { list: Expiring[] }) {
  const p = usePage(list);
  if (!list.length) return <p>No known credential expires soon.</p>;
  return (
    <>
      <table class="data" data-table="expiring">
        <caption class="visually-hidden">Credentials expiring soon</caption>
        <thead>
          <tr>
            <th scope="col">Staff</th>
            <th scope="col">Credential</th>
            <th scope="col">Expires</th>
            <th scope="col">When</th>
          </tr>
        </thead>
        <tbody>
          {p.rows.map((e, i) => (
            <tr key={`${e.site}|${e.staffId}|${i}`} data-staff={e.staffId}>
              <th scope="row">
                {e.name} <span class="muted">({e.staffId})</span>
              </th>
              <td>{e.title}</td>
              <td>{e.expires}</td>
              <td>{e.days < 0 ? `expired ${-e.days} days ago` : e.days === 0 ? 'today' : `in ${e.days} days`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager label="Credentials" page={p.page} pages={p.pages} total={list.length} onPage={p.setPage} />
    </>
  );
}

import { useMemo } from 'preact/hooks';
import type { LiaisonDb, PageRow } from '../lib/db/database';
import { worstSeverity, type Finding, type SubjectKind } from '../lib/domain';
import { FindingList } from './FindingList';
import { useLiveQuery } from './useLiveQuery';

interface Item {
  kind: SubjectKind;
  id: string;
  name: string;
  findings: Finding[] | null;
}

const RANK = { error: 3, warning: 2, info: 1, none: 0 } as const;

async function loadView(db: LiaisonDb): Promise<{ page: PageRow | null; items: Item[] }> {
  const page = (await db.pages.orderBy('at').last()) ?? null;
  if (!page) return { page, items: [] };
  const rows = await db.findings.bulkGet(page.subjects.map((s) => [page.site, s.kind, s.id] as [string, string, string]));
  return { page, items: page.subjects.map((s, i) => ({ ...s, findings: rows[i]?.findings ?? null })) };
}

/** The side panel: the checks for the SIS page the user looked at last, updating as the worker writes. */
export function SidePanel({ db }: { db: LiaisonDb }) {
  const { value, error } = useLiveQuery(() => loadView(db), [db]);
  if (error) return <Message title="Liaison could not read its data">Reload the panel. If it persists, restart the browser.</Message>;
  if (!value) return <p aria-busy="true">Loading…</p>;
  const { page, items } = value;
  if (!page)
    return (
      <Message title="Nothing to check yet">
        Open a student or staff page (or a student list) in your SIS. Liaison shows its checks for that page here.
      </Message>
    );
  if (!page.recognized)
    return (
      <Message title="This page is not recognized">
        Liaison does not know how to read this page, so it shows nothing rather than guess. Open a student or staff
        page, or teach Liaison this page's fields.
      </Message>
    );
  const focus = page.focus && items.find((i) => i.kind === page.focus!.kind && i.id === page.focus!.id);
  return focus ? <SubjectView item={focus} /> : <ListView items={items} />;
}

function Message({ title, children }: { title: string; children: preact.ComponentChildren }) {
  return (
    <section class="message" aria-live="polite">
      <h1>{title}</h1>
      <p>{children}</p>
    </section>
  );
}

function SubjectView({ item }: { item: Item }) {
  return (
    <section aria-labelledby="subject-heading" data-subject={`${item.kind}:${item.id}`}>
      <h1 id="subject-heading">
        {item.name} <span class="muted">({item.kind === 'student' ? 'student' : 'staff'} {item.id})</span>
      </h1>
      {item.findings ? <FindingList findings={item.findings} /> : <p>Checking…</p>}
    </section>
  );
}

function ListView({ items }: { items: Item[] }) {
  const sorted = useMemo(
    () =>
      items
        .filter((i) => i.findings?.length)
        .sort((a, b) => RANK[worstSeverity(b.findings!)] - RANK[worstSeverity(a.findings!)] || a.name.localeCompare(b.name)),
    [items],
  );
  const students = items.filter((i) => i.kind === 'student').length;
  const staff = items.length - students;
  return (
    <section aria-labelledby="list-heading">
      <h1 id="list-heading">This page</h1>
      <p>
        {students} student{students === 1 ? '' : 's'}, {staff} staff · {sorted.length} with findings
      </p>
      <ul class="subjects">
        {sorted.map((i) => (
          <li key={`${i.kind}:${i.id}`} data-subject={`${i.kind}:${i.id}`}>
            <details>
              <summary>
                <span class={`sev ${worstSeverity(i.findings!)}`}>{worstSeverity(i.findings!)}</span> {i.name}{' '}
                <span class="muted">({i.id})</span> · {i.findings!.length}
              </summary>
              <FindingList findings={i.findings!} />
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}

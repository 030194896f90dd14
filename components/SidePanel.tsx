import { ComposeRequest } from '../lib/messaging/protocol';
import { storedStudents } from '../lib/db/student-rows';
import { lazy, Suspense } from 'preact/compat';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { LiaisonDb, PageRow } from '../lib/db/database';
import { todayIso } from '../lib/dates';
import { worstSeverity } from '../lib/domain';
import { isOnlyNotChecked } from '../lib/domain/not-checked';
import { severityRank, type GradedFinding } from '../lib/domain/severity';
import type { StaffLink } from '../lib/messaging/read-summary';
import { withNoteFollowUps } from '../lib/notes/badge';
import { followUpFindingsFromIndex } from '../lib/notes/followups';
import { notesForSite, openFollowUpsBy, purgeDeleted } from '../lib/notes/repo';
import { dueHorizon } from '../lib/notes/followups';
import { LockGate, useUnlocked } from './LockGate';
import { loadNoteSettings, ROLE_DEFAULTS } from '../lib/notes/settings';
import type { Policy } from '../lib/policy/schema';
import { readManagedPolicy } from '../lib/teach/store';
import { StudentCalendarButton } from './week/StudentCalendarButton';
import { policyCompliance } from '../lib/policy/schema';
import type { ComplianceSettings } from '../lib/compliance';
import { ForgetStudent } from './caseload/ForgetStudent';
import { FirstRun } from './setup/FirstRun';
import { TeachButton } from './teach/TeachButton';
import type { NotesTarget } from './notes/NotesTab';
import { Tabs, type TabDef } from './notes/Tabs';
import { useDueNotification } from './notes/useDueNotification';
import { useLiveQuery } from './useLiveQuery';
import { NotCheckedSection } from './panel/NotCheckedSection';
import { SubjectFindings, type PageSubject } from './panel/SubjectFindings';
import { ReadSummarySection } from './panel/ReadSummarySection';
import { useReadSummary, type AskWorker } from './panel/useReadSummary';
import { defaultTabSource, panelPage, usePanelTab, type PanelTab, type TabSource } from './panel/ownTab';

/** A subject of the page with its findings as codes and severities (PageRow `graded`) and note follow-ups. */
type Item = PageSubject & { name: string; findings: readonly GradedFinding[] | null };

/** The panel's page and its subjects, from the page row alone: a subject's findings are read when shown. */
async function loadView(db: LiaisonDb, tab: PanelTab | undefined): Promise<{ page: PageRow | null; items: Item[] }> {
  const page = await panelPage(db, tab);
  if (!page) return { page, items: [] };
  const items = page.subjects.map(({ graded, ...s }) => ({ ...s, findings: graded ?? null }));
  // Note follow-ups show with the checks, as on the badge; read fresh because they change with the notes.
  return { page, items: await withNoteFollowUps(db, page.site, todayIso(), items) };
}

// The tabs other than Checks load when first shown: the panel opens on a page's checks with only their code.
const CaseloadTab = lazy(() => import('./caseload/CaseloadTab').then((m) => ({ default: m.CaseloadTab })));
const ThisWeekTab = lazy(() => import('./week/ThisWeekTab').then((m) => ({ default: m.ThisWeekTab })));
const TeacherCard = lazy(() => import('./week/TeacherCard').then((m) => ({ default: m.TeacherCard })));
const NotesTab = lazy(() => import('./notes/NotesTab').then((m) => ({ default: m.NotesTab })));
const FollowUpsTab = lazy(() => import('./notes/FollowUpsTab').then((m) => ({ default: m.FollowUpsTab })));
const LOADING = <p aria-busy="true">Loading…</p>;

type TabKey = 'checks' | 'notes' | 'followups' | 'caseload' | 'week';

/** A badge's "Add note" older than this is stale: the panel opened later for another reason. */
const COMPOSE_FRESH_MS = 2 * 60_000;

async function loadFollowUps(db: LiaisonDb, site: string | null) {
  if (!site) return { notes: [], names: new Map<string, string>() };
  const notes = await notesForSite(db, site);
  const ids = [...new Set(notes.map((n) => n.studentId))];
  const rows = await storedStudents(
    db,
    site,
    ids.map((id) => ({ id })),
  );
  return { notes, names: new Map(rows.flatMap((r) => (r ? [[r.id, r.record.name] as const] : []))) };
}

/** The worker, asked through the extension's messaging (tests pass their own). */
const askWorker: AskWorker = (msg) => browser.runtime.sendMessage(msg);

/** The district policy from managed storage (tests pass their own). */
const managedPolicy = () => readManagedPolicy(browser.storage?.managed as never);

/**
 * The side panel: tabs for the checks of the page in its window's active tab, that student's notes, and the
 * follow-ups due. A fresh "Add note" from a badge switches to Notes with the form open for that student.
 */
export function SidePanel({
  db,
  ask = askWorker,
  loadPolicy = managedPolicy,
  tabSource = defaultTabSource,
}: {
  db: LiaisonDb;
  ask?: AskWorker;
  loadPolicy?: () => Promise<Policy>;
  /** How the panel learns the active tab of its own window (tests pass their own). */
  tabSource?: TabSource;
}) {
  const panelTab = usePanelTab(tabSource);
  const [policy, setPolicy] = useState<Policy | null>(null);
  // A policy that cannot be read blocks exports (as backups do): notes never leave on a guess.
  useEffect(() => {
    void loadPolicy().then(setPolicy, () => setPolicy({ notesExportAllowed: false }));
  }, []);
  // The page of the active tab of the panel's own window: another window or a background tab never switches it.
  const { value: page } = useLiveQuery(() => panelPage(db, panelTab), [db, panelTab]);
  const { value: settings } = useLiveQuery(() => loadNoteSettings(db, { role: policy?.defaultRole }), [db, policy]);
  const site = page?.site ?? null;
  // Notes are decrypted only while unlocked; the count of due follow-ups comes from the clear index.
  const unlocked = useUnlocked();
  const { value: fu } = useLiveQuery(
    () => (unlocked ? loadFollowUps(db, site) : Promise.resolve(null)),
    [db, site, unlocked],
  );
  const [tab, setTab] = useState<TabKey | null>(null);
  const [target, setTarget] = useState<NotesTarget | null>(null);
  const handled = useRef(0);
  const asOf = todayIso();

  useEffect(() => void purgeDeleted(db).catch(() => undefined), [db]);
  useDueNotification(db, settings);
  useEffect(() => {
    const parsed = ComposeRequest.safeParse(page?.compose);
    const c = parsed.success ? parsed.data : null;
    if (!page || !c || c.at === handled.current || Date.now() - c.at > COMPOSE_FRESH_MS) return;
    handled.current = c.at;
    setTarget({ studentId: c.studentId, compose: true, at: c.at });
    setTab('notes');
    // Handled once: reopening the panel later must not reopen the form.
    void db.pages.update(page.tabId, { compose: null });
  }, [page?.compose?.at]);

  const compliance: Partial<ComplianceSettings> = policyCompliance(policy ?? undefined);
  const selected = tab ?? ROLE_DEFAULTS[settings?.role ?? 'case-manager'].tab;
  const leadDays = settings?.leadDays ?? 0;
  const { value: due = 0 } = useLiveQuery(
    async () =>
      site
        ? followUpFindingsFromIndex(await openFollowUpsBy(db, dueHorizon(asOf, leadDays), { site }), asOf, leadDays)
            .length
        : 0,
    [db, site, asOf, leadDays],
  );
  const tabs: TabDef<TabKey>[] = [
    { key: 'checks', label: 'Checks' },
    { key: 'notes', label: 'Notes' },
    { key: 'followups', label: 'Follow-ups', badge: due },
    { key: 'caseload', label: 'Caseload' },
    { key: 'week', label: 'This week' },
  ];
  return (
    <>
      <FirstRun db={db} />
      <Tabs tabs={tabs} selected={selected} onSelect={setTab} label="Liaison">
        <Suspense fallback={LOADING}>
          {selected === 'checks' && (
            <ChecksView
              db={db}
              ask={ask}
              tab={panelTab}
              compliance={compliance}
              teacher={settings?.role === 'teacher'}
            />
          )}
          {selected === 'week' && <ThisWeekTab db={db} compliance={compliance} />}
          {selected === 'caseload' && <CaseloadTab db={db} districtUrl="district.html" compliance={compliance} />}
          {/* The teacher's card needs no passphrase: it shows what the SIS shows, not notes (its case manager is in Notes). */}
          {selected === 'notes' && settings?.role === 'teacher' && page?.focus?.kind === 'student' && (
            <TeacherCard db={db} site={page.site} studentId={page.focus.id} withCaseManager={false} />
          )}
          {selected === 'notes' && (
            <LockGate db={db}>
              {() =>
                settings ? (
                  <NotesTab db={db} page={page ?? null} target={target} settings={settings} policy={policy} />
                ) : (
                  <p aria-busy="true">Loading…</p>
                )
              }
            </LockGate>
          )}
          {selected === 'followups' && (
            <LockGate db={db}>
              {() =>
                fu ? (
                  <FollowUpsTab
                    db={db}
                    notes={fu.notes}
                    asOf={asOf}
                    leadDays={settings?.leadDays ?? 0}
                    names={fu.names}
                    onOpen={(studentId) => {
                      setTarget({ studentId, compose: false, at: Date.now() });
                      setTab('notes');
                    }}
                  />
                ) : (
                  <p aria-busy="true">Loading…</p>
                )
              }
            </LockGate>
          )}
        </Suspense>
      </Tabs>
    </>
  );
}

/** The checks for the page of the panel's tab, updating as the worker writes. */
function ChecksView({
  db,
  ask,
  tab,
  compliance,
  teacher,
}: {
  db: LiaisonDb;
  ask: AskWorker;
  tab: PanelTab | undefined;
  compliance: Partial<ComplianceSettings>;
  /** Teacher role: a student's page shows the teacher's card, not the checks' findings. */
  teacher: boolean;
}) {
  const { value, error } = useLiveQuery(() => loadView(db, tab), [db, tab]);
  if (error)
    return (
      <Message title="Liaison could not read its data">Reload the panel. If it persists, restart the browser.</Message>
    );
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
      <>
        <Message title="This page is not recognized">
          Liaison does not know how to read this page, so it shows nothing rather than guess. Open a student or staff
          page, or teach Liaison this page's fields.
        </Message>
        <TeachButton tabId={page.tabId} frameId={page.frameId} label="Not recognized — teach Liaison" />
      </>
    );
  const focus = page.focus && items.find((i) => i.kind === page.focus!.kind && i.id === page.focus!.id);
  // The teacher's card alone: what Liaison read on the page (the disability among it) and whom it has not checked
  // (credentials) are not a teacher's business.
  if (focus && teacher && focus.kind === 'student')
    return (
      <>
        <TeacherView item={focus} db={db} site={page.site} />
        <TeachButton tabId={page.tabId} frameId={page.frameId} label="Teach this page" />
      </>
    );
  // On a list, a teacher sees whom it shows, not findings about staff credentials (the badges' details are there).
  if (!focus && teacher) return <TeacherListView items={items} />;
  return (
    <>
      {focus ? (
        <SubjectView item={focus} db={db} site={page.site} compliance={compliance} />
      ) : (
        <ListView items={items} db={db} site={page.site} />
      )}
      <PageReading db={db} page={page} ask={ask} />
      <TeachButton tabId={page.tabId} frameId={page.frameId} label="Teach this page" />
    </>
  );
}

const NO_LINKS: StaffLink[] = [];

/** Whom Liaison has not seen on this page, and what it read there (the worker's summary of the last read). */
function PageReading({ db, page, ask }: { db: LiaisonDb; page: PageRow; ask: AskWorker }) {
  const summary = useReadSummary(ask, page.tabId, page.url, page.at);
  const links = summary.status === 'ready' && summary.summary ? summary.summary.staffLinks : NO_LINKS;
  return (
    <>
      <NotCheckedSection db={db} page={page} links={links} />
      <ReadSummarySection state={summary} />
    </>
  );
}

function Message({ title, children }: { title: string; children: preact.ComponentChildren }) {
  return (
    <section class="message" aria-live="polite">
      <h1>{title}</h1>
      <p>{children}</p>
    </section>
  );
}

function SubjectView({
  item,
  db,
  site,
  compliance,
}: {
  item: Item;
  db: LiaisonDb;
  site: string;
  compliance: Partial<ComplianceSettings>;
}) {
  return (
    <section aria-labelledby="subject-heading" data-subject={`${item.kind}:${item.id}`}>
      <h1 id="subject-heading">
        {item.name}{' '}
        <span class="muted">
          ({item.kind === 'student' ? 'student' : 'staff'} {item.id})
        </span>
      </h1>
      <SubjectFindings db={db} site={site} subject={item} />
      {item.kind === 'student' && <StudentCalendarButton db={db} site={site} id={item.id} compliance={compliance} />}
      {item.kind === 'student' && (
        <ForgetStudent db={db} site={site} id={item.id} school={item.school} name={item.name} />
      )}
    </section>
  );
}

/** A student's page in the teacher role: the teacher's card, never the disability or a credential finding. */
function TeacherView({ item, db, site }: { item: Item; db: LiaisonDb; site: string }) {
  return (
    <section aria-labelledby="subject-heading" data-subject={`${item.kind}:${item.id}`}>
      <h1 id="subject-heading">
        {item.name} <span class="muted">(student {item.id})</span>
      </h1>
      <TeacherCard db={db} site={site} studentId={item.id} />
    </section>
  );
}

/** Rows rendered at first: a 2,000-row roster opens at once, worst first, and the rest are a click away. */
const PAGE_SIZE = 50;

/** One record of a list page; its findings are rendered only once opened, so a long list stays light. */
function SubjectRow({ item: i, db, site }: { item: Item; db: LiaisonDb; site: string }) {
  const [open, setOpen] = useState(false);
  const worst = worstSeverity(i.findings!);
  // RULES.md check 8: only "not checked" findings read "not checked", not "info".
  const notChecked = isOnlyNotChecked(i.findings!);
  return (
    <li data-subject={`${i.kind}:${i.id}`}>
      <details onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
        <summary>
          <span class={`sev ${notChecked ? 'not-checked' : worst}`}>{notChecked ? 'not checked' : worst}</span> {i.name}{' '}
          <span class="muted">({i.id})</span> · {i.findings!.length}
        </summary>
        {open && <SubjectFindings db={db} site={site} subject={i} />}
      </details>
    </li>
  );
}

/** The teacher role on a list page: its students, and where their accommodations are. */
function TeacherListView({ items }: { items: Item[] }) {
  const students = items.filter((i) => i.kind === 'student').sort((a, b) => a.name.localeCompare(b.name));
  return (
    <section aria-labelledby="list-heading" data-testid="teacher-list">
      <h1 id="list-heading">
        This page: {students.length} student{students.length === 1 ? '' : 's'}
      </h1>
      <p>Open a student’s page in the SIS to see their case manager and the accommodations you are to provide.</p>
      {students.length > 0 && (
        <ul>
          {students.map((s) => (
            <li key={s.id}>
              {s.name || 'Student'} <span class="muted">({s.id})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ListView({ items, db, site }: { items: Item[]; db: LiaisonDb; site: string }) {
  const sorted = useMemo(
    () =>
      items
        .filter((i) => i.findings?.length)
        .sort(
          (a, b) =>
            severityRank(worstSeverity(b.findings!)) - severityRank(worstSeverity(a.findings!)) ||
            a.name.localeCompare(b.name),
        ),
    [items],
  );
  const students = items.filter((i) => i.kind === 'student').length;
  const staff = items.length - students;
  const [shown, setShown] = useState(PAGE_SIZE);
  return (
    <section aria-labelledby="list-heading">
      <h1 id="list-heading">This page</h1>
      <p>
        {students} student{students === 1 ? '' : 's'}, {staff} staff · {sorted.length} with findings
      </p>
      <ul class="subjects">
        {sorted.slice(0, shown).map((i) => (
          <SubjectRow key={`${i.kind}:${i.id}`} item={i} db={db} site={site} />
        ))}
      </ul>
      {sorted.length > shown && (
        <button type="button" onClick={() => setShown(shown + PAGE_SIZE)}>
          Show {Math.min(PAGE_SIZE, sorted.length - shown)} more of {sorted.length - shown}
        </button>
      )}
    </section>
  );
}

import type { LiaisonDb } from '../db/database';
import { canonicalId, canonicalSnapshot } from '../domain/ids';
import {
  ingestSnapshot,
  mayWritePage,
  pagesShowing,
  recordUnrecognized,
  type FrameRecords,
  type RecheckedSubject,
  type SubjectFindings,
} from '../db/page-read';
import { withNoteFollowUps } from '../notes/badge';
import type { CheckSettings } from '../checks';
import { policyCompliance, type Policy } from '../policy/schema';
import { profilesForHost, saveTaughtProfile } from '../teach/store';
import { logAccess } from '../access/log';
import { beginStage } from '../stage-timing';
import { admit, countRejected, REJECT_ERROR, siteEnabled, type Admitted, type RejectReason } from './guard';
import type { ReadSummaryStore } from './panel';
import {
  badgeFinding,
  ComposeRequest,
  type ContentMessage,
  type ErrorReply,
  type PageFindingsReply,
  type PageSubject,
  type Reply,
  type ReplyFor,
  type TabMessage,
} from './protocol';

/** What the browser says about who sent a message; trusted, unlike the message itself. */
export interface SenderInfo {
  tabId?: number;
  url?: string;
  /** The sending frame of the tab (0: the top document); `url` is that frame's. */
  frameId?: number;
}

export interface HandlerContext {
  db: LiaisonDb;
  asOf: () => string;
  settings?: () => Promise<CheckSettings>;
  /** Host patterns of the enabled sites (granted and manifest host permissions); messages from others are refused. */
  enabledSites?: () => Promise<readonly string[]>;
  /** District policy (managed storage), read defensively; none when absent. */
  policy?: () => Promise<Policy>;
  /** Injects teach mode into a tab. */
  startTeach?: (tabId: number, frameId?: number) => Promise<void>;
  /** Tells a tab's scripts its site's profiles changed, so the page is read again with them. */
  profilesChanged?: (tabId: number) => void;
  /** Asks one frame of a tab how many records it shows: which frame's page is the tab's (lib/db/page-read `mayWritePage`). */
  frameRecords?: FrameRecords;
  /** Per tab, what the last page showed as read (provenance, diagnostics), for the side panel; nothing stored in IndexedDB. */
  readSummaries?: Pick<ReadSummaryStore, 'record' | 'forget'>;
  /** Sends a message to one frame of a tab (re-checked findings for pages open elsewhere). */
  sendToTab?: (tabId: number, frameId: number, msg: TabMessage) => Promise<unknown>;
  /**
   * "Add note" on a badge: opens the side panel on the sender's tab. Called synchronously, within the user's gesture,
   * once the message is admitted (lib/messaging/worker).
   */
  openSidePanel?: (tabId: number) => void;
  /** A page was read (an admitted snapshot from an enabled site): the daily retention purge may be due. */
  pageRead?: () => void;
}

/** What a badge shows of a subject, and nothing more (issue 12), under the id the page shows. */
function badgeSubject(s: SubjectFindings, id: string): PageSubject {
  return {
    kind: s.kind,
    id,
    findings: s.findings.map(badgeFinding),
    ...(s.due ? { due: { due: s.due.due, label: s.due.label } } : {}),
  };
}

/** Sends re-checked findings (with note follow-ups, as a page's own answer has them) to the other pages showing them. */
async function pushFindings(
  ctx: HandlerContext,
  site: string,
  fromTabId: number,
  rechecked: RecheckedSubject[],
): Promise<void> {
  const targets = pagesShowing(await ctx.db.pages.toArray(), site, fromTabId, rechecked);
  for (const t of targets) {
    const subjects = (await withNoteFollowUps(ctx.db, site, ctx.asOf(), t.subjects)).map((s) => badgeSubject(s, s.id));
    await ctx.sendToTab!(t.tabId, t.frameId, { type: 'page/findings', subjects }).catch(() => undefined);
  }
}

type Door = Extract<Admitted, { ok: true }>;
/** A message admitted, with what the browser said of its sender. */
type From<T extends ContentMessage['type']> = Omit<Door, 'msg'> & {
  msg: Extract<ContentMessage, { type: T }>;
  frameId: number;
};

async function refuse(ctx: HandlerContext, reason: RejectReason): Promise<ErrorReply> {
  await countRejected(ctx.db, reason);
  return { ok: false, error: REJECT_ERROR[reason] };
}

/** Acts on an admitted message once its site is known to be enabled (read per message: a revoked site is refused at once). */
async function whenEnabled<T extends ContentMessage['type']>(
  ctx: HandlerContext,
  from: From<T>,
  act: (from: From<T>) => Promise<ReplyFor<T>>,
): Promise<ReplyFor<T>> {
  if (!siteEnabled(from.pattern, (await ctx.enabledSites?.()) ?? [])) return refuse(ctx, 'site-not-enabled');
  return act(from);
}

/**
 * Handles one message from a content script: admitted (sender, size, schema) synchronously, then dispatched once, by
 * its type, and acted on once its site is enabled. The site comes from the sender's URL, never from the message,
 * so a page cannot write records into another site's scope. Errors name no student data.
 */
export function handleContentMessage(ctx: HandlerContext, raw: unknown, sender: SenderInfo): Promise<Reply> {
  const admitted = admit(raw, sender);
  if (!admitted.ok) return refuse(ctx, admitted.reason);
  const frameId = sender.frameId ?? 0;
  const { msg } = admitted;
  switch (msg.type) {
    case 'page/snapshot':
      return whenEnabled(ctx, { ...admitted, msg, frameId }, async (from) => {
        ctx.pageRead?.();
        return ingestPage(ctx, from);
      });
    case 'note/compose':
      // Before any await: Chrome lets sidePanel.open follow the user's click only synchronously. The message is
      // parsed and from a tab by now; nothing is written before its site is known to be enabled.
      ctx.openSidePanel?.(admitted.tabId);
      return whenEnabled(ctx, { ...admitted, msg, frameId }, async ({ tabId }) => {
        await ctx.db.pages.update(tabId, {
          compose: ComposeRequest.parse({ studentId: canonicalId(msg.studentId), at: Date.now() }),
          at: Date.now(),
        });
        return { ok: true };
      });
    case 'page/unrecognized':
      return whenEnabled(ctx, { ...admitted, msg, frameId }, async ({ tabId, site, url }) => {
        // Another frame of the tab may still show the page's records (openSIS: the top document only holds the frame).
        if (!(await mayWritePage(ctx.db, tabId, frameId, false, ctx.frameRecords))) return { ok: true };
        await recordUnrecognized(ctx.db, tabId, site, url, Date.now(), frameId);
        await ctx.readSummaries?.forget(tabId).catch(() => undefined);
        return { ok: true };
      });
    case 'profiles/get':
      return whenEnabled(ctx, { ...admitted, msg, frameId }, async ({ site }) => ({
        ok: true,
        ...(await profilesForHost(ctx.db, new URL(site).hostname, (await ctx.policy?.()) ?? {})),
      }));
    case 'profiles/save':
      return whenEnabled(ctx, { ...admitted, msg, frameId }, async ({ site, tabId }) => {
        const saved = await saveTaughtProfile(ctx.db, msg.profile, new URL(site).hostname);
        if (saved.ok) ctx.profilesChanged?.(tabId);
        return saved;
      });
    case 'teach/start':
      return whenEnabled(ctx, { ...admitted, msg, frameId }, async ({ tabId }) => {
        if (!ctx.startTeach) return { ok: false, error: 'teach mode is not available here' };
        await ctx.startTeach(tabId, frameId);
        return { ok: true };
      });
  }
}

/** A page's snapshot (or one part of a big page): stored, checked, and answered with what its badges show. */
async function ingestPage(
  ctx: HandlerContext,
  { msg, site, tabId, frameId }: From<'page/snapshot'>,
): Promise<PageFindingsReply> {
  const endHandle = beginStage('handle');
  // Several frames of a tab may report; whether this one's page becomes the tab's page (lib/db/page-read).
  const records = msg.snapshot.students.length + msg.snapshot.staff.length;
  const takesPage = await mayWritePage(ctx.db, tabId, frameId, records > 0, ctx.frameRecords);
  // Kept before the page row is written: the side panel asks for it when it sees that row change. District policy
  // fixes compliance lead times and the report-card calendar for everyone (read per message). Neither waits for
  // the other.
  const [policy, base] = await Promise.all([
    ctx.policy ? ctx.policy().catch(() => ({}) as Policy) : undefined,
    ctx.settings?.(),
    takesPage ? ctx.readSummaries?.record(tabId, msg.snapshot, msg.part).catch(() => undefined) : undefined,
  ]);
  // Stored and checked under canonical ids ("00017" is "17"); the page's markers keep the ids it shows.
  const shown = [...msg.snapshot.students, ...msg.snapshot.staff].map((r) => r.id);
  let rechecked: RecheckedSubject[] = [];
  const settings: CheckSettings | undefined = policy
    ? { ...base, compliance: { ...base?.compliance, ...policyCompliance(policy) } }
    : base;
  const stored = await ingestSnapshot(ctx.db, canonicalSnapshot(msg.snapshot), {
    onRechecked: (r) => (rechecked = r),
    site,
    tabId,
    asOf: ctx.asOf(),
    settings,
    continuesPage: (msg.part?.index ?? 0) > 0,
    frameId,
    writePage: takesPage,
  });
  // The record of access: a student's own page was viewed (throttled to once a minute per student) — only when
  // the page showed that student's record, not when its address or heading merely names an id.
  const viewed = msg.snapshot.focus?.kind === 'student' ? canonicalId(msg.snapshot.focus.id) : null;
  if (viewed && stored.some((s) => s.kind === 'student' && s.id === viewed))
    await logAccess(ctx.db, site, [viewed], 'view');
  // A page's answer carries only what its badges show (issue 12): per subject the findings' badge fields and
  // the due date's label, under the ids the page itself showed; nothing else of the stored records.
  const subjects = stored.map((s, i) => badgeSubject(s, shown[i] ?? s.id));
  // Other tabs showing a re-checked record (the student list opened before this staff page) get its findings.
  if (ctx.sendToTab && rechecked.length) void pushFindings(ctx, site, tabId, rechecked).catch(() => undefined);
  endHandle();
  return { ok: true, subjects };
}

import { purgeAccessLog } from '../access/log';
import { loadCheckSettings } from '../checks';
import type { LiaisonDb } from '../db/database';
import { dropClosedTabPages, dropExpiredDaily } from '../db/retention';
import { todayIso } from '../dates';
import { policyWithLastKnown } from '../policy/last-known';
import type { Policy } from '../policy/schema';
import { handleContentMessage, type HandlerContext, type SenderInfo } from './handler';
import { handlePanelMessage, isExtensionPage, isPanelRequest, ReadSummaryStore, type SessionArea } from './panel';
import { FrameStateReply, type Reply, type TabMessage } from './protocol';
import type { ReadSummaryReply } from './read-summary';

/**
 * What the worker needs of the browser, given by the background entrypoint (entrypoints/background.ts): small,
 * typed, and replaceable in tests. Nothing here reaches a browser API by itself.
 */
export interface WorkerEnv {
  db: LiaisonDb;
  /** The extension's own base URL (`runtime.getURL('/')`): only its pages may ask the side panel's questions. */
  extensionBase: string;
  /** `storage.session`, where the read summaries outlive a stopped worker; none where the browser has none. */
  session?: SessionArea;
  /** Host patterns the user (or the manifest) granted: the enabled sites, read per message. */
  enabledSites: () => Promise<readonly string[]>;
  /** District policy (managed storage), read defensively at each request: it may change while the worker runs. */
  policy: () => Promise<Policy>;
  /** Injects teach mode into a tab's frame. */
  startTeach: (tabId: number, frameId?: number) => Promise<void>;
  /** Sends one message to a tab's scripts (one frame, or every frame when none is named). */
  sendToTab: (tabId: number, msg: TabMessage, frameId?: number) => Promise<unknown>;
  /** Opens the side panel on a tab; must act synchronously (the user's gesture). May do nothing where unsupported. */
  openSidePanel: (tabId: number) => void;
  /** Ids of the tabs open now. */
  openTabIds: () => Promise<number[]>;
  /** Today as `YYYY-MM-DD` (tests pass their own). */
  today?: () => string;
}

export interface Worker {
  /** `runtime.onMessage`: the side panel's questions and the content scripts' messages, each dispatched once. */
  onMessage(raw: unknown, sender: SenderInfo): Promise<Reply | ReadSummaryReply>;
  /** A tab was activated: the side panel follows the page the user looks at. */
  onTabActivated(tabId: number): void;
  /** A tab was closed: its page row and read summary go. */
  onTabRemoved(tabId: number): void;
}

/** How long a frame has to say how many records it shows (`page/state`). */
const FRAME_STATE_MS = 1000;

/**
 * The background worker: starts the retention chores and answers messages. Messages from the extension's own pages
 * go to the panel handler; everything else is a content message, admitted and dispatched by handleContentMessage.
 */
export function startWorker(env: WorkerEnv): Worker {
  const { db } = env;
  // What each tab's last page showed as read, for the side panel's "What Liaison read": memory and session storage
  // only (cleared with the tab or the browser), never IndexedDB, never the SIS page.
  const readSummaries = new ReadSummaryStore(env.session);
  const profilesChanged = (tabId: number) =>
    void env.sendToTab(tabId, { type: 'profiles/changed' }).catch(() => undefined);
  // The first page after the browser starts does not wait for managed storage (lib/policy/last-known); when the
  // policy read differs from the one kept, every tab reads its page again under it.
  const policy = policyWithLastKnown(
    env.policy,
    db,
    () => void env.openTabIds().then((ids) => ids.forEach(profilesChanged), logFailure('policy change')),
  );

  // The record of access is kept for its retention period (Options → Access log).
  void purgeAccessLog(db).catch(logFailure('access log purge'));
  // Cached SIS records past the retention period (policy, else the user's setting) go: at start-up and, at most
  // once a day, when a page is read. A worker can run for days while the user browses.
  const dropStale = () =>
    void policy()
      .then((p) => dropExpiredDaily(db, { policyDays: p.retentionDays }))
      .catch(logFailure('retention'));
  dropStale();
  // Rows of tabs closed while no worker ran (a browser quit or crash) go before a reused tab id can show them.
  void env
    .openTabIds()
    .then((ids) => dropClosedTabPages(db, ids))
    .catch(logFailure('closed tabs'));

  const ctx: HandlerContext = {
    db,
    asOf: env.today ?? (() => todayIso()),
    settings: () => loadCheckSettings(db),
    enabledSites: env.enabledSites,
    policy,
    startTeach: env.startTeach,
    profilesChanged,
    frameRecords: (tabId, frameId) => frameRecords(env, tabId, frameId),
    readSummaries,
    sendToTab: (tabId, frameId, msg) => env.sendToTab(tabId, msg, frameId),
    openSidePanel: env.openSidePanel,
    pageRead: dropStale,
  };

  return {
    onMessage(raw, sender) {
      // The side panel's questions: only from the extension's own pages (the browser names the sender's URL).
      if (isPanelRequest(raw) && isExtensionPage(sender.url, env.extensionBase))
        return handlePanelMessage(readSummaries, raw).catch(() => ({ ok: false, error: 'internal error' }) as const);
      return handleContentMessage(ctx, raw, sender).catch((err: unknown) => {
        messageFailed(err);
        return { ok: false, error: 'internal error' } as const;
      });
    },
    onTabActivated(tabId) {
      void db.pages.update(tabId, { at: Date.now() });
    },
    onTabRemoved(tabId) {
      void db.pages.delete(tabId);
      void readSummaries.forget(tabId);
    },
  };
}

/**
 * How many records one frame of a tab shows, asked of Liaison's script in that frame and parsed here (the reply
 * crosses from a tab); 0 when the frame is gone, runs no Liaison script, or does not answer within a second.
 */
async function frameRecords(env: WorkerEnv, tabId: number, frameId: number): Promise<number> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const reply = await Promise.race([
      env.sendToTab(tabId, { type: 'page/state' }, frameId),
      new Promise((done) => (timer = setTimeout(done, FRAME_STATE_MS))),
    ]);
    const parsed = FrameStateReply.safeParse(reply);
    return parsed.success ? parsed.data.records : 0;
  } catch {
    return 0;
  } finally {
    clearTimeout(timer);
  }
}

/** A message that failed, or the writes of a page read after its answer: only the error's kind (rows hold student data). */
function messageFailed(err: unknown): void {
  console.error('Liaison: message failed', err instanceof Error ? err.name : typeof err);
}

export function logFailure(what: string) {
  return (err: unknown) => console.error(`Liaison: ${what} failed`, err instanceof Error ? err.message : typeof err);
}

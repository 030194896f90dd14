import '@/lib/zod-jitless';
import { getDb } from '@/lib/db/database';
import { todayIso } from '@/lib/dates';
import { loadCheckSettings } from '@/lib/checks';
import { purgeAccessLog } from '@/lib/access/log';
import { dropClosedTabPages, dropExpiredDaily } from '@/lib/db/retention';
import { handleContentMessage } from '@/lib/messaging/handler';
import { FrameStateReply, type TabMessage } from '@/lib/messaging/protocol';
import {
  handlePanelMessage,
  isExtensionPage,
  isPanelRequest,
  ReadSummaryStore,
  type SessionArea,
} from '@/lib/messaging/panel';
import { syncSiteScripts, type ScriptingApi } from '@/lib/sites/registration';
import { injectTeach, type ExecuteScriptApi } from '@/lib/teach/inject';
import { readManagedPolicy } from '@/lib/teach/store';

export default defineBackground(() => {
  const db = getDb();
  // Site profiles: policy read at each request (it may change while the worker runs), teach mode on demand.
  const teachContext = {
    policy: () => readManagedPolicy(browser.storage.managed as never),
    startTeach: (tabId: number, frameId?: number) =>
      injectTeach(browser.scripting as unknown as ExecuteScriptApi, tabId, frameId),
    profilesChanged: (tabId: number) =>
      void browser.tabs.sendMessage(tabId, { type: 'profiles/changed' }).catch(() => undefined),
    frameRecords,
    sendToTab: (tabId: number, frameId: number, msg: TabMessage) => browser.tabs.sendMessage(tabId, msg, { frameId }),
  };

  // What each tab's last page showed as read, for the side panel's "What Liaison read": memory and session storage
  // only (cleared with the tab or the browser), never IndexedDB, never the SIS page.
  const readSummaries = new ReadSummaryStore(browser.storage.session as unknown as SessionArea | undefined);

  // Messages are acted on only from enabled sites: read per message, so a revoked site is refused at once.
  const enabledSites = async () => (await browser.permissions.getAll()).origins ?? [];
  // The record of access is kept for its retention period (Options → Access log).
  void purgeAccessLog(db).catch(logFailure('access log purge'));
  // Cached SIS records past the retention period (policy, else the user's setting) go: at start-up and, at most
  // once a day, when a page is read. A worker can run for days while the user browses.
  const dropStale = () =>
    void teachContext
      .policy()
      .then((p) => dropExpiredDaily(db, { policyDays: p.retentionDays }))
      .catch(logFailure('retention'));
  dropStale();
  // Rows of tabs closed while no worker ran (a browser quit or crash) go before a reused tab id can show them.
  void browser.tabs
    .query({})
    .then((tabs) =>
      dropClosedTabPages(
        db,
        tabs.flatMap((t) => (t.id === undefined ? [] : [t.id])),
      ),
    )
    .catch(logFailure('closed tabs'));

  browser.runtime.onMessage.addListener((raw, sender) => {
    // The side panel's questions: only from the extension's own pages (the browser names the sender's URL).
    if (isPanelRequest(raw) && isExtensionPage(sender.url, browser.runtime.getURL('/')))
      return handlePanelMessage(readSummaries, raw).catch(() => ({ ok: false, error: 'internal error' }));
    if (sender.tab?.id !== undefined && (raw as { type?: unknown } | null)?.type === 'note/compose')
      openSidePanel(sender.tab.id);
    if ((raw as { type?: unknown } | null)?.type === 'page/snapshot') dropStale();
    return handleContentMessage(
      {
        db,
        asOf: () => todayIso(),
        settings: () => loadCheckSettings(db),
        enabledSites,
        readSummaries,
        ...teachContext,
      },
      raw,
      { tabId: sender.tab?.id, url: sender.url, frameId: sender.frameId },
    ).catch((err: unknown) => {
      // Only the error's kind is logged: messages may carry student data.
      console.error('Liaison: message failed', err instanceof Error ? err.name : typeof err);
      return { ok: false, error: 'internal error' };
    });
  });

  // Enabled sites are the host permissions the user granted beyond the manifest's own (the test build's).
  const required = new Set(browser.runtime.getManifest().host_permissions ?? []);
  const syncSites = async () => {
    const { origins = [] } = await browser.permissions.getAll();
    await syncSiteScripts(
      browser.scripting as unknown as ScriptingApi,
      origins.filter((o) => !required.has(o)),
    );
  };
  browser.permissions.onAdded.addListener(() => void syncSites().catch(logFailure('site sync')));
  browser.permissions.onRemoved.addListener(() => void syncSites().catch(logFailure('site sync')));
  void syncSites().catch(logFailure('site sync'));

  // The side panel follows the page the user looks at: bring a tab's page row forward when it is activated.
  browser.tabs.onActivated.addListener(({ tabId }) => {
    void db.pages.update(tabId, { at: Date.now() });
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void db.pages.delete(tabId);
    void readSummaries.forget(tabId);
  });

  // Chrome opens the side panel from the toolbar button; Firefox uses its sidebar instead, and the same button
  // toggles it there (a toolbar click is the user action sidebarAction.toggle needs; Chrome has no sidebarAction).
  const sidebar = (browser as { sidebarAction?: { toggle(): Promise<void> } }).sidebarAction;
  if (sidebar) browser.action.onClicked.addListener(() => void sidebar.toggle().catch(() => {}));
  (globalThis as { chrome?: { sidePanel?: { setPanelBehavior(o: object): Promise<void> } } }).chrome?.sidePanel
    ?.setPanelBehavior({ openPanelOnActionClick: true })
    .catch(() => {});
});

/**
 * "Add note" on a badge: open the side panel on that tab. Called before any await, as Chrome wants a user
 * gesture; it may still refuse (or, in Firefox, not exist), and then the user opens the panel themselves.
 */
function openSidePanel(tabId: number) {
  try {
    (globalThis as { chrome?: { sidePanel?: { open(o: { tabId: number }): Promise<void> } } }).chrome?.sidePanel
      ?.open({ tabId })
      .catch(() => {});
  } catch {
    // Not supported here: the panel's own compose handling still opens the form when the user opens it.
  }
}

/**
 * How many records one frame of a tab shows, asked of Liaison's script in that frame; 0 when the frame is gone,
 * runs no Liaison script, or does not answer within a second.
 */
async function frameRecords(tabId: number, frameId: number): Promise<number> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const reply = await Promise.race([
      browser.tabs.sendMessage(tabId, { type: 'page/state' } satisfies TabMessage, { frameId }),
      new Promise((done) => (timer = setTimeout(done, 1000))),
    ]);
    const parsed = FrameStateReply.safeParse(reply);
    return parsed.success ? parsed.data.records : 0;
  } catch {
    return 0;
  } finally {
    clearTimeout(timer);
  }
}

function logFailure(what: string) {
  return (err: unknown) => console.error(`Liaison: ${what} failed`, err instanceof Error ? err.message : typeof err);
}

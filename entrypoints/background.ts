import '@/lib/zod-jitless';
import { getDb } from '@/lib/db/database';
import { logFailure, startWorker } from '@/lib/messaging/worker';
import type { SessionArea } from '@/lib/messaging/panel';
import { syncSiteScripts, type ScriptingApi } from '@/lib/sites/registration';
import { injectTeach, type ExecuteScriptApi } from '@/lib/teach/inject';
import { readManagedPolicy } from '@/lib/teach/store';

/** The background worker: browser wiring only; what it does is lib/messaging/worker's. */
export default defineBackground(() => {
  const worker = startWorker({
    db: getDb(),
    extensionBase: browser.runtime.getURL('/'),
    session: browser.storage.session as unknown as SessionArea | undefined,
    // Messages are acted on only from enabled sites: read per message, so a revoked site is refused at once.
    enabledSites: async () => (await browser.permissions.getAll()).origins ?? [],
    policy: () => readManagedPolicy(browser.storage.managed as never),
    startTeach: (tabId, frameId) => injectTeach(browser.scripting as unknown as ExecuteScriptApi, tabId, frameId),
    sendToTab: (tabId, msg, frameId) =>
      frameId === undefined ? browser.tabs.sendMessage(tabId, msg) : browser.tabs.sendMessage(tabId, msg, { frameId }),
    openSidePanel,
    openTabIds: async () => (await browser.tabs.query({})).flatMap((t) => (t.id === undefined ? [] : [t.id])),
  });
  browser.runtime.onMessage.addListener((raw, sender) =>
    worker.onMessage(raw, { tabId: sender.tab?.id, url: sender.url, frameId: sender.frameId }),
  );
  browser.tabs.onActivated.addListener(({ tabId }) => worker.onTabActivated(tabId));
  browser.tabs.onRemoved.addListener((tabId) => worker.onTabRemoved(tabId));

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

  // Chrome opens the side panel from the toolbar button; Firefox uses its sidebar instead, and the same button
  // toggles it there (a toolbar click is the user action sidebarAction.toggle needs; Chrome has no sidebarAction).
  const sidebar = (browser as { sidebarAction?: { toggle(): Promise<void> } }).sidebarAction;
  if (sidebar) browser.action.onClicked.addListener(() => void sidebar.toggle().catch(() => {}));
  (globalThis as { chrome?: { sidePanel?: { setPanelBehavior(o: object): Promise<void> } } }).chrome?.sidePanel
    ?.setPanelBehavior({ openPanelOnActionClick: true })
    .catch(() => {});
});

/**
 * "Add note" on a badge: open the side panel on that tab. Called synchronously once the message is admitted, as
 * Chrome wants a user gesture; it may still refuse (or, in Firefox, not exist), and then the user opens the panel.
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

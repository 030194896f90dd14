import { useEffect, useState } from 'preact/hooks';
import type { LiaisonDb, PageRow } from '../../lib/db/database';

/**
 * Which page the side panel shows. The real side panel (Chrome) or sidebar (Firefox) shows the page of the
 * active tab of its OWN window: a background tab, or a tab in another window, writing its page does not switch
 * it. The panel's page opened as a tab of its own (the browser tests do: automation cannot open the real side
 * panel) has no window of pages to follow and shows the page read last, as before.
 */
export type PanelTab = { follows: 'tab'; tabId: number | null } | { follows: 'latest' };

/** How the panel learns its window's active tab (the browser's tabs and windows APIs; tests pass their own). */
export interface TabSource {
  /** Starts following; calls `onTab` with the first answer and on every change. Returns the stop function. */
  follow(onTab: (tab: PanelTab) => void): () => void;
}

interface TabsApi {
  tabs: {
    getCurrent(): Promise<{ id?: number } | undefined>;
    query(q: { active: boolean; windowId: number }): Promise<{ id?: number }[]>;
    onActivated: {
      addListener(l: (info: { tabId: number; windowId: number }) => void): void;
      removeListener(l: (info: { tabId: number; windowId: number }) => void): void;
    };
  };
  windows: { getCurrent(): Promise<{ id?: number } | undefined> };
}

/** The browser's own answer: `windows.getCurrent()` is the window the panel is in; `tabs.onActivated` names it. */
export function browserTabSource(api: TabsApi): TabSource {
  return {
    follow(onTab) {
      let live = true;
      let windowId: number | undefined;
      const onActivated = (info: { tabId: number; windowId: number }) => {
        if (live && windowId !== undefined && info.windowId === windowId) onTab({ follows: 'tab', tabId: info.tabId });
      };
      api.tabs.onActivated.addListener(onActivated);
      void (async () => {
        // A panel page that is itself a tab has no side panel window to follow.
        if ((await api.tabs.getCurrent())?.id !== undefined) return onTab({ follows: 'latest' });
        const win = await api.windows.getCurrent();
        if (win?.id === undefined) return onTab({ follows: 'latest' });
        windowId = win.id;
        const [active] = await api.tabs.query({ active: true, windowId: win.id });
        if (live) onTab({ follows: 'tab', tabId: active?.id ?? null });
      })().catch(() => live && onTab({ follows: 'latest' }));
      return () => {
        live = false;
        api.tabs.onActivated.removeListener(onActivated);
      };
    },
  };
}

/** The browser's, when the panel runs in the extension (unit tests without one get "latest"). */
export const defaultTabSource: TabSource = {
  follow(onTab) {
    const api = (globalThis as { browser?: Partial<TabsApi> }).browser;
    if (!api?.tabs?.onActivated || !api.windows?.getCurrent) {
      onTab({ follows: 'latest' });
      return () => {};
    }
    return browserTabSource(api as TabsApi).follow(onTab);
  },
};

/** The panel's tab, undefined until the browser has answered. */
export function usePanelTab(source: TabSource): PanelTab | undefined {
  const [tab, setTab] = useState<PanelTab | undefined>(undefined);
  useEffect(() => source.follow(setTab), [source]);
  return tab;
}

/** The page row the panel shows for `tab`: that tab's, or the one read last; null when there is none. */
export async function panelPage(db: LiaisonDb, tab: PanelTab | undefined): Promise<PageRow | null> {
  if (!tab) return null;
  if (tab.follows === 'latest') return (await db.pages.orderBy('at').last()) ?? null;
  return tab.tabId === null ? null : ((await db.pages.get(tab.tabId)) ?? null);
}

import { useEffect, useState } from 'preact/hooks';
import { requestReadSummary, type PanelMessage, type ReadSummary } from '../../lib/messaging/read-summary';

/** Sends a message to the worker; the side panel's entry point passes `browser.runtime.sendMessage`. */
export type AskWorker = (msg: PanelMessage) => Promise<unknown>;

export type ReadSummaryState =
  { status: 'loading' } | { status: 'ready'; summary: ReadSummary | null } | { status: 'unavailable' };

/**
 * The worker's summary of what it read on a tab's page, asked again whenever the page row changes (a new
 * page, a re-read, the tab brought forward). A summary of another URL than the page's is not this page's.
 */
export function useReadSummary(ask: AskWorker, tabId: number, url: string, at: number): ReadSummaryState {
  const [state, setState] = useState<ReadSummaryState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    requestReadSummary(ask, tabId).then(
      (summary) => live && setState({ status: 'ready', summary: summary?.url === url ? summary : null }),
      () => live && setState({ status: 'unavailable' }),
    );
    return () => {
      live = false;
    };
  }, [ask, tabId, url, at]);
  return state;
}

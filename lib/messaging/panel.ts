import type { Snapshot } from '../domain';
import { PanelMessage, ReadSummary, summarizeSnapshot, type ReadSummaryReply } from './read-summary';

/** The part of `storage.session` the store uses (extension pages and the worker only; content scripts cannot read it). */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

const KEY = 'readSummary:';
/** Tabs kept in memory; session storage holds the rest until their tab closes. */
const MEMORY_TABS = 20;

/**
 * Per tab, the last page's read summary. Memory answers while the worker runs; session storage keeps it across a
 * stopped worker (MV3 stops idle workers) and is cleared when the browser closes. Storage failures (quota) are
 * swallowed: the summary is a convenience, never a reason to fail a page's checks.
 */
export class ReadSummaryStore {
  private memory = new Map<number, ReadSummary>();
  constructor(
    private area?: SessionArea,
    private now = () => Date.now(),
  ) {}

  /** A page's snapshot, or a later part of a big page (added to the summary of its first parts). */
  async record(tabId: number, snap: Snapshot, part?: { index: number }): Promise<void> {
    const before = part && part.index > 0 ? await this.get(tabId) : null;
    const summary = summarizeSnapshot(snap, this.now(), before?.url === snap.url ? before : null);
    this.memory.delete(tabId);
    this.memory.set(tabId, summary);
    if (this.memory.size > MEMORY_TABS) this.memory.delete(this.memory.keys().next().value!);
    await this.area?.set({ [KEY + tabId]: summary }).catch(() => undefined);
  }

  async get(tabId: number): Promise<ReadSummary | null> {
    const held = this.memory.get(tabId);
    if (held) return held;
    const stored = await this.area?.get(KEY + tabId).catch(() => undefined);
    const parsed = ReadSummary.safeParse(stored?.[KEY + tabId]);
    return parsed.success ? parsed.data : null;
  }

  async forget(tabId: number): Promise<void> {
    this.memory.delete(tabId);
    await this.area?.remove(KEY + tabId).catch(() => undefined);
  }
}

/** Whether a message claims to be the side panel's; the sender still has to be an extension page. */
export function isPanelRequest(raw: unknown): boolean {
  const type = (raw as { type?: unknown } | null)?.type;
  return typeof type === 'string' && type.startsWith('panel/');
}

/**
 * Only the extension's own pages may ask: the sender's URL is on the extension's origin (given by the browser,
 * not the message). A content script's message from a SIS page goes to the content handler and is refused there.
 */
export function isExtensionPage(senderUrl: string | undefined, extensionBase: string): boolean {
  if (!senderUrl) return false;
  try {
    // Scheme and host, not `origin`: a URL parser may give chrome-extension:// URLs the opaque origin "null".
    const from = new URL(senderUrl);
    const ours = new URL(extensionBase);
    return !!ours.host && from.protocol === ours.protocol && from.host === ours.host;
  } catch {
    return false;
  }
}

export async function handlePanelMessage(store: ReadSummaryStore, raw: unknown): Promise<ReadSummaryReply> {
  const parsed = PanelMessage.safeParse(raw);
  if (!parsed.success) return { ok: false, error: 'malformed message' };
  switch (parsed.data.type) {
    case 'panel/read-summary':
      return { ok: true, summary: await store.get(parsed.data.tabId) };
  }
}

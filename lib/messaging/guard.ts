import type { LiaisonDb } from '../db/database';
import { isSitePattern, sitePatternFor } from '../sites/patterns';
import { ContentMessage } from './protocol';

/**
 * The worker's door: a message is acted on only if it comes from a tab of an enabled site, is small enough,
 * and parses. Everything else is refused and counted (by reason, never by content). The door has two steps:
 * `admit` checks the sender, the size and the schema synchronously (so a message that needs the user's gesture,
 * `note/compose` opening the side panel, is acted on only once parsed), and `siteEnabled` checks the site against
 * the enabled sites, which the browser gives only asynchronously; nothing is stored or answered before both pass.
 */
export const MAX_MESSAGE_BYTES = 5 * 1024 * 1024;
export const REJECTED_KEY = 'trust:rejectedMessages';

export type RejectReason = 'not-from-tab' | 'bad-sender' | 'site-not-enabled' | 'oversized' | 'malformed';
export interface RejectedCount {
  total: number;
  byReason: Partial<Record<RejectReason, number>>;
}

export type Admitted =
  | {
      ok: true;
      msg: ContentMessage;
      /** The sender's origin: the scope of everything the message writes. */
      site: string;
      /** The sender's host pattern, for `siteEnabled`. */
      pattern: string;
      tabId: number;
      url: string;
    }
  | { ok: false; reason: RejectReason };

/**
 * An upper bound on the message's JSON size, walked with an early stop: a huge message costs at most
 * `limit` bytes of counting, and nothing is serialized. Cycles cannot arrive (messages are structured clones
 * of JSON), but a depth cap keeps a deep one cheap too.
 */
export function exceedsSize(value: unknown, limit = MAX_MESSAGE_BYTES): boolean {
  let size = 0;
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === 'string')
      size += v.length * 3 + 2; // UTF-8 worst case, plus quotes
    else if (v === null || typeof v !== 'object') size += 24;
    else if (Array.isArray(v)) {
      size += 2 + v.length;
      for (const x of v) stack.push(x);
    } else {
      for (const [k, x] of Object.entries(v)) {
        size += k.length * 3 + 4;
        stack.push(x);
      }
    }
    if (size > limit || stack.length > limit / 8) return true;
  }
  return false;
}

/**
 * Checks one message's sender (a tab with an http(s) URL), size and schema, synchronously; `siteEnabled` then checks
 * its site.
 */
export function admit(raw: unknown, sender: { tabId?: number; url?: string }): Admitted {
  if (sender.tabId === undefined || !sender.url) return { ok: false, reason: 'not-from-tab' };
  const pattern = sitePatternFor(sender.url);
  if (!pattern) return { ok: false, reason: 'bad-sender' };
  if (exceedsSize(raw)) return { ok: false, reason: 'oversized' };
  const parsed = ContentMessage.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'malformed' };
  return {
    ok: true,
    msg: parsed.data,
    site: new URL(sender.url).origin,
    pattern,
    tabId: sender.tabId,
    url: sender.url,
  };
}

/** Whether an admitted message's site is enabled: its pattern is one of the granted host patterns (the manifest's included). */
export function siteEnabled(pattern: string, enabledPatterns: readonly string[]): boolean {
  return enabledPatterns.some((p) => isSitePattern(p) && p === pattern);
}

export async function countRejected(db: LiaisonDb, reason: RejectReason): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const prev = readRejected((await db.settings.get(REJECTED_KEY))?.value);
    const byReason = { ...prev.byReason, [reason]: (prev.byReason[reason] ?? 0) + 1 };
    await db.settings.put({ key: REJECTED_KEY, value: { total: prev.total + 1, byReason }, updatedAt: Date.now() });
  });
}

export function readRejected(value: unknown): RejectedCount {
  const v = value as Partial<RejectedCount> | undefined;
  return Number.isInteger(v?.total) && v?.byReason && typeof v.byReason === 'object'
    ? { total: v.total!, byReason: v.byReason }
    : { total: 0, byReason: {} };
}

export async function loadRejected(db: LiaisonDb): Promise<RejectedCount> {
  return readRejected((await db.settings.get(REJECTED_KEY))?.value);
}

/** The reply to a refused message: says why in general terms, never echoes the message. */
export const REJECT_ERROR: Record<RejectReason, string> = {
  'not-from-tab': 'message not from a tab',
  'bad-sender': 'sender URL is not valid',
  'site-not-enabled': 'site not enabled',
  oversized: 'message too large',
  malformed: 'malformed message',
};

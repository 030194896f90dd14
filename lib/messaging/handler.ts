import type { LiaisonDb } from '../db/database';
import { ingestSnapshot, recordUnrecognized } from '../db/ingest';
import type { CheckSettings } from '../checks';
import { ContentMessage, type Reply } from './protocol';

/** What the browser says about who sent a message; trusted, unlike the message itself. */
export interface SenderInfo {
  tabId?: number;
  url?: string;
}

export interface HandlerContext {
  db: LiaisonDb;
  asOf: () => string;
  settings?: () => CheckSettings;
}

/**
 * Handles one message from a content script. The site comes from the sender's URL, never from the message,
 * so a page cannot write records into another site's scope. Errors name no student data.
 */
export async function handleContentMessage(ctx: HandlerContext, raw: unknown, sender: SenderInfo): Promise<Reply> {
  if (sender.tabId === undefined || !sender.url) return { ok: false, error: 'message not from a tab' };
  let site: string;
  try {
    site = new URL(sender.url).origin;
  } catch {
    return { ok: false, error: 'sender URL is not valid' };
  }
  const parsed = ContentMessage.safeParse(raw);
  if (!parsed.success) return { ok: false, error: 'malformed message' };
  const msg = parsed.data;
  switch (msg.type) {
    case 'page/snapshot': {
      const subjects = await ingestSnapshot(ctx.db, msg.snapshot, {
        site,
        tabId: sender.tabId,
        asOf: ctx.asOf(),
        settings: ctx.settings?.(),
      });
      return { ok: true, subjects };
    }
    case 'note/compose':
      await ctx.db.pages.update(sender.tabId, { compose: { studentId: msg.studentId, at: Date.now() }, at: Date.now() });
      return { ok: true };
    case 'page/unrecognized':
      await recordUnrecognized(ctx.db, sender.tabId, site, sender.url);
      return { ok: true };
  }
}

import type { LiaisonDb } from '../db/database';
import { canonicalId, canonicalSnapshot } from '../domain/ids';
import { ingestSnapshot, mayWritePage, recordUnrecognized, type FrameRecords } from '../db/ingest';
import type { CheckSettings } from '../checks';
import type { Policy } from '../policy/schema';
import { profilesForHost, saveTaughtProfile } from '../teach/store';
import { logAccess } from '../access/log';
import { admit, countRejected, REJECT_ERROR } from './guard';
import type { ReadSummaryStore } from './panel';
import { badgeFinding, type Reply } from './protocol';

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
  settings?: () => CheckSettings;
  /** Host patterns of the enabled sites (granted and manifest host permissions); messages from others are refused. */
  enabledSites?: () => Promise<readonly string[]>;
  /** District policy (managed storage), read defensively; none when absent. */
  policy?: () => Promise<Policy>;
  /** Injects teach mode into a tab. */
  startTeach?: (tabId: number, frameId?: number) => Promise<void>;
  /** Tells a tab's scripts its site's profiles changed, so the page is read again with them. */
  profilesChanged?: (tabId: number) => void;
  /** Asks one frame of a tab how many records it shows: which frame's page is the tab's (lib/db/ingest `mayWritePage`). */
  frameRecords?: FrameRecords;
  /** Per tab, what the last page showed as read (provenance, diagnostics), for the side panel; nothing stored in IndexedDB. */
  readSummaries?: Pick<ReadSummaryStore, 'record' | 'forget'>;
}

/**
 * Handles one message from a content script. The site comes from the sender's URL, never from the message,
 * so a page cannot write records into another site's scope. Errors name no student data.
 */
export async function handleContentMessage(ctx: HandlerContext, raw: unknown, sender: SenderInfo): Promise<Reply> {
  const admitted = admit(raw, sender, (await ctx.enabledSites?.()) ?? []);
  if (!admitted.ok) {
    await countRejected(ctx.db, admitted.reason);
    return { ok: false, error: REJECT_ERROR[admitted.reason] };
  }
  const { msg, site } = admitted;
  // admit() refused these already; repeated so TypeScript knows the sender's tab and URL below.
  if (sender.tabId === undefined || !sender.url) return { ok: false, error: REJECT_ERROR['not-from-tab'] };
  switch (msg.type) {
    case 'page/snapshot': {
      // Several frames of a tab may report; whether this one's page becomes the tab's page (lib/db/ingest).
      const frameId = sender.frameId ?? 0;
      const records = msg.snapshot.students.length + msg.snapshot.staff.length;
      const takesPage = await mayWritePage(ctx.db, sender.tabId, frameId, records > 0, ctx.frameRecords);
      // Kept before the page row is written: the side panel asks for it when it sees that row change.
      if (takesPage) await ctx.readSummaries?.record(sender.tabId, msg.snapshot, msg.part).catch(() => undefined);
      // Stored and checked under canonical ids ("00017" is "17"); the page's markers keep the ids it shows.
      const shown = [...msg.snapshot.students, ...msg.snapshot.staff].map((r) => r.id);
      const stored = await ingestSnapshot(ctx.db, canonicalSnapshot(msg.snapshot), {
        site,
        tabId: sender.tabId,
        asOf: ctx.asOf(),
        settings: ctx.settings?.(),
        continuesPage: (msg.part?.index ?? 0) > 0,
        frameId,
        writePage: takesPage,
      });
      // The record of access: a student's own page was viewed (throttled to once a minute per student).
      if (msg.snapshot.focus?.kind === 'student') await logAccess(ctx.db, site, [canonicalId(msg.snapshot.focus.id)], 'view');
      // A page's answer carries only what its badges show (issue 12): per subject the findings' badge fields and
      // the due date's label, under the ids the page itself showed; nothing else of the stored records.
      const subjects = stored.map((s, i) => ({
        kind: s.kind,
        id: shown[i] ?? s.id,
        findings: s.findings.map(badgeFinding),
        ...(s.due ? { due: { due: s.due.due, label: s.due.label } } : {}),
      }));
      return { ok: true, subjects };
    }
    case 'note/compose':
      await ctx.db.pages.update(sender.tabId, { compose: { studentId: canonicalId(msg.studentId), at: Date.now() }, at: Date.now() });
      return { ok: true };
    case 'page/unrecognized':
      // Another frame of the tab may still show the page's records (openSIS: the top document only holds the frame).
      if (!(await mayWritePage(ctx.db, sender.tabId, sender.frameId ?? 0, false, ctx.frameRecords))) return { ok: true };
      await recordUnrecognized(ctx.db, sender.tabId, site, sender.url, Date.now(), sender.frameId ?? 0);
      await ctx.readSummaries?.forget(sender.tabId).catch(() => undefined);
      return { ok: true };
    case 'profiles/get':
      return { ok: true, ...(await profilesForHost(ctx.db, new URL(site).hostname, (await ctx.policy?.()) ?? {})) };
    case 'profiles/save': {
      const saved = await saveTaughtProfile(ctx.db, msg.profile, new URL(site).hostname);
      if (saved.ok) ctx.profilesChanged?.(sender.tabId);
      return saved;
    }
    case 'teach/start':
      if (!ctx.startTeach) return { ok: false, error: 'teach mode is not available here' };
      await ctx.startTeach(sender.tabId, sender.frameId ?? 0);
      return { ok: true };
  }
}

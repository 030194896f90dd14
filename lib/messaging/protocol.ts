import { z } from 'zod';
import { SiteProfile } from '../adapters/profile';
import { Finding, Snapshot, SubjectKind } from '../domain';

/** Messages a content script sends. Everything arriving at the worker is parsed with these before use. */
export const ContentMessage = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('page/snapshot'),
    snapshot: Snapshot,
    /** A big page comes in parts (lib/page/split): part 0 starts the page, later parts add to it. */
    part: z.object({ index: z.number().int().min(0).max(99), count: z.number().int().min(1).max(100) }).optional(),
  }),
  z.object({ type: z.literal('page/unrecognized'), url: z.string().max(4000) }),
  /** "Add note" on a badge: the side panel opens the note form for this student. */
  z.object({ type: z.literal('note/compose'), studentId: z.string().min(1).max(200) }),
  /** At start: the site's own profiles (taught, imported, policy) and the adapters policy switched off. */
  z.object({ type: z.literal('profiles/get') }),
  /** Teach mode's Save: validated as a SiteProfile by the worker and kept to the sender's host. */
  z.object({ type: z.literal('profiles/save'), profile: z.unknown() }),
  /** "Teach Liaison" on the page's chip: the worker injects teach mode into the sender's tab. */
  z.object({ type: z.literal('teach/start') }),
]);
export type ContentMessage = z.infer<typeof ContentMessage>;

/**
 * A finding as a page's badge shows it: the marker's label and colour (code, severity) and its popover (title,
 * detail, fix). Nothing else of a finding (its subject, citation, rule pack) goes to a page's frame.
 */
export const BadgeFinding = Finding.pick({ code: true, severity: true, title: true, detail: true, fix: true });
export type BadgeFinding = z.infer<typeof BadgeFinding>;

/** The fields of `BadgeFinding`, as the worker copies them (`badgeFinding`): what a page's answer carries. */
export const BADGE_FINDING_KEYS = ['code', 'severity', 'title', 'detail', 'fix'] as const;

/** Copies only what the badge shows (a copy by name: a field added to Finding later is not sent by default). */
export function badgeFinding(f: BadgeFinding): BadgeFinding {
  return { code: f.code, severity: f.severity, title: f.title, detail: f.detail, ...(f.fix ? { fix: f.fix } : {}) };
}

/**
 * One subject of a page's answer: what its badge shows, under the id the page showed. The one schema of a page
 * subject: the answer to `page/snapshot`, the worker's `page/findings` and the page's markers all use it.
 */
export const PageSubject = z.object({
  kind: SubjectKind,
  id: z.string(),
  findings: z.array(BadgeFinding),
  /** A student's soonest compliance date ("Annual due in 12 days"), shown beside the badge and in its popover. */
  due: z.object({ due: z.string(), label: z.string() }).optional(),
});
export type PageSubject = z.infer<typeof PageSubject>;

export const PageFindingsReply = z.object({ ok: z.literal(true), subjects: z.array(PageSubject) });
export type PageFindingsReply = z.infer<typeof PageFindingsReply>;

/**
 * The worker → side panel channel: "Add note" on a badge asks the side panel (which the worker opens within the
 * click) to open the note form for that student. The panel may not be running yet to hear a message, so the request
 * waits on the tab's page row (PageRow `compose`): written only by the worker's `note/compose` case, parsed by the
 * panel before use (a row another version wrote, or a damaged one, opens nothing), and cleared once handled.
 */
export const ComposeRequest = z.object({
  studentId: z.string().min(1).max(200),
  /** When the user clicked: a request older than the panel's freshness window is ignored. */
  at: z.number().int().nonnegative(),
});
export type ComposeRequest = z.infer<typeof ComposeRequest>;

export const ErrorReply = z.object({ ok: z.literal(false), error: z.string() });
export type ErrorReply = z.infer<typeof ErrorReply>;

export const SiteProfilesReply = z.object({
  ok: z.literal(true),
  profiles: z.array(SiteProfile),
  disabledAdapters: z.array(z.string()),
});
export type SiteProfilesReply = z.infer<typeof SiteProfilesReply>;

/**
 * The worker tells a tab's scripts that its site's profiles changed (teach mode saved one) or that findings of records
 * its page shows changed (`page/findings`), or asks one frame's script how many records it shows (`page/state`,
 * answered with `FrameStateReply`).
 */
export const TabMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('profiles/changed') }),
  z.object({ type: z.literal('page/state') }),
  /** Findings re-checked because another tab's page showed something new (a staff page read after a list). */
  z.object({ type: z.literal('page/findings'), subjects: z.array(PageSubject) }),
]);
export type TabMessage = z.infer<typeof TabMessage>;

export const FrameStateReply = z.object({ records: z.number().int().min(0) });
export type FrameStateReply = z.infer<typeof FrameStateReply>;

export const OkReply = z.object({ ok: z.literal(true) });
export type OkReply = z.infer<typeof OkReply>;

/**
 * What the worker answers each content message when it acts on it; any message may instead be refused with an
 * `ErrorReply`. The handler's cases are typed by it and the content script's `send` (lib/messaging/send) gives each
 * sender its message's reply: one table, so the two sides cannot drift.
 */
export const ContentReplies = {
  'page/snapshot': PageFindingsReply,
  'page/unrecognized': OkReply,
  'note/compose': OkReply,
  'profiles/get': SiteProfilesReply,
  'profiles/save': OkReply,
  'teach/start': OkReply,
} as const satisfies Record<ContentMessage['type'], z.ZodType>;

/** The reply to one content message type: its answer, or a refusal. */
export type ReplyFor<T extends ContentMessage['type']> = z.infer<(typeof ContentReplies)[T]> | ErrorReply;

export const Reply = z.union([PageFindingsReply, SiteProfilesReply, ErrorReply, OkReply]);
export type Reply = z.infer<typeof Reply>;

import { z } from 'zod';
import { Finding, Snapshot, SubjectKind } from '../domain';

/** Messages a content script sends. Everything arriving at the worker is parsed with these before use. */
export const ContentMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('page/snapshot'), snapshot: Snapshot }),
  z.object({ type: z.literal('page/unrecognized'), url: z.string().max(4000) }),
  /** "Add note" on a badge: the side panel opens the note form for this student. */
  z.object({ type: z.literal('note/compose'), studentId: z.string().min(1).max(200) }),
]);
export type ContentMessage = z.infer<typeof ContentMessage>;

export const PageFindingsReply = z.object({
  ok: z.literal(true),
  subjects: z.array(z.object({ kind: SubjectKind, id: z.string(), findings: z.array(Finding) })),
});
export type PageFindingsReply = z.infer<typeof PageFindingsReply>;

export const ErrorReply = z.object({ ok: z.literal(false), error: z.string() });
export type ErrorReply = z.infer<typeof ErrorReply>;

export const Reply = z.union([PageFindingsReply, ErrorReply, z.object({ ok: z.literal(true) })]);
export type Reply = z.infer<typeof Reply>;

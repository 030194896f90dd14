import { z } from 'zod';
import { Diagnostic, PageType, SubjectKind, type Snapshot } from '../domain';
import { shorten } from '../domain/sentences';
import { ErrorReply } from './protocol';

/**
 * "What Liaison read on this page": per tab, the last page's records as read (field, value, where it came from)
 * and its diagnostics. The worker keeps it in memory and session storage only (never IndexedDB, never the SIS
 * page's DOM) so the side panel can show it; it is sent nowhere else.
 */

/** Caps: a 10,000-row list must not fill session storage (10 MB for every tab together). */
export const SUMMARY_LIMITS = {
  records: 200,
  fieldsPerRecord: 60,
  value: 300,
  source: 300,
  links: 200,
  /** Characters of field, value and source text, all records together. */
  budget: 300_000,
} as const;

export const ReadField = z.object({
  field: z.string().max(100),
  /** The value as read, as text ("" when the page showed the field empty). */
  value: z.string().max(SUMMARY_LIMITS.value),
  /** The snapshot's provenance for it (label, column, selector, value pattern); null when the reader gave none. */
  source: z.string().max(SUMMARY_LIMITS.source).nullable(),
});
export type ReadField = z.infer<typeof ReadField>;

export const ReadRecord = z.object({
  kind: SubjectKind,
  id: z.string().max(200),
  name: z.string().max(300),
  fields: z.array(ReadField).max(SUMMARY_LIMITS.fieldsPerRecord),
});
export type ReadRecord = z.infer<typeof ReadRecord>;

/** A link the page gave to a staff member's own page, so the panel can offer "open their staff page". */
export const StaffLink = z.object({
  staffId: z.string().max(200).nullable(),
  name: z.string().max(300).nullable(),
  url: z.string().max(4000),
});
export type StaffLink = z.infer<typeof StaffLink>;

export const ReadSummary = z.object({
  url: z.string().max(4000),
  profile: z.string().max(100),
  pageType: PageType,
  at: z.number(),
  records: z.array(ReadRecord).max(SUMMARY_LIMITS.records),
  /** Records the page showed beyond the caps, counted but not kept. */
  omitted: z.number().int().min(0),
  diagnostics: z.array(Diagnostic).max(200),
  staffLinks: z.array(StaffLink).max(SUMMARY_LIMITS.links),
});
export type ReadSummary = z.infer<typeof ReadSummary>;

/** Messages the side panel (an extension page) sends the worker. Parsed where received, as every message is. */
export const PanelMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('panel/read-summary'), tabId: z.number().int().min(0) }),
]);
export type PanelMessage = z.infer<typeof PanelMessage>;

export const ReadSummaryReply = z.union([
  z.object({ ok: z.literal(true), summary: ReadSummary.nullable() }),
  ErrorReply,
]);
export type ReadSummaryReply = z.infer<typeof ReadSummaryReply>;

type AnyRecord = Snapshot['students'][number] | Snapshot['staff'][number];

/** A value as text: lists with "; ", an object's set fields as "name: value", booleans as yes/no. */
export function formatValue(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (Array.isArray(v))
    return v
      .map(formatValue)
      .filter(Boolean)
      .join(Array.isArray(v[0]) || typeof v[0] === 'object' ? '; ' : ' ');
  if (typeof v === 'object')
    return Object.entries(v)
      .filter(([, x]) => x !== null && x !== undefined && x !== '')
      .map(([k, x]) => `${k}: ${formatValue(x)}`)
      .join(', ');
  return String(v);
}

/**
 * A record's fields as read. Nested objects (case manager, IEP dates) are one row per set field; lists (services,
 * credentials) one row each. The source is the provenance of the field, else of its parent ("caseManager" for
 * "caseManager.name"). A field the reader located but found empty still shows, with an empty value.
 */
export function readFields(record: AnyRecord): ReadField[] {
  const { provenance = {}, ...values } = record as AnyRecord & { provenance?: Record<string, string> };
  const rows: { field: string; value: unknown }[] = [];
  for (const [key, v] of Object.entries(values)) {
    if (v === null || v === undefined) continue;
    if (typeof v === 'object' && !Array.isArray(v)) {
      for (const [sub, x] of Object.entries(v))
        if (x !== null && x !== undefined) rows.push({ field: `${key}.${sub}`, value: x });
    } else rows.push({ field: key, value: v });
  }
  const covered = new Set(rows.map((r) => r.field));
  const covers = (p: string) => covered.has(p) || rows.some((r) => r.field.startsWith(`${p}.`));
  for (const p of Object.keys(provenance)) if (!covers(p)) rows.push({ field: p, value: '' });
  return rows.slice(0, SUMMARY_LIMITS.fieldsPerRecord).map(({ field, value }) => {
    const source = provenance[field] ?? provenance[field.split('.')[0] ?? field] ?? null;
    return {
      field: shorten(field, 100),
      value: shorten(formatValue(value), SUMMARY_LIMITS.value),
      source: source === null ? null : shorten(source, SUMMARY_LIMITS.source),
    };
  });
}

/**
 * Staff-page links the snapshot carries (a case manager's `url`, a service's `providerUrl`: the page's own
 * hrefs, lib/domain/records.ts). Keeps only http(s) links on the page's own origin, so a page cannot plant a `javascript:` or off-site link in the panel.
 */
export function staffLinksOf(snap: Snapshot): StaffLink[] {
  let origin: string;
  try {
    origin = new URL(snap.url).origin;
  } catch {
    return [];
  }
  const out: StaffLink[] = [];
  const add = (url: unknown, staffId: string | null | undefined, name: string | null | undefined) => {
    if (typeof url !== 'string' || out.length >= SUMMARY_LIMITS.links) return;
    try {
      const u = new URL(url, snap.url);
      if (u.origin !== origin || !/^https?:$/.test(u.protocol)) return;
      if (!out.some((l) => l.url === u.href))
        out.push({ staffId: staffId ?? null, name: name ? shorten(name, 300) : null, url: u.href });
    } catch {
      // Not a URL: no link.
    }
  };
  for (const s of snap.students) {
    const cm = s.caseManager;
    if (cm) add(cm.url, cm.staffId, cm.name);
    for (const sv of s.services ?? []) add(sv.providerUrl, sv.providerStaffId, sv.providerName);
  }
  return out;
}

/**
 * The summary of one snapshot, or of a later part of a big page added to the summary of its first parts
 * (`previous`, same URL). The focus record comes first; records past the caps are counted in `omitted`.
 */
export function summarizeSnapshot(snap: Snapshot, at: number, previous?: ReadSummary | null): ReadSummary {
  const records = previous ? [...previous.records] : [];
  let omitted = previous?.omitted ?? 0;
  let used = records.reduce(
    (n, r) => n + r.fields.reduce((m, f) => m + f.field.length + f.value.length + (f.source?.length ?? 0), 0),
    0,
  );
  const all: [SubjectKind, AnyRecord][] = [
    ...snap.students.map((s) => ['student', s] as [SubjectKind, AnyRecord]),
    ...snap.staff.map((s) => ['staff', s] as [SubjectKind, AnyRecord]),
  ];
  const focus = snap.focus;
  if (focus)
    all.sort(
      ([ka, a], [kb, b]) =>
        Number(kb === focus.kind && b.id === focus.id) - Number(ka === focus.kind && a.id === focus.id),
    );
  for (const [kind, r] of all) {
    if (records.length >= SUMMARY_LIMITS.records || used >= SUMMARY_LIMITS.budget) {
      omitted++;
      continue;
    }
    const fields = readFields(r);
    used += fields.reduce((m, f) => m + f.field.length + f.value.length + (f.source?.length ?? 0), 0);
    records.push({ kind, id: shorten(r.id, 200), name: shorten(r.name, 300), fields });
  }
  const links = [...(previous?.staffLinks ?? []), ...staffLinksOf(snap)].slice(0, SUMMARY_LIMITS.links);
  return {
    url: snap.url,
    profile: snap.profile,
    pageType: snap.pageType,
    at,
    records,
    omitted,
    diagnostics: [...(previous?.diagnostics ?? []), ...snap.diagnostics].slice(0, 200),
    staffLinks: links,
  };
}

/** Asks the worker for a tab's summary and checks the answer: null when it has none; throws when it could not say. */
export async function requestReadSummary(
  ask: (msg: PanelMessage) => Promise<unknown>,
  tabId: number,
): Promise<ReadSummary | null> {
  const reply = ReadSummaryReply.safeParse(await ask({ type: 'panel/read-summary', tabId }));
  if (!reply.success || !reply.data.ok) throw new Error('read summary unavailable');
  return reply.data.summary;
}

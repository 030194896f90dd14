import type { FieldKey } from '../adapters/generic/fields';
import { ID_PARAMS, idFromHeading, isUsableId } from '../adapters/generic/ids';
import { readTable } from '../adapters/generic/table';
import { elementText } from '../adapters/generic/text';
import type { FieldLocator, IdLocator, ProfilePage, SiteProfile, SiteProfileInput } from '../adapters/profile';
import { cssSelectorFor, labelFor, locatorFor } from './selector';

/** A record page, or a list with one row per record. */
export type TeachKind = 'student' | 'staff' | 'student-list' | 'staff-list';
type RecordKind = 'student' | 'staff';
export const recordKind = (kind: TeachKind): RecordKind => (kind === 'staff' || kind === 'staff-list' ? 'staff' : 'student');
export const isList = (kind: TeachKind) => kind.endsWith('-list');

/** The fields teach mode offers, in the order a user meets them on a record page. `id` is the record's id. */
export const TEACH_FIELDS: Record<RecordKind, readonly { key: 'id' | FieldKey; label: string }[]> = {
  student: [
    { key: 'id', label: 'Student ID' },
    { key: 'name', label: 'Name' },
    { key: 'primaryDisability', label: 'Primary disability' },
    { key: 'secondaryDisability', label: 'Secondary disability' },
    { key: 'caseManager', label: 'Case manager' },
    { key: 'services', label: 'Services' },
    { key: 'grade', label: 'Grade' },
    { key: 'program', label: 'Program' },
    { key: 'iepNextAnnual', label: 'Next annual IEP' },
    { key: 'iepNextTriennial', label: 'Next triennial' },
  ],
  staff: [
    { key: 'id', label: 'Staff ID' },
    { key: 'name', label: 'Name' },
    { key: 'position', label: 'Position' },
    { key: 'credentials', label: 'Credential' },
    { key: 'credentialExpires', label: 'Expires' },
  ],
};

export type TeachKey = 'id' | FieldKey;

/** What the user mapped so far: per field, the locator to save. */
export interface TeachDraft {
  kind: TeachKind;
  id?: IdLocator;
  fields: Partial<Record<FieldKey, FieldLocator>>;
  /** List pages: the table and, per field, the header text of its column. */
  list?: { table: string; columns: Partial<Record<FieldKey, string>> };
}

/**
 * Where a record's id is, from the element the user picked: a URL parameter holding the same text beats
 * everything (it is how the SIS itself addresses the record), then the label beside it, a "Name - id" heading,
 * and a selector last.
 */
export function idLocatorFor(el: Element, url: URL, root: ParentNode = el.ownerDocument): IdLocator {
  const text = elementText(el);
  if (isUsableId(text)) {
    for (const [param, value] of url.searchParams) if (value === text) return { from: 'url', param };
  }
  const label = labelFor(el, root);
  if (label) return { from: 'label', label: label.label };
  if (idFromHeading(text)) return { from: 'heading', selector: cssSelectorFor(el, root) };
  return { from: 'selector', selector: cssSelectorFor(el, root) };
}

/** The column header of a picked cell (or of the header cell itself), and its table. */
export function columnOf(el: Element): { table: Element; header: string } | null {
  const cell = el.closest('td, th');
  const table = cell?.closest('table');
  if (!cell || !table) return null;
  const columns = readTable(table).columns;
  const byElement = columns.find((c) => c.element === cell);
  if (byElement) return { table, header: byElement.header };
  const index = Array.from(cell.parentElement?.children ?? []).filter((c) => c.tagName === 'TD' || c.tagName === 'TH').indexOf(cell);
  const header = columns[index]?.header;
  return header ? { table, header } : null;
}

/** List pages: the picked cell's column becomes the field's column; the id is the record id column. */
function mapColumn(draft: TeachDraft, key: TeachKey, el: Element): TeachDraft {
  const col = columnOf(el);
  if (!col) return draft;
  const table = cssSelectorFor(col.table);
  const field = listField(draft.kind, key);
  const columns = draft.list?.table === table ? draft.list.columns : {};
  return { ...draft, list: { table, columns: { ...columns, [field]: col.header } } };
}

/** The key a list stores a teach field under. */
export const listField = (kind: TeachKind, key: TeachKey): FieldKey => (key === 'id' ? (recordKind(kind) === 'student' ? 'studentId' : 'staffId') : key);

/** Whether the draft can be saved: a record page needs its id, a list its id column. */
export const canSave = (d: TeachDraft) => (isList(d.kind) ? !!d.list?.columns[listField(d.kind, 'id')] : !!d.id);

/** The locator for one picked element. */
export function mapPick(draft: TeachDraft, key: TeachKey, el: Element, url: URL): TeachDraft {
  if (isList(draft.kind)) return mapColumn(draft, key, el);
  if (key === 'id') return { ...draft, id: idLocatorFor(el, url) };
  return { ...draft, fields: { ...draft.fields, [key]: locatorFor(el) } };
}

/** Parameters that name a record (which student), never the kind of page: left out of page patterns. */
const RECORD_PARAMS = new Set(Object.values(ID_PARAMS).flat());

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The URL pattern for pages like this one: the same path (segments that look like ids generalized), the same
 * non-id query parameters (a tab, a module), and the id parameter present when the id comes from the URL.
 */
export function urlPatternFor(url: URL, id?: IdLocator): string {
  const idParam = id?.from === 'url' ? id.param : null;
  const path = url.pathname
    .split('/')
    .map((seg) => (/\d{2,}/.test(seg) && !/\.\w+$/.test(seg) ? '[^/]+' : escapeRe(seg)))
    .join('/');
  // Raw `k=v` pairs, as the URL spells them (pattern tests see the URL's own encoding).
  const pairs = url.search.slice(1).split('&').filter(Boolean).map((p) => [p.split('=')[0], p.slice(p.indexOf('=') + 1)] as const);
  const named = (k: string) => { try { return decodeURIComponent(k); } catch { return k; } };
  const checks = pairs
    .filter(([k, v]) => named(k) !== idParam && !RECORD_PARAMS.has(named(k).toLowerCase()) && v.length <= 40 && !/\d{3,}/.test(v))
    .map(([k, v]) => `(?=.*[?&]${escapeRe(k)}=${escapeRe(v)}(?:&|#|$))`);
  const rawId = pairs.find(([k]) => named(k) === idParam)?.[0];
  if (rawId) checks.push(`(?=.*[?&]${escapeRe(rawId)}=)`);
  return `^${path}(?=[?#]|$)${checks.join('')}`;
}

const slug = (host: string) => host.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 50) || 'site';
export const taughtProfileId = (host: string) => `taught-${slug(host)}`;

/** The page the draft describes. */
export function draftPage(draft: TeachDraft, url: URL): ProfilePage {
  if (isList(draft.kind))
    return {
      type: draft.kind,
      urlPatterns: [urlPatternFor(url)],
      markers: [],
      fields: {},
      synonyms: false,
      ...(draft.list ? { list: draft.list } : {}),
    };
  const { name, ...fields } = draft.fields;
  return {
    type: draft.kind,
    urlPatterns: [urlPatternFor(url, draft.id)],
    markers: [],
    ...(draft.id ? { id: draft.id } : {}),
    ...(name ? { name } : {}),
    fields,
    synonyms: false,
  };
}

/**
 * The profile to save: the site's taught profile (if any) with this page added, or replacing the page of the
 * same type and URL pattern taught before.
 */
export function buildProfile(draft: TeachDraft, url: URL, existing?: SiteProfile | null, today = new Date().toISOString().slice(0, 10)): SiteProfileInput {
  const page = draftPage(draft, url);
  const others = (existing?.pages ?? []).filter((p) => !(p.type === page.type && p.urlPatterns[0] === page.urlPatterns[0]));
  return {
    id: existing?.id ?? taughtProfileId(url.hostname),
    label: existing?.label ?? `Taught: ${url.hostname}`,
    hostPatterns: [url.hostname],
    verified: true,
    source: `taught on ${today}`,
    pages: [page, ...others].slice(0, 50),
  };
}

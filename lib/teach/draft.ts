import type { FieldKey } from '../adapters/generic/fields';
import { ID_PARAMS, idFromHeading, isUsableId } from '../adapters/generic/ids';
import { readPageTable } from '../adapters/generic/table';
import { elementText } from '../adapters/generic/text';
import { todayIso } from '../dates';
import type { FieldLocator, IdLocator, ProfilePage, SiteProfileInput } from '../adapters/profile';
import { cssSelectorFor, labelFor, locatorFor } from './selector';

/** A record page, or a list with one row per record. */
export type TeachKind = 'student' | 'staff' | 'student-list' | 'staff-list';
type RecordKind = 'student' | 'staff';
export const recordKind = (kind: TeachKind): RecordKind =>
  kind === 'staff' || kind === 'staff-list' ? 'staff' : 'student';
export const isList = (kind: TeachKind) => kind.endsWith('-list');

export type TeachKey = 'id' | FieldKey;

export interface TeachField {
  key: TeachKey;
  /** What the toolbar calls it ("Pick Case manager"). */
  label: string;
  /** The toolbar's group heading. */
  group: string;
  /** One line of help, where picking it needs saying how. */
  hint?: string;
}

/**
 * Every input of the rule pack (RULES.md "Input"), in the order a user meets them on a record page. `id` is the
 * record's id. Lists offer the same fields as columns.
 */
export const TEACH_FIELDS: Record<RecordKind, readonly TeachField[]> = {
  student: [
    { key: 'id', label: 'Student ID', group: 'Student' },
    { key: 'name', label: 'Name', group: 'Student' },
    { key: 'grade', label: 'Grade', group: 'Student' },
    { key: 'birthDate', label: 'Birth date', group: 'Student' },
    { key: 'primaryDisability', label: 'Primary disability', group: 'Eligibility' },
    { key: 'secondaryDisability', label: 'Secondary disability', group: 'Eligibility' },
    { key: 'severe', label: 'Severe (orthopedic impairment)', group: 'Eligibility' },
    {
      key: 'supportLevel',
      label: 'Degree of support',
      group: 'Eligibility',
      hint: 'MMSN or ESN (mild to moderate, extensive)',
    },
    { key: 'program', label: 'Program', group: 'Eligibility' },
    { key: 'alternatePlacement', label: 'Alternate placement', group: 'Eligibility' },
    { key: 'caseManager', label: 'Case manager', group: 'Case manager and services' },
    { key: 'caseManagerRole', label: 'Case manager role', group: 'Case manager and services' },
    {
      key: 'services',
      label: 'Services',
      group: 'Case manager and services',
      hint: 'one pick for the whole block: each line a service, its minutes and its provider',
    },
    {
      key: 'serviceProvider',
      label: 'Service provider',
      group: 'Case manager and services',
      hint: 'only where providers are shown apart from the services',
    },
    { key: 'iepLastMeeting', label: 'Last IEP', group: 'IEP dates' },
    { key: 'iepNextAnnual', label: 'Next annual IEP', group: 'IEP dates' },
    { key: 'iepNextTriennial', label: 'Next triennial', group: 'IEP dates' },
    { key: 'entryDate', label: 'Entry date', group: 'IEP dates', hint: 'the day the student entered the district' },
    {
      key: 'transferredWithIep',
      label: 'Transferred with an IEP',
      group: 'IEP dates',
      hint: 'yes/no: came from another district with an IEP',
    },
    { key: 'plan504Review', label: '504 plan review', group: 'IEP dates' },
    { key: 'accommodations', label: 'Accommodations', group: 'What teachers must know' },
    { key: 'modifications', label: 'Modifications', group: 'What teachers must know' },
    { key: 'supports', label: 'Supports', group: 'What teachers must know' },
    { key: 'testingAccommodations', label: 'Testing accommodations', group: 'What teachers must know' },
  ],
  staff: [
    { key: 'id', label: 'Staff ID', group: 'Staff member' },
    { key: 'name', label: 'Name', group: 'Staff member' },
    { key: 'position', label: 'Position', group: 'Staff member' },
    { key: 'credentials', label: 'Credential', group: 'Credential', hint: 'the document’s title' },
    {
      key: 'credentialAuthorizations',
      label: 'Authorization codes',
      group: 'Credential',
      hint: 'CTC codes such as R3MN or LSH, where shown apart from the title',
    },
    { key: 'credentialKind', label: 'Document kind', group: 'Credential', hint: 'clear, preliminary, intern, waiver…' },
    { key: 'credentialIssued', label: 'Issued', group: 'Credential' },
    { key: 'credentialExpires', label: 'Expires', group: 'Credential' },
  ],
};

export const fieldLabel = (kind: TeachKind, key: TeachKey) =>
  TEACH_FIELDS[recordKind(kind)].find((f) => f.key === key)?.label ?? key;

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
export function idLocatorFor(el: Element, url: URL, root?: ParentNode): IdLocator {
  const text = elementText(el);
  if (isUsableId(text)) {
    for (const [param, value] of url.searchParams) if (value === text) return { from: 'url', param };
  }
  const label = labelFor(el, root);
  if (label) return { from: 'label', label: label.label };
  if (idFromHeading(text)) return { from: 'heading', selector: cssSelectorFor(el, root ?? el.ownerDocument) };
  return { from: 'selector', selector: cssSelectorFor(el, root ?? el.ownerDocument) };
}

/** The column header of a picked cell (or of the header cell itself), and its table. */
export function columnOf(el: Element): { table: Element; header: string } | null {
  const cell = el.closest('td, th');
  const table = cell?.closest('table');
  if (!cell || !table) return null;
  const columns = readPageTable(table).columns;
  const byElement = columns.find((c) => c.element === cell);
  if (byElement) return { table, header: byElement.header };
  const index = Array.from(cell.parentElement?.children ?? [])
    .filter((c) => c.tagName === 'TD' || c.tagName === 'TH')
    .indexOf(cell);
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
export const listField = (kind: TeachKind, key: TeachKey): FieldKey =>
  key === 'id' ? (recordKind(kind) === 'student' ? 'studentId' : 'staffId') : key;

/** Whether the draft says where the id is: a record page needs its id, a list its id column. */
export const hasId = (d: TeachDraft) => (isList(d.kind) ? !!d.list?.columns[listField(d.kind, 'id')] : !!d.id);

/** A URL parameter that could hold the record's id, with the value it has on this page. */
export interface AddressChoice {
  param: string;
  value: string;
}

/**
 * The address's query parameters whose value could be an id, as teach mode offers them for "the id is in the
 * address" (the only place a page may show it). One per parameter name, in the address's order.
 */
export function addressChoices(url: URL): AddressChoice[] {
  const out: AddressChoice[] = [];
  for (const [param, value] of url.searchParams) {
    if (!isUsableId(value) || out.some((c) => c.param.toLowerCase() === param.toLowerCase())) continue;
    out.push({ param, value });
    if (out.length >= 30) break;
  }
  return out;
}

/** The draft with its record id taken from the address parameter `param`. */
export function idFromAddress(draft: TeachDraft, param: string): TeachDraft {
  return { ...draft, id: { from: 'url', param } };
}

/** The locator for one picked element. */
export function mapPick(draft: TeachDraft, key: TeachKey, el: Element, url: URL): TeachDraft {
  if (isList(draft.kind)) return mapColumn(draft, key, el);
  if (key === 'id') return { ...draft, id: idLocatorFor(el, url) };
  return { ...draft, fields: { ...draft.fields, [key]: locatorFor(el) } };
}

/** Parameters that name a record (which student), never the kind of page: left out of page patterns. */
const RECORD_PARAMS = new Set(Object.values(ID_PARAMS).flat());

/**
 * The URL pattern for pages like this one, as a glob (lib/adapters/profile-match `parseUrlGlob`): the same path
 * (segments that look like ids generalized to `*`), the same non-id query parameters (a tab, a module), and the id
 * parameter present when the id comes from the URL. A segment or value a glob cannot spell literally (a star, or
 * a character of regular expressions, which globs refuse) is generalized too, or left out.
 */
export function urlPatternFor(url: URL, id?: IdLocator): string {
  const idParam = id?.from === 'url' ? id.param : null;
  const unsayable = (s: string) => /[*?#&\\^$()[\]{}|+]/.test(s);
  const path = url.pathname
    .split('/')
    .map((seg) => ((/\d{2,}/.test(seg) && !/\.\w+$/.test(seg)) || unsayable(seg) ? (seg ? '*' : '') : seg))
    .join('/');
  // Raw `k=v` pairs, as the URL spells them (patterns are matched against the URL's own encoding).
  const pairs = url.search
    .slice(1)
    .split('&')
    .filter(Boolean)
    .map((p) => [p.split('=')[0] ?? '', p.slice(p.indexOf('=') + 1)] as const);
  const named = (k: string) => {
    try {
      return decodeURIComponent(k);
    } catch {
      return k;
    }
  };
  const checks = pairs
    .filter(
      ([k, v]) =>
        named(k) !== idParam && !RECORD_PARAMS.has(named(k).toLowerCase()) && v.length <= 40 && !/\d{3,}/.test(v),
    )
    .filter(([k, v]) => k && !unsayable(k) && !unsayable(v) && !k.includes('='))
    .map(([k, v]) => (v ? `${k}=${v}` : k));
  const rawId = pairs.find(([k]) => named(k) === idParam)?.[0];
  if (rawId && !unsayable(rawId)) checks.push(rawId);
  return checks.length ? `${path}?${checks.join('&')}` : path;
}

const slug = (host: string) =>
  host
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50) || 'site';
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
export function buildProfile(
  draft: TeachDraft,
  url: URL,
  existing?: SiteProfileInput | null,
  today = todayIso(),
): SiteProfileInput {
  const page = draftPage(draft, url);
  const others = (existing?.pages ?? []).filter(
    (p) => !(p.type === page.type && p.urlPatterns[0] === page.urlPatterns[0]),
  );
  return {
    id: existing?.id ?? taughtProfileId(url.hostname),
    label: existing?.label ?? `Taught: ${url.hostname}`,
    hostPatterns: [url.hostname],
    verified: true,
    source: `taught on ${today}`,
    pages: [page, ...others].slice(0, 50),
  };
}

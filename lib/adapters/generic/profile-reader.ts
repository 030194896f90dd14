import type { PageType } from '../../domain';
import type { FieldLocator, ProfilePage, SiteProfile } from '../profile';
import { pagesForUrl } from '../profile-match';
import type { Anchor, PageRead, SiteAdapter } from '../types';
import { Diagnostics } from './diagnostics';
import type { FieldKey } from './fields';
import { idFromHeading, isUsableId } from './ids';
import { type LabeledValue, findLabeledValues } from './labels';
import { readListRecords } from './list';
import {
  checkIdField,
  contentRoot,
  emptySnapshot,
  labeledEntries,
  listTables,
  recordHeadingName,
  recordIdentity,
  withTables,
} from './page';
import { fieldsByValue } from './by-value';
import { recordTableEntries } from './record-tables';
import { type FieldEntry, buildStaff, buildStudent } from './record';
import { readPageTable } from './table';
import { elementText, labelKey } from './text';
import { type FieldValue, readValue } from './values';

export const toUrl = (url: URL | string) => (typeof url === 'string' ? new URL(url) : url);

function query(root: ParentNode, selector: string): Element | null {
  try {
    return root.querySelector(selector);
  } catch {
    return null; // a taught selector the browser rejects reads as absent
  }
}

function matchingPage(profile: SiteProfile, url: URL, doc: Document): ProfilePage | null {
  return pagesForUrl(profile, url).find((page) => page.markers.every((m) => query(doc, m))) ?? null;
}

/** The page type a profile gives this page, or null when none of its pages fits. */
export function detectWithProfile(url: URL | string, doc: Document, profile: SiteProfile): PageType | null {
  try {
    return matchingPage(profile, toUrl(url), doc)?.type ?? null;
  } catch {
    return null;
  }
}

class LabelIndex {
  private all: LabeledValue[] | null = null;
  constructor(private readonly root: Element) {}
  list(): LabeledValue[] {
    return (this.all ??= findLabeledValues(this.root));
  }
  byText(label: string): LabeledValue | null {
    const key = labelKey(label);
    return this.list().find((l) => labelKey(l.label) === key) ?? null;
  }
}

function locate(
  root: Element,
  labels: LabelIndex,
  loc: FieldLocator,
): { value: FieldValue; source: string; element: Element | null } | null {
  if ('selector' in loc) {
    const el = query(root, loc.selector);
    return el ? { value: readValue(el), source: `selector ${loc.selector}`, element: el } : null;
  }
  const hit = (Array.isArray(loc.label) ? loc.label : [loc.label]).map((l) => labels.byText(l)).find(Boolean);
  return hit ? { value: hit.value, source: `label "${hit.label}"`, element: hit.labelElement } : null;
}

function recordId(root: Element, url: URL, labels: LabelIndex, page: ProfilePage) {
  const loc = page.id;
  if (!loc) return null;
  let id: string | null = null;
  let name: string | null = null;
  let element: Element | null = null;
  if (loc.from === 'url') {
    for (const [k, v] of url.searchParams)
      if (k.toLowerCase() === loc.param.toLowerCase()) {
        id = v;
        break;
      }
  } else if (loc.from === 'label') {
    id = labels.byText(loc.label)?.value.text ?? null;
  } else {
    element = query(root, loc.selector);
    const text = elementText(element);
    if (loc.from === 'heading') {
      const h = idFromHeading(text);
      id = h?.id ?? null;
      name = h?.name ?? null;
    } else id = text;
  }
  const source =
    loc.from === 'url'
      ? `url ${loc.param}`
      : loc.from === 'label'
        ? `label "${loc.label}"`
        : `${loc.from} ${loc.selector}`;
  return isUsableId(id) ? { id, name, element, source } : null;
}

function readRecord(
  doc: Document,
  url: URL,
  page: ProfilePage,
  root: Element,
  d: Diagnostics,
  profileId: string,
): PageRead {
  const kind = page.type as 'student' | 'staff';
  const snapshot = emptySnapshot(url, profileId, page.type);
  const labels = new LabelIndex(root);
  // Without an id locator the profile relies on the generic places: the record form, a "Name - id" heading, the URL.
  const generic = page.id ? null : recordIdentity(root, url, d);
  const who = page.id
    ? recordId(root, url, labels, page)
    : generic && {
        id: generic.id,
        name: generic.name ?? null,
        element: generic.element ?? null,
        source: generic.source,
      };
  if (!who) {
    d.add('warning', 'this page type was recognized but its record id was not found');
    return { snapshot: { ...snapshot, diagnostics: d.done() }, anchors: [] };
  }
  checkIdField(labels.list(), who.id, kind, d);
  const entries: FieldEntry[] = [];
  for (const [field, loc] of Object.entries(page.fields) as [FieldKey, FieldLocator][]) {
    const hit = locate(root, labels, loc);
    if (hit) entries.push({ field, value: hit.value, source: hit.source });
    else d.add('info', 'the profile names a place for this field that the page does not have', field);
  }
  if (page.synonyms) {
    const named = new Set(Object.keys(page.fields));
    const tables = recordTableEntries(root, kind, url).filter((e) => !named.has(e.field));
    const byValue = fieldsByValue(labels.list(), kind, d);
    entries.push(
      ...withTables(
        labeledEntries([...labels.list(), ...byValue], kind).filter((e) => !named.has(e.field)),
        tables,
      ),
    );
  }
  const nameHit = page.name ? locate(root, labels, page.name) : null;
  if (!page.id && !who.name && !nameHit && !entries.some((e) => e.built || e.value.text || e.value.values.length)) {
    // Only an id from the address and nothing else: a "not found" page, not a record.
    d.add('info', 'the page shows no field of a record');
    return { snapshot: { ...snapshot, diagnostics: d.done() }, anchors: [] };
  }
  const titled = nameHit || who.name ? null : recordHeadingName(root);
  const identity = {
    id: who.id,
    idSource: who.source,
    name: nameHit?.value.text ?? who.name ?? titled?.name,
    nameSource: nameHit?.source ?? 'heading',
  };
  if (kind === 'student') snapshot.students.push(buildStudent(identity, entries, d));
  else snapshot.staff.push(buildStaff(identity, entries, d));
  snapshot.focus = { kind, id: who.id };
  // A generic heading holds the marker, as on generic pages; a taught locator's element is followed by it.
  const heading = page.id ? null : (who.element ?? titled?.element);
  const at = heading ?? nameHit?.element ?? who.element;
  const anchor: Anchor = { kind, id: who.id, element: at ?? root, inside: !at || at === heading };
  return { snapshot: { ...snapshot, diagnostics: d.done() }, anchors: [anchor] };
}

function readList(
  doc: Document,
  url: URL,
  page: ProfilePage,
  root: Element,
  d: Diagnostics,
  profileId: string,
): PageRead {
  const kind = page.type === 'student-list' ? 'student' : 'staff';
  const snapshot = emptySnapshot(url, profileId, page.type);
  const anchors: Anchor[] = [];
  const columns = new Map(
    Object.entries(page.list?.columns ?? {}).map(([field, header]) => [labelKey(header!), field as FieldKey]),
  );
  const tables = page.list
    ? [query(root, page.list.table)].filter((t): t is Element => !!t).map(readPageTable)
    : page.synonyms
      ? listTables(root, url, kind)
      : [];
  if (!tables.length) d.add('warning', 'the list table named by the profile is not on the page');
  for (const table of tables) {
    const read = readListRecords(
      table,
      { kind, baseUrl: url, fieldOf: (c) => columns.get(labelKey(c.header)) ?? (page.synonyms ? c.field : null) },
      d,
    );
    snapshot.students.push(...read.students);
    snapshot.staff.push(...read.staff);
    anchors.push(...read.anchors);
  }
  return { snapshot: { ...snapshot, diagnostics: d.done() }, anchors };
}

/**
 * Reads a page with a profile already validated (built-in profiles, checked by their tests; site profiles,
 * parsed by the worker before they reach the content script), so the content script needs no schema library.
 */
export function readValidProfile(doc: Document, url: URL | string, profile: SiteProfile): PageRead {
  const d = new Diagnostics();
  const id = profile.id;
  try {
    const u = toUrl(url);
    const page = matchingPage(profile, u, doc);
    const root = page?.root ? query(doc, page.root) : contentRoot(doc);
    if (!page || !root) {
      d.add('info', 'no page of this profile fits this page');
      return { snapshot: { ...emptySnapshot(u, id), diagnostics: d.done() }, anchors: [] };
    }
    return page.type === 'student' || page.type === 'staff'
      ? readRecord(doc, u, page, root, d, id)
      : readList(doc, u, page, root, d, id);
  } catch {
    d.add('error', 'the page could not be read');
    return { snapshot: { ...emptySnapshot(String(url), id), diagnostics: d.done() }, anchors: [] };
  }
}

/** A SiteAdapter that runs a profile; `extend` may add what the profile's data cannot say. */
export function profileAdapter(
  profile: SiteProfile,
  extend?: (read: PageRead, doc: Document, url: URL) => PageRead,
): SiteAdapter & { profile: SiteProfile } {
  return {
    id: profile.id,
    label: profile.label,
    verified: profile.verified,
    liveRoot: profile.liveRoot,
    profile,
    detect: (url, doc) => detectWithProfile(url, doc, profile),
    read(doc, url) {
      const read = readValidProfile(doc, url, profile);
      if (!extend || read.snapshot.pageType === 'unknown') return read;
      try {
        return extend(read, doc, toUrl(url));
      } catch {
        return read;
      }
    },
  };
}

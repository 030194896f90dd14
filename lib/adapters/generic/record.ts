import type { Credential, SnapshotStaff, SnapshotStudent } from '../../domain';
import { parseCount, parseServices, normalizeGrade, splitTitles } from './convert';
import { parseDate } from './dates';
import type { Diagnostics } from './diagnostics';
import type { FieldKey } from './fields';
import { idFromUrl } from './ids';
import { clip } from './text';
import type { FieldValue } from './values';

/** One value found for a field, and where (becomes provenance: `label "Case Manager"`, `column "Grade"`). */
export interface FieldEntry {
  field: FieldKey;
  value: FieldValue;
  source: string;
}

type Picked = Map<FieldKey, FieldEntry>;

const isEmpty = (v: FieldValue) => !v.text && !v.values.length && !v.isoDate;
const key = (v: FieldValue) => v.isoDate ?? (v.values.length ? v.values.join('\u0001') : v.text ?? '');

/**
 * The first non-empty value per field; an empty one only when nothing better shows. Two different non-empty
 * values for one field are reported, and the first kept.
 */
function pick(entries: readonly FieldEntry[], diagnostics: Diagnostics): Picked {
  const picked: Picked = new Map();
  for (const e of entries) {
    const prior = picked.get(e.field);
    if (!prior || (isEmpty(prior.value) && !isEmpty(e.value))) picked.set(e.field, e);
    else if (!isEmpty(e.value) && key(prior.value) !== key(e.value))
      diagnostics.add('warning', 'the page shows two different values for this field; the first was kept', e.field);
  }
  return picked;
}

function text(p: Picked, field: FieldKey): string | null | undefined {
  const e = p.get(field);
  if (!e) return undefined;
  return e.value.text ? clip(e.value.text) : null;
}

function date(p: Picked, field: FieldKey, diagnostics: Diagnostics): string | null | undefined {
  const e = p.get(field);
  if (!e) return undefined;
  const iso = e.value.isoDate ?? parseDate(e.value.text);
  if (!iso && e.value.text) diagnostics.add('warning', 'not a date this reader understands', field);
  return iso;
}

/** Field sources, with the identity's sources winning (a header's name beats a "Name" field). */
function provenance(p: Picked, identity: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, e] of p) out[field] = e.source.slice(0, 300);
  return { ...out, ...identity };
}

/** Drops undefined keys so that "not shown" stays absent and "shown empty" stays null. */
function defined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

function nameOf(p: Picked, fallback: string | null | undefined): string {
  const full = text(p, 'name');
  if (full) return full;
  const parts = [text(p, 'firstName'), text(p, 'lastName')].filter(Boolean);
  return clip(parts.length ? parts.join(' ') : fallback ?? '');
}

/** Where a record's id and name came from, when not from its fields. */
export interface Identity {
  id: string;
  idSource: string;
  name?: string | null;
  nameSource?: string;
}

function identityProvenance(who: Identity): Record<string, string> {
  const out: Record<string, string> = { id: who.idSource.slice(0, 300) };
  if (who.name && who.nameSource) out.name = who.nameSource.slice(0, 300);
  return out;
}

/** A student from the fields found for them. The identity (id, and name when known) comes from the caller. */
export function buildStudent(who: Identity, entries: readonly FieldEntry[], diagnostics: Diagnostics): SnapshotStudent {
  const p = pick(entries, diagnostics);
  const cm = p.get('caseManager');
  const cmLink = cm?.value.links[0]?.getAttribute('href');
  const cmStaffId = idFromUrl(cmLink, undefined, 'staff');
  const services = p.get('services');
  const iep = defined({
    lastMeeting: date(p, 'iepLastMeeting', diagnostics),
    nextAnnual: date(p, 'iepNextAnnual', diagnostics),
    nextTriennial: date(p, 'iepNextTriennial', diagnostics),
  });
  const name = who.name ?? nameOf(p, '');
  return defined({
    id: who.id,
    name: clip(name),
    grade: p.has('grade') ? normalizeGrade(text(p, 'grade') ?? null) : undefined,
    birthDate: date(p, 'birthDate', diagnostics),
    school: text(p, 'school'),
    program: text(p, 'program'),
    primaryDisability: text(p, 'primaryDisability'),
    secondaryDisability: text(p, 'secondaryDisability'),
    caseManager: cm
      ? cm.value.text || cmStaffId
        ? defined({ name: text(p, 'caseManager'), staffId: cmStaffId?.kind === 'staff' ? cmStaffId.id : undefined })
        : null
      : undefined,
    services: services ? parseServices(services.value.values, services.value.text).slice(0, 100) : undefined,
    iep: Object.keys(iep).length ? iep : undefined,
    provenance: provenance(p, identityProvenance(who)),
  }) as SnapshotStudent;
}

/**
 * A staff member from the fields found for them. A page may show one expiration (or issue) date next to a
 * list of credential titles; that date is applied to each title, since it is all the page says.
 */
export function buildStaff(who: Identity, entries: readonly FieldEntry[], diagnostics: Diagnostics): SnapshotStaff {
  const p = pick(entries, diagnostics);
  const titles = p.get('credentials');
  const expires = date(p, 'credentialExpires', diagnostics);
  const issued = date(p, 'credentialIssued', diagnostics);
  let credentials: Credential[] | undefined;
  if (titles) {
    credentials = splitTitles(titles.value.values, titles.value.text)
      .slice(0, 200)
      .map((title) => defined({ title: clip(title), expires: expires ?? undefined, issued: issued ?? undefined }));
  }
  if (!credentials?.length && expires) diagnostics.add('info', 'an expiration date without a credential title was not kept', 'credentialExpires');
  return defined({
    id: who.id,
    name: clip(who.name ?? nameOf(p, '')),
    position: text(p, 'position'),
    email: text(p, 'email'),
    phone: text(p, 'phone'),
    credentials,
    caseloadMax: p.has('caseloadMax') ? parseCount(text(p, 'caseloadMax') ?? null) : undefined,
    provenance: provenance(p, identityProvenance(who)),
  }) as SnapshotStaff;
}


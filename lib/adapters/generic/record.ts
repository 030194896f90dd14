import type { Credential, Service, SnapshotStaff, SnapshotStudent } from '../../domain';
import { parseCount, parseServices, normalizeGrade, splitCodes, splitTitles } from './convert';
import { parseDate } from '../../dates';
import type { Diagnostics } from './diagnostics';
import { CREDENTIAL_FIELDS, type FieldKey } from './fields';
import { fitStaff, fitStudent } from './limits';
import { idFromUrl } from './ids';
import { cleanText } from './text';
import type { FieldValue } from './values';

/** One value found for a field, and where (becomes provenance: `label "Case Manager"`, `column "Grade"`). */
export interface FieldEntry {
  field: FieldKey;
  value: FieldValue;
  source: string;
  /** Records a table on the page already gave whole (a services table with providers, a credentials table). */
  built?: { services?: Service[]; credentials?: Credential[] };
}

type Picked = Map<FieldKey, FieldEntry>;

const isEmpty = (v: FieldValue) => !v.text && !v.values.length && !v.isoDate && !v.lines?.length;
const key = (v: FieldValue) => v.isoDate ?? (v.values.length ? v.values.join('\u0001') : (v.text ?? ''));

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
  return e.value.text ?? null;
}

function date(p: Picked, field: FieldKey, diagnostics: Diagnostics): string | null | undefined {
  const e = p.get(field);
  if (!e) return undefined;
  const iso = e.value.isoDate ?? parseDate(e.value.text) ?? agreedDate(e.value.values);
  if (iso || !e.value.text) return iso;
  // Shown but not understood is not "empty": the field stays unknown.
  diagnostics.add('warning', 'not a date this reader understands', field);
  return undefined;
}

/** A date shown twice (a display box and a hidden ISO box, as date pickers do) is a date when both agree. */
function agreedDate(values: readonly string[]): string | null {
  const dates = new Set(values.map((v) => parseDate(v)));
  return dates.size === 1 ? ([...dates][0] ?? null) : null;
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
  return parts.length ? parts.join(' ') : (fallback ?? '');
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
  const roleText = p.has('caseManagerRole') ? text(p, 'caseManagerRole') : undefined;
  const iep = defined({
    lastMeeting: date(p, 'iepLastMeeting', diagnostics),
    nextAnnual: date(p, 'iepNextAnnual', diagnostics),
    nextTriennial: date(p, 'iepNextTriennial', diagnostics),
  });
  const name = who.name ?? nameOf(p, '');
  const student = defined({
    id: who.id,
    name,
    grade: p.has('grade') ? normalizeGrade(text(p, 'grade') ?? null) : undefined,
    birthDate: date(p, 'birthDate', diagnostics),
    school: text(p, 'school'),
    program: text(p, 'program'),
    supportLevel: text(p, 'supportLevel'),
    severe: yesNo(p, 'severe', diagnostics),
    alternatePlacement: yesNo(p, 'alternatePlacement', diagnostics),
    primaryDisability: text(p, 'primaryDisability'),
    secondaryDisability: text(p, 'secondaryDisability'),
    caseManager: cm
      ? cm.value.text || cmStaffId
        ? defined({
            name: text(p, 'caseManager'),
            staffId: cmStaffId?.kind === 'staff' ? cmStaffId.id : undefined,
            roleText: roleText ?? undefined,
            url: cmStaffId?.kind === 'staff' ? (cmLink ?? undefined) : undefined,
          })
        : null
      : undefined,
    services: servicesOf(entries, p),
    iep: Object.keys(iep).length ? iep : undefined,
    entryDate: date(p, 'entryDate', diagnostics),
    transferredWithIep: yesNo(p, 'transferredWithIep', diagnostics),
    plan504Review: date(p, 'plan504Review', diagnostics),
    accommodations: items(p, 'accommodations'),
    modifications: items(p, 'modifications'),
    supports: items(p, 'supports'),
    testingAccommodations: items(p, 'testingAccommodations'),
    provenance: provenance(p, identityProvenance(who)),
  }) as SnapshotStudent;
  fitStudent(student, diagnostics);
  return student;
}

/**
 * A list the SIS shows for a student (accommodations, modifications, supports): one item a line, a list's items,
 * or a ";"-separated text. "None" and the like are an empty list; not shown stays absent.
 */
function items(p: Picked, field: FieldKey): string[] | undefined {
  const e = p.get(field);
  if (!e) return undefined;
  const v = e.value;
  const raw = v.lines?.length ? v.lines : v.values.length > 1 ? v.values : (v.text ?? '').split(/\s*;\s*/);
  const list = raw.map((t) => cleanText(t)).filter((t): t is string => !!t && !/^(none|n\/a|-)$/i.test(t));
  return list.slice(0, 100).map((t) => t.slice(0, 2000));
}

/** Yes/no fields (severe, alternate placement); a checkbox left unchecked is a no, other text is reported. */
function yesNo(p: Picked, field: FieldKey, diagnostics: Diagnostics): boolean | null | undefined {
  const e = p.get(field);
  if (!e) return undefined;
  const t = cleanText(e.value.text)?.toLowerCase().replace(/[.!]$/, '');
  const box = 'input[type="checkbox" i]';
  if (!t) return e.value.element?.matches?.(box) || e.value.element?.querySelector?.(box) ? false : null;
  if (/^(yes|y|true|x|\u2713|\u2714|checked|on|severe|alternate placement|transferred with an iep)$/.test(t))
    return true;
  if (/^(no|n|false|off|unchecked|not severe|non-?severe|mild|moderate|none)$/.test(t)) return false;
  diagnostics.add('warning', 'a yes/no value this reader does not understand', field);
  return undefined;
}

/**
 * Services from a services table (with providers) or a services field (one per line, "service – minutes –
 * provider"). A lone provider field names the provider of a lone service.
 */
function servicesOf(entries: readonly FieldEntry[], p: Picked): Service[] | undefined {
  const table = entries.find((e) => e.built?.services);
  if (table) return table.built!.services!;
  const e = p.get('services');
  if (!e) return undefined;
  const services = parseServices(e.value.values, e.value.text, e.value.lines);
  const provider = cleanText(p.get('serviceProvider')?.value.text);
  const [only] = services;
  if (provider && services.length === 1 && only && !only.providerName)
    services[0] = { ...only, providerName: provider };
  return services;
}

/** "No credentials on file", "None recorded": the page says there are none (read and empty). */
const NONE_ON_FILE =
  /^(?:no|none)\b.{0,40}\b(?:on file|recorded|found|entered|listed)\.?$|^(?:none|no credentials?|n\/a)\.?$/i;

/**
 * Credential documents from the fields a page shows: title(s), authorization codes, kind, issued, expires. Each
 * title is a document; codes, kind and dates belong to the lone document, or pair with titles line by line.
 * A page that shows credential fields all blank (or says none are on file) gives [] — read and empty; a page
 * with no credential field leaves them unknown (undefined). An expiry with no title and no code is kept: a
 * document held and not recognized.
 */
function credentialsOf(entries: readonly FieldEntry[], p: Picked, diagnostics: Diagnostics): Credential[] | undefined {
  const table = entries.find((e) => e.built?.credentials);
  if (table) return table.built!.credentials!;
  if (![...p.keys()].some((f) => CREDENTIAL_FIELDS.has(f))) return undefined;
  const titlesEntry = p.get('credentials')?.value;
  if (titlesEntry?.text && NONE_ON_FILE.test(titlesEntry.text)) return [];
  const codesEntry = p.get('credentialAuthorizations')?.value;
  // One codes value beside one title value is one document, whatever punctuation its title holds.
  const oneDocument = !!codesEntry?.text && !codesEntry.lines && !titlesEntry?.lines && !titlesEntry?.values.length;
  const titles = !titlesEntry
    ? []
    : oneDocument
      ? [titlesEntry.text].filter((t): t is string => !!t)
      : splitTitles(titlesEntry.values, titlesEntry.text, titlesEntry.lines);
  const codeLines = codesEntry?.lines ?? [];
  const codes = codesEntry ? splitCodes(codesEntry.values, codesEntry.text, codesEntry.lines) : [];
  const kind = text(p, 'credentialKind') ?? undefined;
  const perLine = (field: FieldKey) => p.get(field)?.value.lines ?? [];
  const expires = date(p, 'credentialExpires', diagnostics);
  const issued = date(p, 'credentialIssued', diagnostics);
  if (titles.length > 1) {
    const expLines = perLine('credentialExpires');
    const pairedCodes = codeLines.length === titles.length;
    const pairedExp = expLines.length === titles.length;
    if (codes.length && !pairedCodes)
      diagnostics.add(
        'warning',
        'authorization codes do not line up with the credential titles; kept apart',
        'credentialAuthorizations',
      );
    const docs = titles.map((title, i) =>
      defined({
        title,
        authorizations: pairedCodes ? splitCodes([], codeLines[i] ?? '') : undefined,
        kind,
        issued: issued ?? undefined,
        expires: pairedExp ? (parseDate(expLines[i]) ?? undefined) : (expires ?? undefined),
      }),
    );
    return codes.length && !pairedCodes ? [...docs, { authorizations: codes }] : docs;
  }
  const doc = defined({
    title: titles[0] || undefined,
    authorizations: codes.length ? codes : undefined,
    kind,
    issued: issued ?? undefined,
    expires: expires ?? undefined,
  });
  // Only a kind (a pull-down left at its first option) or nothing at all: the page shows no document.
  return doc.title || doc.authorizations || doc.expires || doc.issued ? [doc] : [];
}

/** A staff member from the fields found for them (and the tables of their page, via `built`). */
export function buildStaff(who: Identity, entries: readonly FieldEntry[], diagnostics: Diagnostics): SnapshotStaff {
  const p = pick(entries, diagnostics);
  const credentials = credentialsOf(entries, p, diagnostics);
  const staff = defined({
    id: who.id,
    name: who.name ?? nameOf(p, ''),
    position: text(p, 'position'),
    email: text(p, 'email'),
    phone: text(p, 'phone'),
    credentials,
    caseloadMax: p.has('caseloadMax') ? parseCount(text(p, 'caseloadMax') ?? null) : undefined,
    provenance: provenance(p, identityProvenance(who)),
  }) as SnapshotStaff;
  fitStaff(staff, diagnostics);
  return staff;
}

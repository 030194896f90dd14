import type { FieldKey } from './fields';
import { FIELD_SYNONYMS, PRODUCT_ID_LABEL } from './synonyms';
import { labelKey } from './text';

/**
 * Abbreviations districts use in labels, by word. Synonyms and labels are both expanded, so "Case Mgr",
 * "Prim Dis" and "Exp Date" meet their full wordings without a synonym each.
 */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  auth: 'authorization',
  authz: 'authorization',
  mgr: 'manager',
  mngr: 'manager',
  elig: 'eligibility',
  svc: 'service',
  svcs: 'service',
  srv: 'service',
  srvc: 'service',
  reeval: 'reevaluation',
  dis: 'disability',
  disab: 'disability',
  exp: 'expiration',
  expir: 'expiration',
  expires: 'expiration',
  expire: 'expiration',
  expiry: 'expiration',
  expiring: 'expiration',
  cred: 'credential',
  creds: 'credential',
  prov: 'provider',
  prim: 'primary',
  pri: 'primary',
  sec: 'secondary',
  doc: 'document',
  tri: 'triennial',
  dt: 'date',
  prog: 'program',
  lvl: 'level',
  alt: 'alternate',
  alternative: 'alternate',
  plcmt: 'placement',
  cert: 'certification',
  lic: 'license',
  iss: 'issued',
  issue: 'issued',
};

/** Plural and singular are one word for labels ("Services", "Authorizations"). */
const singular = (w: string) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);

/** A label's words, abbreviations expanded and plurals folded. "re-eval" and "reeval" meet too. */
export function labelWords(label: string): string[] {
  // "&" is a word: "Services & Providers" is not "Service Provider".
  const key = labelKey(label.replace(/&/g, ' and ')).replace(/\bre (eval|evaluation)\b/g, 're$1');
  return key
    .split(' ')
    .filter(Boolean)
    .flatMap((w) => (ABBREVIATIONS[w] ?? ABBREVIATIONS[singular(w)] ?? singular(w)).split(' '));
}

let index: Map<string, FieldKey> | null = null;

function synonymIndex(): Map<string, FieldKey> {
  if (index) return index;
  index = new Map();
  for (const [field, labels] of Object.entries(FIELD_SYNONYMS) as [FieldKey, readonly string[]][]) {
    for (const label of labels) {
      const key = labelWords(label).join(' ');
      // The first field to claim a wording keeps it: the list is ordered from specific to general.
      if (!index.has(key)) index.set(key, field);
    }
  }
  return index;
}

type Rule = [FieldKey, (has: (w: string) => boolean) => boolean];
const any = (has: (w: string) => boolean, ...ws: string[]) => ws.some(has);

/**
 * Labels no synonym names, read by their words: "Eligibility Category", "3-Year Reeval Due", "Support Needs
 * Level". Most specific first; a label that mentions a date is never a non-date field.
 */
const WORD_RULES: readonly Rule[] = [
  ['caseManagerRole', (h) => h('case') && any(h, 'manager', 'carrier') && any(h, 'role', 'type')],
  ['caseManager', (h) => h('case') && any(h, 'manager', 'carrier')],
  ['credentialAuthorizations', (h) => h('authorization') && !any(h, 'date', 'expiration', 'issued')],
  [
    'credentialExpires',
    (h) =>
      h('expiration') ||
      (h('valid') && any(h, 'until', 'through', 'to', 'thru')) ||
      (h('end') && h('date') && any(h, 'credential', 'document', 'license')),
  ],
  [
    'credentialIssued',
    (h) => h('issued') || (any(h, 'effective', 'start') && h('date') && any(h, 'credential', 'document', 'license')),
  ],
  ['credentialKind', (h) => any(h, 'credential', 'document', 'license') && any(h, 'type', 'kind')],
  ['credentials', (h) => any(h, 'credential', 'license', 'certification') && !h('date')],
  ['supportLevel', (h) => h('support') && any(h, 'degree', 'level', 'need')],
  ['alternatePlacement', (h) => h('alternate') && h('placement')],
  ['severe', (h) => any(h, 'severity', 'severe')],
  ['plan504Review', (h) => h('504') && any(h, 'review', 'reevaluation')],
  [
    'testingAccommodations',
    (h) => any(h, 'testing', 'test', 'assessment') && any(h, 'accommodation', 'accommodations'),
  ],
  ['accommodations', (h) => any(h, 'accommodation', 'accommodations') && !h('date')],
  ['transferredWithIep', (h) => h('transfer') && h('iep') && !h('date')],
  ['iepNextTriennial', (h) => any(h, 'triennial', 'reevaluation') || (any(h, '3', 'three') && h('year'))],
  ['iepNextAnnual', (h) => h('annual') && !h('last')],
  ['iepLastMeeting', (h) => any(h, 'last', 'recent', 'current') && h('iep')],
  ['secondaryDisability', (h) => h('secondary') && any(h, 'disability', 'eligibility', 'handicap') && !h('date')],
  ['primaryDisability', (h) => any(h, 'disability', 'eligibility', 'handicap') && !h('date')],
  ['services', (h) => h('service') && !any(h, 'date', 'minute', 'frequency')],
  ['program', (h) => any(h, 'program', 'setting', 'placement') && !h('date')],
];

/** The canonical field a label or column header names, or null when it names none we read. */
export function matchField(labelText: string | null | undefined): FieldKey | null {
  if (!labelText) return null;
  const key = labelKey(labelText);
  if (!key || key.length > 60) return null;
  const words = labelWords(labelText);
  const exact = synonymIndex().get(words.join(' '));
  if (exact) return exact;
  if (PRODUCT_ID_LABEL.test(key)) return 'recordId';
  // Long labels are sentences (help text, notes), not field names.
  if (words.length > 5) return null;
  const set = new Set(words);
  const has = (w: string) => set.has(w);
  return WORD_RULES.find(([, test]) => test(has))?.[0] ?? null;
}

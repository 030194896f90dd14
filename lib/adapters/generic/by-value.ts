import type { SubjectKind } from '../../domain';
import { DISABILITIES } from '../../rules/pack/disabilities';
import type { Diagnostics } from './diagnostics';
import { type FieldKey, fieldKind } from './fields';
import type { LabeledValue } from './labels';
import { labelKey } from './text';
import type { FieldValue } from './values';

/**
 * Fields read by their values where the label is one no synonym or word rule knows ("Cred Doc #1", "Elig Cat 1"):
 * values that cannot be anything else. CTC authorization codes, CALPADS disability names (with or without their
 * code), special-education service lines and CTC document titles. A value that fits two fields, or a field met
 * twice, is reported and not used: never a guess.
 */

/** CTC authorization codes (RULES.md coverage table, checks 3 and 6) and licenses: the shapes no other text has. */
const CTC_CODE =
  /^(?:R3[A-Z]{2}|R5[0-9][A-Z]|R51[1-3]|AA(?:AS|DB|ED|OI|OH|TB)|LSH|LSCA|APEA|AUDL|SEEC|ECSE|license:(?:PT|OT|SLP))$/;
const DISABILITY_WORDS = new Set(DISABILITIES.flatMap((d) => [labelKey(d.name), d.abbr.toLowerCase()]));
/** "Autism (320)", "320 - Autism", "SLD", "Specific Learning Disability": a CALPADS category and nothing else. */
function isDisability(text: string): boolean {
  const words = labelKey(text)
    .replace(/\b(?:2[1-9]0|281|300|310|320|330)\b/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  // "Autism AUT": a name followed by its abbreviation.
  const last = words[words.length - 1];
  const name = words.length > 1 && last && DISABILITY_WORDS.has(last) ? words.slice(0, -1) : words;
  return DISABILITY_WORDS.has(name.join(' ')) || DISABILITY_WORDS.has(words.join(' '));
}
/** A service line that starts with a special-education service code other than 330's TBI twin is a service. */
const SERVICE_LINE =
  /^(?:330|415|425|435|436|445|450|460|510|515|520|525|530|535|540|545|710|715|720|725|730|735|740|745|820|830|850|855|860|865|870|890|900)\b\s*[-:\u2013]?\s*[A-Za-z]/;
const CTC_TITLE = /\b(?:credential|permit|waiver|certificate|license)\b/i;
const CTC_TITLE_WORDS =
  /\b(?:education specialist|multiple subject|single subject|pupil personnel|speech-language|administrative services|clinical|rehabilitative|intern|added authorization|special class|occupational therap|physical therap)\b/i;

type ValueField = 'credentialAuthorizations' | 'primaryDisability' | 'services' | 'credentials';

function fieldsFor(value: FieldValue): ValueField[] {
  const text = value.text ?? '';
  const items = value.lines ?? (value.values.length ? value.values : [text]);
  if (!text) return [];
  const out: ValueField[] = [];
  const tokens = text.split(/[\s,;/]+/).filter(Boolean);
  if (tokens.length && tokens.every((t) => CTC_CODE.test(t))) out.push('credentialAuthorizations');
  if (items.every(isDisability)) out.push('primaryDisability');
  if (items.every((l) => SERVICE_LINE.test(l))) out.push('services');
  if (items.every((l) => CTC_TITLE.test(l) && CTC_TITLE_WORDS.test(l))) out.push('credentials');
  return out;
}

/**
 * Gives a field to labeled values whose label named none, where the value says which (source: "value pattern").
 * Only fields of the record's kind that no label on the page already gave; an ambiguous value is reported.
 */
export function fieldsByValue(
  labeled: readonly LabeledValue[],
  kind: SubjectKind,
  diagnostics: Diagnostics,
): LabeledValue[] {
  const given = new Set(labeled.map((l) => l.field).filter(Boolean));
  const found = new Map<FieldKey, LabeledValue[]>();
  for (const l of labeled) {
    if (l.field) continue;
    const fields = fieldsFor(l.value).filter((f) => !given.has(f) && fieldKind(f) === kind);
    if (fields.length > 1)
      diagnostics.add('warning', 'a value fits more than one field; it was not used', fields.join(' or '));
    else if (fields[0]) (found.get(fields[0]) ?? found.set(fields[0], []).get(fields[0])!).push(l);
  }
  const out: LabeledValue[] = [];
  for (const [field, hits] of found) {
    // Two unlabeled disability values: which is primary is not for the reader to guess.
    if (hits.length > 1) diagnostics.add('warning', 'several unlabeled values fit this field; none was used', field);
    else if (hits[0]) out.push({ ...hits[0], field, how: 'value' });
  }
  return out;
}

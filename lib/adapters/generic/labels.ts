import type { FieldKey } from './fields';
import { textLines } from './lines';
import { matchField } from './match';
import { contentElements } from './scope';
import { cleanText, elementText, tagOf } from './text';
import { type FieldValue, readValue } from './values';

/** A label found on the page with the value it labels. */
export interface LabeledValue {
  /** The label as the page shows it (trailing colon removed). */
  label: string;
  /** The canonical field the label names, or null (kept so that teach mode can offer it). */
  field: FieldKey | null;
  value: FieldValue;
  labelElement: Element | null;
  /** Which layout it was found in; provenance says it. */
  /** `value`: the label named no field; the value did (by-value.ts). */
  how: 'caption' | 'label-for' | 'definition' | 'row' | 'sibling' | 'text' | 'value';
}

/** Captions printed under a value (RosarioSIS: `<span class="legend-gray">Primary Disability</span>`). */
export const CAPTION_SELECTOR = '.legend-gray';

const stripColon = (s: string) => s.replace(/\s*:\s*$/, '');

function byId(root: ParentNode, id: string): Element | null {
  const doc = (root as Node).ownerDocument ?? (root as Document);
  const hit = doc.getElementById?.(id) ?? null;
  return hit && (root as Node).contains(hit) ? hit : null;
}

/** Label below (or beside) its value in one container: the container minus its caption(s) is the value. */
function captions(root: ParentNode): LabeledValue[] {
  const out: LabeledValue[] = [];
  for (const caption of contentElements(root, CAPTION_SELECTOR)) {
    const label = cleanText(caption.textContent);
    if (!label) continue;
    const box = tagOf(caption.parentElement) === 'LABEL' ? caption.parentElement! : caption;
    const container = box.parentElement;
    if (!container) continue;
    const others = Array.from(container.querySelectorAll(CAPTION_SELECTOR)).map((c) =>
      tagOf(c.parentElement) === 'LABEL' ? c.parentElement! : c,
    );
    out.push({
      label: stripColon(label),
      field: matchField(label),
      value: readValue(container, others),
      labelElement: caption,
      how: 'caption',
    });
  }
  return out;
}

/** `<label for="x">` naming the control `#x`. */
function labelsFor(root: ParentNode): LabeledValue[] {
  const out: LabeledValue[] = [];
  for (const el of contentElements(root, 'label[for]')) {
    if (el.querySelector(CAPTION_SELECTOR)) continue; // read as a caption
    const label = elementText(el);
    const target = byId(root, el.getAttribute('for') ?? '');
    if (!label || !target) continue;
    out.push({
      label: stripColon(label),
      field: matchField(label),
      value: readValue(target),
      labelElement: el,
      how: 'label-for',
    });
  }
  return out;
}

/** `<dt>` followed by its `<dd>`. */
function definitions(root: ParentNode): LabeledValue[] {
  const out: LabeledValue[] = [];
  for (const dt of contentElements(root, 'dt')) {
    const label = elementText(dt);
    let dd = dt.nextElementSibling;
    while (dd && tagOf(dd) !== 'DD' && tagOf(dd) !== 'DT') dd = dd.nextElementSibling;
    if (!label || !dd || tagOf(dd) !== 'DD') continue;
    out.push({
      label: stripColon(label),
      field: matchField(label),
      value: readValue(dd),
      labelElement: dt,
      how: 'definition',
    });
  }
  return out;
}

/** Two-cell rows: `<th>Label</th><td>value</td>`, or a first cell ending in ":". */
function rows(root: ParentNode): LabeledValue[] {
  const out: LabeledValue[] = [];
  for (const tr of contentElements(root, 'tr')) {
    const cells = Array.from(tr.children).filter((c) => tagOf(c) === 'TD' || tagOf(c) === 'TH');
    const [labelCell, valueCell] = cells;
    if (cells.length !== 2 || !labelCell || !valueCell) continue;
    if (tagOf(valueCell) !== 'TD' || labelCell.querySelector('label,select,input')) continue;
    const label = elementText(labelCell);
    if (!label || (tagOf(labelCell) !== 'TH' && !label.endsWith(':'))) continue;
    out.push({
      label: stripColon(label),
      field: matchField(label),
      value: readValue(valueCell),
      labelElement: labelCell,
      how: 'row',
    });
  }
  return out;
}

/** Elements that label the element after them: `<span class="label">`, a `<label>` whose `for` names nothing. */
const SIBLING_LABEL = 'label, [class*="label"], [class*="Label"]';
const SECTION_HEADING = 'h2, h3, h4, h5, h6';

function isLabelLike(el: Element): boolean {
  return el.matches(SIBLING_LABEL) && !!matchField(elementText(el));
}

/**
 * A label element and the value element right after it (`<span class="label">Grade</span><span
 * class="value">4</span>`; openSIS's `<label for="CUSTOM_1">` beside a `<div>` holding text or controls), and a
 * section heading followed by a short paragraph ("Credentials" / "No credentials on file").
 */
function siblings(root: ParentNode): LabeledValue[] {
  const out: LabeledValue[] = [];
  for (const el of contentElements(root, SIBLING_LABEL)) {
    if (el.querySelector(CAPTION_SELECTOR) || el.querySelector('input,select,textarea,table')) continue;
    if (tagOf(el) === 'LABEL' && el.getAttribute('for') && byId(root, el.getAttribute('for')!)) continue; // label-for
    const label = elementText(el);
    const value = el.nextElementSibling;
    if (!label || label.length > 60 || !value || isLabelLike(value) || value.matches(CAPTION_SELECTOR)) continue;
    out.push({
      label: stripColon(label),
      field: matchField(label),
      value: readValue(value),
      labelElement: el,
      how: 'sibling',
    });
  }
  for (const el of contentElements(root, SECTION_HEADING)) {
    const label = elementText(el);
    const field = matchField(label);
    const next = el.nextElementSibling;
    if (!label || !field || tagOf(next) !== 'P') continue;
    out.push({ label: stripColon(label), field, value: readValue(next), labelElement: el, how: 'sibling' });
  }
  return out;
}

const LABEL_CANDIDATE = /([A-Za-z#][A-Za-z0-9 .#/'()-]{0,39}):(?=\s|$)/g;

/** The longest tail of `words` that names a field: "Jane Doe SSID" → "SSID". */
function labelTail(candidate: string): { label: string; field: FieldKey; start: number } | null {
  const words = candidate.trim().split(/\s+/);
  for (let i = 0; i < words.length; i++) {
    const label = words.slice(i).join(' ');
    const field = matchField(label);
    if (field) return { label, field, start: candidate.lastIndexOf(label) };
  }
  return null;
}

type Pair = { label: string; field: FieldKey; from: number; valueFrom: number };

function pairsIn(line: string): Pair[] {
  const found: Pair[] = [];
  for (const m of line.matchAll(LABEL_CANDIDATE)) {
    const tail = labelTail(m[1] ?? '');
    if (tail)
      found.push({
        label: tail.label,
        field: tail.field,
        from: m.index + tail.start,
        valueFrom: m.index + m[0].length,
      });
  }
  return found;
}

/**
 * "Label: value" in running text (SEIS's sidebar is read this way): several pairs may share a line, and a label
 * alone on its line takes the next line as its value. Only labels that name a field are kept.
 */
function textPairs(root: ParentNode): LabeledValue[] {
  const out: LabeledValue[] = [];
  const lines = textLines(root);
  lines.forEach((line, i) => {
    const found = pairsIn(line);
    const next = lines[i + 1];
    found.forEach((f, k) => {
      let text = cleanText(line.slice(f.valueFrom, found[k + 1]?.from));
      if (!text && k === found.length - 1 && next !== undefined && !pairsIn(next).length) text = next;
      out.push({
        label: f.label,
        field: f.field,
        value: { text, values: [], isoDate: null, element: null, links: [] },
        labelElement: null,
        how: 'text',
      });
    });
  });
  return out;
}

/**
 * Every labeled value under `root`, in the layouts SIS pages use: captions under values, `<label for>`,
 * definition lists, two-cell rows, label and value side by side, then "Label: value" text for fields the structure did not give.
 * Menus and navigation are skipped. Pure: reads the DOM it is given, changes nothing.
 */
export function findLabeledValues(root: ParentNode): LabeledValue[] {
  const structural = [...captions(root), ...labelsFor(root), ...definitions(root), ...rows(root), ...siblings(root)];
  const seen = new Set(structural.map((l) => l.field).filter(Boolean));
  return [...structural, ...textPairs(root).filter((l) => !seen.has(l.field))];
}

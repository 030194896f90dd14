import { markOwn } from '../../lib/page/own';
import type { SiteProfile, SiteProfileInput } from '../../lib/adapters/profile';
import type { PageRead } from '../../lib/adapters/types';
import {
  addressChoices,
  buildProfile,
  hasId,
  idFromAddress,
  isList,
  mapPick,
  recordKind,
  TEACH_FIELDS,
  type TeachDraft,
  type TeachField,
  type TeachKind,
} from '../../lib/teach/draft';
import { describeLocator } from '../../lib/teach/describe';
import { previewOf, saveBlocker, type Preview } from '../../lib/teach/preview';
import { labelFor } from '../../lib/teach/selector';
import { elementText } from '../../lib/adapters/generic/text';
import { shorten } from '../../lib/domain/sentences';
import { createPicker } from './picker';

/**
 * Teach mode's floating toolbar: every rule input to map, a Pick button for each (pointer or keyboard), the id
 * from the address where no element shows it, undo, a live preview of what Liaison reads with the mapping and
 * what the checks find in it, and Save, which stays off (saying why) while the mapping reads no record. Plain DOM
 * in a shadow root; page text only ever goes in as textContent. Only the user's own events drive it.
 */
export const TEACH_ATTR = 'data-liaison-teach';

export interface ToolbarDeps {
  doc: Document;
  url: () => URL;
  /** Reads the live page with a candidate profile (readWithProfile), as if at `url` (the page's own, or a preview's). */
  read: (profile: SiteProfileInput, url: URL) => PageRead;
  save: (profile: SiteProfileInput) => Promise<{ ok: boolean; error?: string }>;
  /** The site's taught profile, if any: a new page is added to it. */
  existing: SiteProfile | SiteProfileInput | null;
  /** Marks the host as Liaison's own UI (the page controller ignores its mutations). */
  uiAttr: string;
  /** Whether an event came from the user (default `event.isTrusted`): tests stand in for the user here. */
  trusted?: (e: Event) => boolean;
  /** `closed` keeps the page's scripts out of the toolbar (the preview shows findings); tests use `open`. */
  shadowMode?: ShadowRootMode;
  /** The checks' as-of date for the preview (default today). */
  asOf?: () => string;
}

const STYLE = `
:host { all: initial; position: fixed; z-index: 2147483647; right: 12px; top: 12px; width: 360px;
  max-height: calc(100vh - 24px); overflow: auto; font: 12px/1.4 system-ui, sans-serif; color: #1b1b1b;
  background: #fff; border: 1px solid #888; border-radius: 8px; box-shadow: 0 6px 24px rgba(0,0,0,.25); }
.wrap { padding: 8px 10px; }
header { display: flex; justify-content: space-between; align-items: center; }
h2 { font-size: 13px; margin: 0; } h3 { font-size: 12px; margin: 8px 0 4px; }
button, select { font: inherit; }
button { padding: 1px 8px; border: 1px solid #1f5fa8; border-radius: 4px; background: #fff; color: #1f5fa8; cursor: pointer; }
button:disabled, button[aria-disabled="true"] { opacity: .55; cursor: not-allowed; }
button[aria-pressed="true"] { background: #1f5fa8; color: #fff; }
button.primary { background: #1f5fa8; color: #fff; }
button:focus-visible, select:focus-visible { outline: 2px solid #000; outline-offset: 1px; }
table { border-collapse: collapse; width: 100%; } td, th { padding: 2px 4px; vertical-align: top; text-align: left; }
th.group { font-size: 11px; color: #444; padding-top: 6px; border-bottom: 1px solid #ddd; }
td.where { color: #444; font-size: 11px; word-break: break-word; }
.value { color: #1b1b1b; } .none { color: #8a4b00; }
.address { margin: 2px 0 0; } .address select { max-width: 100%; }
.hint { color: #555; font-size: 11px; }
.preview { background: #f4f7fb; border-radius: 4px; padding: 4px 6px; margin-top: 6px; }
.preview dl { margin: 0; display: grid; grid-template-columns: auto 1fr; gap: 0 8px; } .preview dt { color: #555; }
.preview dd { margin: 0; word-break: break-word; }
.preview ul { margin: 2px 0; padding-left: 16px; }
.sev-error { color: #a40000; } .sev-warning { color: #8a4b00; } .sev-info { color: #1f5fa8; }
.actions { display: flex; gap: 6px; margin-top: 8px; }
.why { margin: 4px 0 0; color: #8a4b00; }
[role=status] { min-height: 1.4em; margin: 6px 0 0; }
`;

const OUTLINE =
  'position: fixed; z-index: 2147483646; pointer-events: none; border: 2px solid #1f5fa8; background: rgba(31,95,168,.12); border-radius: 2px;';

export interface Toolbar {
  host: HTMLElement;
  /** The toolbar's shadow root (also when closed to the page). */
  root: ShadowRoot;
  close(): void;
}

/** The stand-in id's parameter for previews before the id is mapped (never saved). */
const PREVIEW_PARAM = 'liaison-preview-id';

/** Page text quoted in the toolbar's status lines, kept short. */
const quoted = (s: string, max = 60) => shorten(s, max);

export function openToolbar(deps: ToolbarDeps, onClose: () => void): Toolbar {
  const { doc } = deps;
  const trusted = deps.trusted ?? ((e: Event) => e.isTrusted);
  const el = (tag: string, props: Record<string, unknown> = {}, ...kids: (Node | string)[]): HTMLElement => {
    const node = Object.assign(doc.createElement(tag), props);
    node.append(...kids);
    return node;
  };
  const button = (text: string, props: Record<string, unknown> = {}) =>
    el('button', { type: 'button', textContent: text, ...props }) as HTMLButtonElement;
  /** Listeners that only the user's own events reach. */
  const on = <E extends Event>(target: EventTarget, type: string, fn: (e: E) => void) =>
    target.addEventListener(type, (e) => {
      if (trusted(e)) fn(e as E);
    });

  const host = markOwn(el('div'));
  host.setAttribute(TEACH_ATTR, '');
  host.setAttribute(deps.uiAttr, '');
  host.setAttribute('role', 'dialog');
  host.setAttribute('aria-label', 'Teach Liaison this page');
  const root = host.attachShadow({ mode: deps.shadowMode ?? 'open' });
  const outline = el('div');
  outline.setAttribute('style', OUTLINE);
  outline.hidden = true;

  let draft: TeachDraft = { kind: 'student', fields: {} };
  let existing = deps.existing;
  const undo: TeachDraft[] = [];
  let picking: TeachField | null = null;
  let shown: Preview | null = null;
  let blocker: string | null = null;

  const status = el('p');
  status.setAttribute('role', 'status');
  const picker = createPicker(doc, host, outline, {
    trusted,
    onHighlight(target, index, total) {
      const label = labelFor(target);
      const text = quoted(elementText(target) ?? (target as HTMLInputElement).value ?? '');
      const isLabel = !!label?.labelElement && (label.labelElement === target || label.labelElement.contains(target));
      const what = !label
        ? `“${text}”`
        : isLabel
          ? `The label “${label.label}”, for its value “${quoted(label.value.text ?? '')}”`
          : `Next to “${label.label}”: “${text}”`;
      status.textContent = `${what} (${index + 1} of ${total}). Enter picks it, Escape cancels.`;
    },
  });

  const kindSelect = el('select', { title: 'Page type' }) as HTMLSelectElement;
  kindSelect.append(
    el('option', { value: 'student', textContent: 'Student page' }),
    el('option', { value: 'staff', textContent: 'Staff page' }),
    el('option', { value: 'student-list', textContent: 'Student list' }),
    el('option', { value: 'staff-list', textContent: 'Staff list' }),
  );
  on(kindSelect, 'change', () => commit({ kind: kindSelect.value as TeachKind, fields: {} }));
  const fieldsBody = el('tbody');
  const preview = el('div', { className: 'preview' });
  preview.setAttribute('data-preview', '');
  preview.setAttribute('aria-label', 'What Liaison reads now');
  const undoButton = button('Undo', { disabled: true });
  const saveButton = button('Save profile', { className: 'primary' });
  const why = el('p', { className: 'why', id: 'save-why' });
  why.setAttribute('aria-live', 'polite');
  saveButton.setAttribute('aria-describedby', 'save-why');
  const closeButton = button('×');
  closeButton.setAttribute('aria-label', 'Close teach mode');

  function commit(next: TeachDraft) {
    undo.push(draft);
    draft = next;
    render();
  }

  function stopPicking(message: string) {
    picker.stop();
    picking = null;
    status.textContent = message;
    render();
  }

  function pickField(field: TeachField) {
    if (picking?.key === field.key) return stopPicking('Picking stopped.');
    picking = field;
    status.textContent = `Click the element that shows ${field.label}, or use the arrow keys and Enter. Escape cancels.`;
    picker.start(
      (target) => {
        picking = null;
        commit(mapPick(draft, field.key, target, deps.url()));
        const read = shown?.values[field.key];
        status.textContent = `${field.label} mapped: ${describeLocator(draft, field.key, deps.url(), doc).text}${read ? `, reads “${quoted(read)}”` : ''}.`;
      },
      () => stopPicking('Picking cancelled.'),
    );
    render();
  }

  function readNow(): Preview {
    const url = deps.url();
    try {
      const p = previewOf(deps.read(buildProfile(draft, url, existing), url), draft.kind, deps.asOf?.());
      // Before the id is known, what each mapped field reads is still worth seeing: read once more with a
      // stand-in id (never saved; the record count, and so Save, stay those of the real mapping).
      if (p.records || hasId(draft) || isList(draft.kind)) return p;
      const standIn = new URL(url);
      standIn.searchParams.set(PREVIEW_PARAM, 'preview');
      const values = previewOf(
        deps.read(buildProfile(idFromAddress(draft, PREVIEW_PARAM), standIn, existing), standIn),
        draft.kind,
      ).values;
      return { ...p, values };
    } catch {
      return {
        title: 'This mapping cannot be read yet.',
        records: 0,
        rows: [],
        values: {},
        notes: [],
        findings: [],
        findingsNote: '',
      };
    }
  }

  function renderPreview(p: Preview) {
    const dl = el('dl');
    for (const [k, v] of p.rows) dl.append(el('dt', { textContent: k }), el('dd', { textContent: v }));
    const notes = p.notes.map((n) => el('p', { textContent: n }));
    const findings = el('div', { className: 'findings' });
    findings.setAttribute('data-preview-findings', '');
    if (p.records) {
      const list = el('ul');
      for (const f of p.findings.slice(0, 30))
        list.append(
          el('li', {
            className: `sev-${f.severity}`,
            textContent: `${f.severity}: ${f.title} (${f.code}${isList(draft.kind) ? `, ${f.subject}` : ''})`,
          }),
        );
      findings.append(
        el('h3', { textContent: 'What the checks find' }),
        p.findings.length ? list : el('p', { textContent: 'No finding.' }),
        el('p', { className: 'hint', textContent: p.findingsNote }),
      );
    }
    preview.replaceChildren(
      el('h3', { textContent: 'Liaison now reads' }),
      el('p', { textContent: p.title }),
      dl,
      ...notes,
      findings,
    );
  }

  function whereCell(field: TeachField): HTMLElement {
    const words = describeLocator(draft, field.key, deps.url(), doc);
    const cell = el('td', { className: 'where' });
    const place = el('span', { textContent: words.text });
    if (words.selector) place.title = words.selector;
    cell.append(place);
    // An id from the address says its value already.
    if (words.text !== 'not mapped' && !(field.key === 'id' && draft.id?.from === 'url')) {
      const value = shown?.values[field.key];
      cell.append(
        value
          ? el('span', { className: 'value', textContent: ` → “${quoted(value)}”` })
          : el('span', { className: 'none', textContent: ' → reads nothing yet' }),
      );
    } else if (field.hint) cell.append(el('div', { className: 'hint', textContent: field.hint }));
    if (field.key === 'id' && !isList(draft.kind)) cell.append(addressPicker());
    return cell;
  }

  /** The id "from the address": the URL's parameters with their values, for pages that show the id nowhere else. */
  function addressPicker(): HTMLElement {
    const choices = addressChoices(deps.url());
    const label = TEACH_FIELDS[recordKind(draft.kind)][0]?.label ?? 'Id';
    if (!choices.length)
      return el('div', { className: 'hint', textContent: 'The address has no parameter that could be the id.' });
    const select = el('select') as HTMLSelectElement;
    select.setAttribute('aria-label', `${label} from the address`);
    select.append(el('option', { value: '', textContent: 'choose parameter = value' }));
    for (const c of choices)
      select.append(el('option', { value: c.param, textContent: `${c.param} = ${quoted(c.value, 40)}` }));
    const chosen = draft.id?.from === 'url' ? draft.id.param : '';
    select.value = choices.some((c) => c.param === chosen) ? chosen : '';
    on(select, 'change', () => {
      if (!select.value) return;
      commit(idFromAddress(draft, select.value));
      status.textContent = `${label} mapped: ${describeLocator(draft, 'id', deps.url(), doc).text}.`;
    });
    return el('div', { className: 'address' }, el('span', { textContent: 'or from the address: ' }), select);
  }

  function render() {
    kindSelect.value = draft.kind;
    shown = readNow();
    blocker = saveBlocker(draft, shown, deps.url());
    const rows: HTMLElement[] = [];
    let group = '';
    for (const field of TEACH_FIELDS[recordKind(draft.kind)]) {
      if (field.group !== group) {
        group = field.group;
        rows.push(el('tr', {}, el('th', { className: 'group', colSpan: 3, scope: 'colgroup', textContent: group })));
      }
      const pressed = picking?.key === field.key;
      const pick = button(pressed ? 'Picking…' : 'Pick');
      pick.setAttribute('aria-label', `Pick ${field.label}`);
      pick.setAttribute('aria-pressed', String(pressed));
      on(pick, 'click', () => pickField(field));
      const row = el('tr', {}, el('td', { textContent: field.label }), el('td', {}, pick), whereCell(field));
      row.setAttribute('data-field', field.key);
      rows.push(row);
    }
    // Re-rendering replaces the buttons: keep the keyboard user's place on the Pick button they used.
    const focused = (root.activeElement as HTMLElement | null)?.getAttribute('aria-label');
    fieldsBody.replaceChildren(...rows);
    if (focused)
      Array.from(fieldsBody.querySelectorAll<HTMLElement>('button, select'))
        .find((b) => b.getAttribute('aria-label') === focused)
        ?.focus();
    undoButton.disabled = undo.length === 0;
    saveButton.setAttribute('aria-disabled', String(!!blocker));
    why.textContent = blocker ?? '';
    renderPreview(shown);
  }

  on(undoButton, 'click', () => {
    const prev = undo.pop();
    if (!prev) return;
    draft = prev;
    status.textContent = 'Last change undone.';
    render();
  });
  let saving = false;
  on(saveButton, 'click', async () => {
    if (saving) return;
    if (blocker) {
      status.textContent = `Not saved. ${blocker}`;
      return;
    }
    saving = true;
    saveButton.setAttribute('aria-disabled', 'true');
    const profile = buildProfile(draft, deps.url(), existing);
    const reply = await deps.save(profile).catch(() => ({ ok: false, error: 'Liaison could not be reached' }));
    saving = false;
    if (reply.ok) {
      existing = profile; // a page taught next in this session is added to what was just saved
      status.textContent = `Saved. Liaison reads pages like this one with it from now on (${shown?.title ?? ''}).`;
    } else status.textContent = `Not saved: ${reply.error ?? 'unknown error'}.`;
    render();
  });
  const toolbar: Toolbar = {
    host,
    root,
    close() {
      picker.stop();
      host.remove();
      onClose();
    },
  };
  on(closeButton, 'click', () => toolbar.close());

  root.append(
    el('style', { textContent: STYLE }),
    outline,
    el(
      'div',
      { className: 'wrap' },
      el('header', {}, el('h2', { textContent: 'Teach Liaison this page' }), closeButton),
      el(
        'p',
        {},
        'This page shows a ',
        kindSelect,
        '. Pick the element that shows each field (in a list, a cell of its column): click it, or press Pick then the arrow keys and Enter. Only the id is required.',
      ),
      el('table', {}, fieldsBody),
      preview,
      el('div', { className: 'actions' }, undoButton, saveButton),
      why,
      status,
    ),
  );
  render();
  doc.documentElement.append(host);
  return toolbar;
}

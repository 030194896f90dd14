import type { SiteProfile, SiteProfileInput } from '../../lib/adapters/profile';
import type { PageRead } from '../../lib/adapters/types';
import { buildProfile, canSave, isList, listField, mapPick, recordKind, TEACH_FIELDS, type TeachDraft, type TeachKey, type TeachKind } from '../../lib/teach/draft';
import { previewOf } from '../../lib/teach/preview';
import { createPicker } from './picker';

/**
 * Teach mode's floating toolbar: the fields to map, a Pick button for each, undo, a live preview of what
 * Liaison reads with the mapping, and Save. Plain DOM in an open shadow root; page text only ever goes in
 * as textContent.
 */
export const TEACH_ATTR = 'data-liaison-teach';

export interface ToolbarDeps {
  doc: Document;
  url: () => URL;
  /** Reads the live page with a candidate profile (readWithProfile). */
  read: (profile: SiteProfileInput) => PageRead;
  save: (profile: SiteProfileInput) => Promise<{ ok: boolean; error?: string }>;
  /** The site's taught profile, if any: a new page is added to it. */
  existing: SiteProfile | null;
  /** Marks the host as Liaison's own UI (the page controller ignores its mutations). */
  uiAttr: string;
}

const STYLE = `
:host { all: initial; position: fixed; z-index: 2147483647; right: 12px; top: 12px; width: 340px;
  max-height: calc(100vh - 24px); overflow: auto; font: 12px/1.4 system-ui, sans-serif; color: #1b1b1b;
  background: #fff; border: 1px solid #888; border-radius: 8px; box-shadow: 0 6px 24px rgba(0,0,0,.25); }
.wrap { padding: 8px 10px; }
header { display: flex; justify-content: space-between; align-items: center; }
h2 { font-size: 13px; margin: 0; } h3 { font-size: 12px; margin: 8px 0 4px; }
button { font: inherit; padding: 1px 8px; border: 1px solid #1f5fa8; border-radius: 4px; background: #fff; color: #1f5fa8; cursor: pointer; }
button:disabled { opacity: .5; cursor: default; }
button[aria-pressed="true"] { background: #1f5fa8; color: #fff; }
button.primary { background: #1f5fa8; color: #fff; }
button:focus-visible { outline: 2px solid #000; outline-offset: 1px; }
table { border-collapse: collapse; width: 100%; } td { padding: 2px 4px; vertical-align: top; }
td.where { color: #555; font-size: 11px; word-break: break-word; }
.preview { background: #f4f7fb; border-radius: 4px; padding: 4px 6px; }
.preview dl { margin: 0; display: grid; grid-template-columns: auto 1fr; gap: 0 8px; } .preview dt { color: #555; }
.preview dd { margin: 0; word-break: break-word; }
.actions { display: flex; gap: 6px; margin-top: 8px; }
[role=status] { min-height: 1.4em; margin: 6px 0 0; }
`;

const OUTLINE = 'position: fixed; z-index: 2147483646; pointer-events: none; border: 2px solid #1f5fa8; background: rgba(31,95,168,.12); border-radius: 2px;';

function describe(draft: TeachDraft, key: TeachKey): string {
  if (isList(draft.kind)) {
    const header = draft.list?.columns[listField(draft.kind, key)];
    return header ? `column “${header}”` : 'not mapped';
  }
  const loc = key === 'id' ? draft.id : draft.fields[key];
  if (!loc) return 'not mapped';
  if ('label' in loc && loc.label) return `label “${Array.isArray(loc.label) ? loc.label[0] : loc.label}”`;
  if ('from' in loc && loc.from === 'url') return `URL parameter ${loc.param}`;
  return 'selector' in loc ? `element ${loc.selector}` : 'mapped';
}

export interface Toolbar {
  host: HTMLElement;
  close(): void;
}

export function openToolbar(deps: ToolbarDeps, onClose: () => void): Toolbar {
  const { doc } = deps;
  const el = (tag: string, props: Record<string, unknown> = {}, ...kids: (Node | string)[]): HTMLElement => {
    const node = Object.assign(doc.createElement(tag), props);
    node.append(...kids);
    return node;
  };
  const button = (text: string, props: Record<string, unknown> = {}) => el('button', { type: 'button', textContent: text, ...props }) as HTMLButtonElement;
  const host = el('div');
  host.setAttribute(TEACH_ATTR, '');
  host.setAttribute(deps.uiAttr, '');
  host.setAttribute('role', 'dialog');
  host.setAttribute('aria-label', 'Teach Liaison this page');
  const root = host.attachShadow({ mode: 'open' });
  const outline = el('div');
  outline.setAttribute('style', OUTLINE);
  outline.hidden = true;
  const picker = createPicker(doc, host, outline);

  let draft: TeachDraft = { kind: 'student', fields: {} };
  const undo: TeachDraft[] = [];
  let picking: TeachKey | null = null;

  const status = el('p');
  status.setAttribute('role', 'status');
  const kindSelect = el('select', { title: 'Page type' }) as HTMLSelectElement;
  kindSelect.append(
    el('option', { value: 'student', textContent: 'Student page' }),
    el('option', { value: 'staff', textContent: 'Staff page' }),
    el('option', { value: 'student-list', textContent: 'Student list' }),
    el('option', { value: 'staff-list', textContent: 'Staff list' }),
  );
  kindSelect.addEventListener('change', () => commit({ kind: kindSelect.value as TeachKind, fields: {} }));
  const fieldsBody = el('tbody');
  const preview = el('div', { className: 'preview' });
  preview.setAttribute('aria-live', 'polite');
  preview.setAttribute('data-preview', '');
  const undoButton = button('Undo', { disabled: true });
  const saveButton = button('Save profile', { className: 'primary' });
  const closeButton = button('×');
  closeButton.setAttribute('aria-label', 'Close teach mode');

  function commit(next: TeachDraft) {
    undo.push(draft);
    draft = next;
    render();
  }

  function pickField(key: TeachKey, label: string) {
    if (picking === key) {
      picker.stop();
      picking = null;
      status.textContent = '';
      return render();
    }
    picking = key;
    status.textContent = `Click the element that shows ${label}. Escape cancels.`;
    picker.start(
      (target) => {
        picking = null;
        commit(mapPick(draft, key, target, deps.url()));
        status.textContent = `${label} mapped.`;
      },
      () => {
        picking = null;
        status.textContent = 'Picking cancelled.';
        render();
      },
    );
    render();
  }

  function renderPreview() {
    let shown;
    try {
      shown = previewOf(deps.read(buildProfile(draft, deps.url(), deps.existing)), draft.kind);
    } catch {
      shown = { title: 'This mapping cannot be read yet.', rows: [], notes: [] };
    }
    const dl = el('dl');
    for (const [k, v] of shown.rows) dl.append(el('dt', { textContent: k }), el('dd', { textContent: v }));
    const notes = shown.notes.map((n) => el('p', { textContent: n }));
    preview.replaceChildren(el('h3', { textContent: 'Liaison now reads' }), el('p', { textContent: shown.title }), dl, ...notes);
  }

  function render() {
    kindSelect.value = draft.kind;
    fieldsBody.replaceChildren(
      ...TEACH_FIELDS[recordKind(draft.kind)].map(({ key, label }) => {
        const pick = button(picking === key ? 'Picking…' : 'Pick');
        pick.setAttribute('aria-label', `Pick ${label}`);
        pick.setAttribute('aria-pressed', String(picking === key));
        pick.addEventListener('click', () => pickField(key, label));
        const row = el('tr', {}, el('td', { textContent: label }), el('td', {}, pick), el('td', { className: 'where', textContent: describe(draft, key) }));
        row.setAttribute('data-field', key);
        return row;
      }),
    );
    undoButton.disabled = undo.length === 0;
    saveButton.disabled = !canSave(draft);
    renderPreview();
  }

  undoButton.addEventListener('click', () => {
    const prev = undo.pop();
    if (!prev) return;
    draft = prev;
    status.textContent = 'Last change undone.';
    render();
  });
  saveButton.addEventListener('click', async () => {
    saveButton.disabled = true;
    const reply = await deps.save(buildProfile(draft, deps.url(), deps.existing)).catch(() => ({ ok: false, error: 'Liaison could not be reached' }));
    status.textContent = reply.ok ? 'Saved. Liaison reads pages like this one with it from now on.' : `Not saved: ${reply.error ?? 'unknown error'}.`;
    saveButton.disabled = !canSave(draft);
  });
  const toolbar: Toolbar = {
    host,
    close() {
      picker.stop();
      host.remove();
      onClose();
    },
  };
  closeButton.addEventListener('click', () => toolbar.close());

  root.append(
    el('style', { textContent: STYLE }),
    outline,
    el(
      'div',
      { className: 'wrap' },
      el('header', {}, el('h2', { textContent: 'Teach Liaison this page' }), closeButton),
      el('p', {}, 'This page shows a ', kindSelect, '. Pick the element that shows each field (in a list, a cell of its column); the id is required.'),
      el('table', {}, fieldsBody),
      preview,
      el('div', { className: 'actions' }, undoButton, saveButton),
      status,
    ),
  );
  render();
  doc.documentElement.append(host);
  return toolbar;
}

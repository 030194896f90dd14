import type { Finding as FullFinding, SubjectKind } from '../lib/domain';

/** What a marker shows of a finding: all a page's answer carries (lib/messaging/protocol `BadgeFinding`). */
type Finding = Pick<FullFinding, 'code' | 'severity' | 'title' | 'detail' | 'fix'>;
import { isOnlyNotChecked } from '../lib/domain/not-checked';
import { worstSeverity } from '../lib/domain/severity';
import { SHADOW_MODE, TEST_BUILD, userEvent } from '../lib/build';

/**
 * The inline marker (DESIGN.md contract): a light-DOM element carrying data-liaison-* attributes, with its
 * visible badge and popover in a shadow root so the SIS's styles cannot break it and ours cannot leak out.
 * Built with plain DOM calls to keep the content script small; every page-derived text goes in as textContent.
 */
export const MARKER_ATTR = 'data-liaison-marker';

/**
 * What a marker shows the page (DESIGN.md "Inline markers", issue 12). `full` (the test build) writes
 * `data-liaison-findings` and a severity over every finding; otherwise the host carries only the id and a severity
 * over the checks' findings (note follow-ups are note-derived state: they colour the badge inside the closed root,
 * not the light-DOM attribute). `trusted` decides which events Liaison's buttons act on.
 */
export interface MarkerContract {
  shadow: ShadowRootMode;
  full: boolean;
  trusted: (e: Event) => boolean;
}
/**
 * The test build also acts on scripted clicks: the hostile corpus opens every popover from the page world to prove
 * they render page text as text (test/e2e/hostile.spec `openBadges`). The store build acts on the user's alone.
 */
export const TEST_CONTRACT: MarkerContract = { shadow: 'open', full: true, trusted: () => true };
export const STORE_CONTRACT: MarkerContract = { shadow: 'closed', full: false, trusted: userEvent };
let contract: MarkerContract = TEST_BUILD && SHADOW_MODE === 'open' ? TEST_CONTRACT : STORE_CONTRACT;

/** Sets the contract of markers created from now on; returns the one before (tests). */
export function setMarkerContract(next: MarkerContract): MarkerContract {
  const before = contract;
  contract = next;
  return before;
}

/** Each marker's shadow root (closed ones too) and the contract it was made with. */
const markers = new WeakMap<HTMLElement, { root: ShadowRoot; contract: MarkerContract }>();

/** A marker's shadow root, open or closed (for Liaison's own code and unit tests; a page script has no way here). */
export function markerRoot(host: HTMLElement): ShadowRoot | null {
  return markers.get(host)?.root ?? null;
}

/** Findings that come from the user's notes, not from the checks. */
const noteDerived = (f: { code: string }) => f.code.startsWith('NOTE_');

const COLORS = {
  error: ['#b3261e', '#fff'],
  warning: ['#8a5a00', '#fff'],
  info: ['#1f5fa8', '#fff'],
  none: ['#2e7d32', '#fff'],
} as const;

const LABEL = { error: 'Error', warning: 'Warning', info: 'Info', none: 'OK' } as const;

/**
 * "Not checked" (RULES.md check 8): neutral, not a warning colour and not OK's green, and dashed so it does not
 * read as the grey "checking" badge either. Its light-DOM severity stays the findings' worst (info).
 */
const NOT_CHECKED = { bg: '#eceff1', fg: '#1b1b1b', label: 'Not checked' } as const;

const STYLE = `
:host { all: initial; display: inline-block; position: relative; margin-inline-start: 6px; vertical-align: middle;
  font: 12px/1.3 system-ui, sans-serif; }
button.badge { border: 0; border-radius: 10px; padding: 1px 8px; cursor: pointer; font: inherit; font-weight: 600; }
button.badge.not-checked { border: 1px dashed #455a64; padding: 0 7px; }
button.badge:focus-visible { outline: 2px solid #000; outline-offset: 2px; }
.pop { position: absolute; z-index: 2147483647; top: calc(100% + 4px); left: 0; width: 360px; max-height: 320px;
  overflow: auto; background: #fff; color: #1b1b1b; border: 1px solid #888; border-radius: 6px; padding: 8px 10px;
  box-shadow: 0 4px 16px rgba(0,0,0,.2); text-align: left; white-space: normal; }
.pop[hidden] { display: none; }
.pop h2 { font-size: 12px; margin: 0 0 6px; }
.pop .lead { margin: 0 0 6px; }
.pop ul { margin: 0; padding: 0; list-style: none; }
.pop li { margin: 0 0 8px; }
.sev { font-weight: 700; text-transform: uppercase; font-size: 10px; margin-inline-end: 4px; }
.sev.error { color: #b3261e; } .sev.warning { color: #8a5a00; } .sev.info { color: #1f5fa8; }
.code { color: #555; font-family: ui-monospace, monospace; font-size: 10px; }
.detail, .fix { margin: 2px 0 0; }
.fix { color: #2e5e2e; }
.actions { border-top: 1px solid #ddd; padding-top: 6px; margin-top: 4px; }
.actions button { font: inherit; padding: 2px 10px; border: 1px solid #1f5fa8; border-radius: 4px; background: #fff;
  color: #1f5fa8; cursor: pointer; }
.actions button:focus-visible { outline: 2px solid #000; outline-offset: 2px; }
.actions p { margin: 4px 0 0; }
.due { margin-inline-start: 4px; color: #444; font-size: 11px; white-space: nowrap; }
.due[hidden] { display: none; }
h2 .due { margin: 0; font-size: 12px; color: inherit; }
`;

/**
 * `onCompose` adds an "Add note" button (students only); the caller sends the message, so this module stays
 * free of browser APIs.
 */
export function createMarker(
  doc: Document,
  kind: SubjectKind,
  id: string,
  onCompose?: (studentId: string) => void,
): HTMLElement {
  const host = doc.createElement('span');
  host.setAttribute(MARKER_ATTR, '');
  host.setAttribute(`data-liaison-${kind}`, id);
  const made = contract;
  const root = host.attachShadow({ mode: made.shadow });
  markers.set(host, { root, contract: made });
  const button = doc.createElement('button');
  button.className = 'badge';
  button.type = 'button';
  button.setAttribute('aria-expanded', 'false');
  const pop = doc.createElement('div');
  pop.className = 'pop';
  pop.hidden = true;
  pop.setAttribute('role', 'region');
  pop.id = 'pop';
  button.setAttribute('aria-controls', 'pop');
  // "Add note" exists only while the popover is open, so the badge stays the marker's one button when closed
  // (tests and user tools address the marker's `button`).
  const actions = onCompose && kind === 'student' ? composeActions(doc, () => onCompose(id), made.trusted) : null;
  const toggle = (open: boolean) => {
    if (open) renderBody(host);
    pop.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (actions && open) pop.append(actions);
    else actions?.remove();
  };
  button.addEventListener('click', (e) => {
    // The badge often sits inside a link or a clickable row: its click must not navigate the SIS.
    e.preventDefault();
    e.stopPropagation();
    if (made.trusted(e)) toggle(pop.hidden);
  });
  root.addEventListener('keydown', (e) => {
    if ((e as KeyboardEvent).key === 'Escape' && !pop.hidden && made.trusted(e)) {
      toggle(false);
      button.focus();
    }
  });
  const body = doc.createElement('div');
  body.className = 'body';
  pop.append(body);
  // The soonest compliance date sits beside the badge, not in it, so the badge's own label stays the severity.
  const due = doc.createElement('span');
  due.className = 'due';
  due.hidden = true;
  adoptStyle(doc, root);
  root.append(button, due, pop);
  updateMarker(host, null);
  return host;
}

const sheets = new WeakMap<Document, CSSStyleSheet | null>();

/**
 * One constructed stylesheet shared by every marker of the page: a 2,000-row list then has one sheet to parse
 * and match, not 2,000. Where constructed sheets are missing, each marker gets its own <style>.
 */
function adoptStyle(doc: Document, root: ShadowRoot) {
  let sheet = sheets.get(doc);
  if (sheet === undefined) {
    try {
      const Sheet = (doc.defaultView as (Window & typeof globalThis) | null)?.CSSStyleSheet;
      sheet = Sheet ? new Sheet() : null;
      sheet?.replaceSync(STYLE);
    } catch {
      sheet = null;
    }
    sheets.set(doc, sheet);
  }
  try {
    if (sheet) {
      root.adoptedStyleSheets = [sheet];
      return;
    }
  } catch {
    // Falls through to an inline style.
  }
  const style = doc.createElement('style');
  style.textContent = STYLE;
  root.prepend(style);
}

/** What the popover shows, kept until it is opened: building 2,000 popovers nobody opens costs the page. */
const shown = new WeakMap<HTMLElement, { findings: Finding[]; due?: MarkerDue; notChecked: boolean; fresh: boolean }>();

function composeActions(doc: Document, compose: () => void, trusted: (e: Event) => boolean): HTMLElement {
  const actions = doc.createElement('div');
  actions.className = 'actions';
  const add = doc.createElement('button');
  add.type = 'button';
  add.textContent = 'Add note';
  const status = doc.createElement('p');
  status.setAttribute('role', 'status');
  add.addEventListener('click', (e) => {
    e.preventDefault();
    e.stopPropagation();
    if (!trusted(e)) return;
    compose();
    status.textContent = 'The note form is open in the Liaison side panel (or click the Liaison toolbar button).';
  });
  actions.append(add, status);
  return actions;
}

/** A student's soonest compliance date, as the worker computes it ("Annual due in 12 days"). */
export interface MarkerDue {
  /** Not shown, and not sent to pages (lib/messaging/protocol `PageFindingsReply`). */
  code?: string;
  due: string;
  label: string;
}

/** Shows findings on a marker; null means the worker has not answered yet ("Liaison…", not "Not checked"). */
export function updateMarker(host: HTMLElement, findings: Finding[] | null, due?: MarkerDue): void {
  const made = markers.get(host);
  if (!made) return;
  const { root } = made;
  const button = root.querySelector('button')!;
  const list = findings ?? [];
  const severity = worstSeverity(list);
  const notChecked = !!findings && isOnlyNotChecked(list);
  if (made.contract.full) {
    host.setAttribute('data-liaison-findings', list.map((f) => f.code).join(' '));
    host.setAttribute('data-liaison-severity', severity);
  } else host.setAttribute('data-liaison-severity', worstSeverity(list.filter((f) => !noteDerived(f))));
  const [bg, fg] = notChecked ? [NOT_CHECKED.bg, NOT_CHECKED.fg] : COLORS[severity];
  button.style.background = findings ? bg : '#666';
  button.style.color = findings ? fg : '#fff';
  button.classList.toggle('not-checked', notChecked);
  button.textContent = badgeLabel(findings);
  button.setAttribute('aria-label', badgeAriaLabel(findings));

  const side = root.querySelector('span.due') as HTMLElement | null;
  if (side) {
    side.textContent = due ? compactDue(due.label) : '';
    side.title = due?.label ?? '';
    side.hidden = !due;
  }
  shown.set(host, { findings: list, due, notChecked, fresh: false });
  if (!(root.querySelector('.pop') as HTMLElement).hidden) renderBody(host);
}

/** Fills the popover with the findings last shown on the marker (on opening, or while it is open). */
function renderBody(host: HTMLElement): void {
  const state = shown.get(host);
  if (!state || state.fresh) return;
  state.fresh = true;
  const { findings: list, due, notChecked } = state;
  const doc = host.ownerDocument;
  const body = markers.get(host)!.root.querySelector('.pop > .body') as HTMLElement;
  const heading = doc.createElement('h2');
  heading.textContent = notChecked
    ? 'Liaison: not checked yet'
    : list.length
      ? `Liaison found ${list.length}`
      : 'Liaison: no findings';
  // The findings' own detail and fix say whom Liaison has not seen and how to let it see them.
  const lead = notChecked ? doc.createElement('p') : null;
  if (lead) {
    lead.className = 'lead';
    lead.textContent = 'Liaison has not seen everything it needs to check this assignment. Nothing wrong was found in what it has seen.';
  }
  const ul = doc.createElement('ul');
  for (const f of list) {
    const li = doc.createElement('li');
    const sev = doc.createElement('span');
    sev.className = `sev ${f.severity}`;
    sev.textContent = f.severity;
    const title = doc.createElement('strong');
    title.textContent = f.title;
    const code = doc.createElement('span');
    code.className = 'code';
    code.textContent = ` ${f.code}`;
    const detail = doc.createElement('p');
    detail.className = 'detail';
    detail.textContent = f.detail;
    li.append(sev, title, code, detail);
    if (f.fix) {
      const fix = doc.createElement('p');
      fix.className = 'fix';
      fix.textContent = f.fix;
      li.append(fix);
    }
    ul.append(li);
  }
  // The due date joins the heading rather than adding a line: a taller popover would cover more of the SIS.
  if (due) {
    const when = doc.createElement('span');
    when.className = 'due';
    when.textContent = ` · ${due.label}`;
    when.title = due.due;
    heading.append(when);
  }
  body.replaceChildren(...(lead ? [heading, lead, ul] : [heading, ul]));
}

/** The badge's visible text: the worst severity and how many, "OK", or "Not checked" (RULES.md check 8). */
export function badgeLabel(findings: readonly Finding[] | null): string {
  if (!findings) return 'Liaison…';
  if (isOnlyNotChecked(findings)) return NOT_CHECKED.label;
  const severity = worstSeverity(findings);
  if (severity === 'none') return LABEL.none;
  return `${LABEL[severity]} ${findings.filter((f) => f.severity === severity).length}`;
}

/** What a screen reader hears for the badge (the visible label alone would not say it opens details). */
export function badgeAriaLabel(findings: readonly Finding[] | null): string {
  if (!findings) return 'Liaison: checking';
  const n = `${findings.length} finding${findings.length === 1 ? '' : 's'}`;
  if (isOnlyNotChecked(findings)) return `Liaison: not checked yet, Liaison has not seen what it needs (${n}). Show details`;
  const severity = worstSeverity(findings);
  return `Liaison: ${n}${severity === 'none' ? '' : `, worst ${LABEL[severity].toLowerCase()}`}. Show details`;
}

/**
 * "Annual 12d", "Annual 3d late" from "Annual due in 12 days", "Annual overdue by 3 days" (and "sched 5d" from
 * "schedule within 5 days"): beside the badge
 * the full label would push the badge onto its own line in narrow SIS columns, and the popover over the rows
 * below. The full label is the text's tooltip and heads the popover.
 */
export function compactDue(label: string): string {
  // "… · schedule within 10 days" (IEP_SCHEDULE_BY) follows the date: "Annual 40d · sched 10d".
  const [date, schedule] = label.split(' · ');
  const short = date
    .replace(/ due in (\d+) days?$/, ' $1d')
    .replace(/ overdue by (\d+) days?$/, ' $1d late')
    .replace(/ in (\d+) days?$/, ' $1d');
  if (!schedule) return short;
  const sched = schedule
    .replace(/^schedule within (\d+) days?$/, 'sched $1d')
    .replace(/^schedule today$/, 'sched today')
    .replace(/^schedule now, (\d+) days? late$/, 'sched $1d late');
  return `${short} · ${sched}`;
}

export function isMarker(node: Node): boolean {
  return node.nodeType === 1 && (node as Element).hasAttribute(MARKER_ATTR);
}

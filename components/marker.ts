import type { Finding as FullFinding, SubjectKind } from '../lib/domain';

/** What a marker shows of a finding: all a page's answer carries (lib/messaging/protocol `BadgeFinding`). */
type Finding = Pick<FullFinding, 'code' | 'severity' | 'title' | 'detail' | 'fix'>;
import { isOnlyNotChecked } from '../lib/domain/not-checked';
import { splitFirstSentence } from '../lib/domain/sentences';
import { worstSeverity } from '../lib/domain/severity';
import { SHADOW_MODE, TEST_BUILD, userEvent } from '../lib/build';
import { isOwn, markOwn } from '../lib/page/own';

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

const LABEL = { error: 'Error', warning: 'Warning', info: 'Info', none: 'OK' } as const;

/** The face's icon per state (drawn by the stylesheet, so it is not part of the badge's text). */
type Face = keyof typeof LABEL | 'not-checked' | 'checking';

/** "Not checked" (RULES.md check 8): its light-DOM severity stays the findings' worst (info). */
const NOT_CHECKED = { label: 'Not checked' } as const;

/*
 * Colours come from the face, in the one shared sheet, not from inline styles: 2,000 badges then share their
 * computed styles. "Not checked" is neutral, not a warning colour and not OK's green, and dashed so it does not read
 * as the grey "checking" badge either.
 * The face is compact and of one size whatever it says (checking, OK, a count, a follow-up mark): the SIS table
 * is laid out once, and answers arriving do not make it reflow. Its height stays within a line of SIS text, and
 * nothing inside the marker wraps. The host has the face's size and contains its own size: an answer arriving does
 * not make the browser measure the marker's content again (issue 13: style and layout added to a 2,000-row list
 * fell from about 930 ms to 250-480 ms, with markers placed in few batches). No layout or paint containment: either
 * would trap the popover under the next rows (a stacking context) or clip it.
 */
const STYLE = `
:host { all: initial; display: inline-block; position: relative; margin-inline-start: 4px; vertical-align: middle;
  font: 11px/1 system-ui, sans-serif; white-space: nowrap; width: 3.6em; height: 1.45em; contain: size style; }
button.badge { box-sizing: border-box; display: inline-flex; align-items: center; justify-content: center; gap: 2px;
  width: 3.6em; height: 1.45em; margin: 0; border: 0; border-radius: 0.75em; padding: 0 3px; cursor: pointer;
  font: inherit; font-weight: 700; line-height: 1; vertical-align: middle; overflow: hidden; }
button.badge::before { font-weight: 700; }
button.badge[data-face="error"] { background: #b3261e; color: #fff; }
button.badge[data-face="warning"] { background: #8a5a00; color: #fff; }
button.badge[data-face="info"] { background: #1f5fa8; color: #fff; }
button.badge[data-face="none"] { background: #2e7d32; color: #fff; }
button.badge[data-face="checking"] { background: #666; color: #fff; }
button.badge[data-face="not-checked"] { background: #eceff1; color: #1b1b1b; }
button.badge[data-face="error"]::before { content: "!"; }
button.badge[data-face="warning"]::before { content: "\\25B2"; font-size: 0.85em; }
button.badge[data-face="info"]::before { content: "i"; font-style: italic; font-family: Georgia, serif; }
button.badge[data-face="none"]::before { content: "\\2713"; }
button.badge[data-face="not-checked"]::before { content: "?"; }
button.badge[data-face="checking"]::before { content: "\\2026"; }
button.badge.follow-up::after { content: "\\2691"; font-size: 0.9em; }
button.badge .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
button.badge.not-checked { border: 1px dashed #455a64; }
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
.line { margin: 0; }
.detail, details .fix, .source { margin: 2px 0 0; }
.fix { color: #2e5e2e; }
details summary { cursor: pointer; color: #1f5fa8; font-size: 11px; margin-top: 2px; }
details summary:focus-visible { outline: 2px solid #000; outline-offset: 1px; }
.actions { border-top: 1px solid #ddd; padding-top: 6px; margin-top: 4px; position: sticky; bottom: -8px; background: #fff;
  padding-bottom: 2px; }
.actions button { font: inherit; padding: 2px 10px; border: 1px solid #1f5fa8; border-radius: 4px; background: #fff;
  color: #1f5fa8; cursor: pointer; }
.actions button:focus-visible { outline: 2px solid #000; outline-offset: 2px; }
.actions p { margin: 4px 0 0; }
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
  const host = markOwn(doc.createElement('span'));
  host.setAttribute(MARKER_ATTR, '');
  host.setAttribute(`data-liaison-${kind}`, id);
  const made = contract;
  const root = host.attachShadow({ mode: made.shadow });
  markers.set(host, { root, contract: made });
  const button = doc.createElement('button');
  button.className = 'badge';
  button.type = 'button';
  // The severity in words (for screen readers and the badge's text) and the count; the icon and the follow-up
  // mark are the stylesheet's.
  const word = doc.createElement('span');
  word.className = 'sr';
  const count = doc.createElement('span');
  count.className = 'n';
  button.append(word, count);
  button.setAttribute('aria-expanded', 'false');
  // The popover is made when first opened: 2,000 markers nobody opens then cost the page three elements each, not
  // five, to create, style and remove.
  let pop: HTMLElement | null = null;
  const popover = (): HTMLElement => {
    if (pop) return pop;
    pop = doc.createElement('div');
    pop.className = 'pop';
    pop.setAttribute('role', 'region');
    pop.id = 'pop';
    const body = doc.createElement('div');
    body.className = 'body';
    pop.append(body);
    root.append(pop);
    button.setAttribute('aria-controls', 'pop');
    return pop;
  };
  // "Add note" exists only while the popover is open, so the badge stays the marker's one button when closed
  // (tests and user tools address the marker's `button`).
  const actions = onCompose && kind === 'student' ? composeActions(doc, () => onCompose(id), made.trusted) : null;
  const isOpen = () => !!pop && !pop.hidden;
  const toggle = (open: boolean) => {
    if (!open && !pop) return;
    const shown = popover();
    shown.hidden = !open;
    if (open) renderBody(host);
    button.setAttribute('aria-expanded', String(open));
    if (actions && open) shown.append(actions);
    else actions?.remove();
  };
  button.addEventListener('click', (e) => {
    // The badge often sits inside a link or a clickable row: its click must not navigate the SIS.
    e.preventDefault();
    e.stopPropagation();
    if (made.trusted(e)) toggle(!isOpen());
  });
  root.addEventListener('keydown', (e) => {
    if ((e as KeyboardEvent).key === 'Escape' && isOpen() && made.trusted(e)) {
      toggle(false);
      button.focus();
    }
  });
  // The soonest compliance date is in the badge's name and tooltip and heads the popover; beside the badge it
  // widened the SIS's name column until other columns wrapped (issue 17: a 40-row list grew by a third).
  adoptStyle(doc, root);
  root.append(button);
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
  const face: Face = !findings ? 'checking' : notChecked ? 'not-checked' : severity;
  if (made.contract.full) {
    host.setAttribute('data-liaison-findings', list.map((f) => f.code).join(' '));
    host.setAttribute('data-liaison-severity', severity);
  } else host.setAttribute('data-liaison-severity', worstSeverity(list.filter((f) => !noteDerived(f))));
  button.classList.toggle('not-checked', notChecked);
  button.classList.toggle('follow-up', list.some(noteDerived));
  button.dataset.face = face;
  const label = badgeLabel(findings);
  const n = badgeCount(findings);
  (button.querySelector('.sr') as HTMLElement).textContent = n ? `${label.slice(0, -n.length - 1)} ` : label;
  (button.querySelector('.n') as HTMLElement).textContent = n;
  button.title = due ? `${label} · ${due.label}` : label;
  button.setAttribute('aria-label', badgeAriaLabel(findings, due));
  shown.set(host, { findings: list, due, notChecked, fresh: false });
  if (root.querySelector('.pop:not([hidden])')) renderBody(host);
}

/** Fills the popover with the findings last shown on the marker (on opening, or while it is open). */
function renderBody(host: HTMLElement): void {
  const state = shown.get(host);
  const body = markers.get(host)?.root.querySelector<HTMLElement>('.pop > .body');
  if (!state || state.fresh || !body) return;
  state.fresh = true;
  const { findings: list, due, notChecked } = state;
  const doc = host.ownerDocument;
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
    lead.textContent =
      'Liaison has not seen everything it needs to check this assignment. Nothing wrong was found in what it has seen.';
  }
  const ul = doc.createElement('ul');
  for (const f of list) ul.append(findingItem(doc, f));
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

/**
 * One finding in the popover: first, in one line, what is wrong (the title) and what to do (the fix's first
 * sentence, or the detail's when there is no fix); the whole detail, the rest of the fix and the code on demand. The
 * citation is the side panel's (the page's answer does not carry it).
 */
function findingItem(doc: Document, f: Finding): HTMLElement {
  const li = doc.createElement('li');
  const sev = doc.createElement('span');
  sev.className = `sev ${f.severity}`;
  sev.textContent = f.severity;
  const title = doc.createElement('strong');
  title.textContent = f.title;
  const [todo, restOfFix] = f.fix ? splitFirstSentence(f.fix) : ['', ''];
  const [gist] = f.fix ? [''] : splitFirstSentence(f.detail);
  const line = doc.createElement('p');
  line.className = 'line';
  const what = doc.createElement('span');
  what.className = f.fix ? 'fix' : 'gist';
  what.textContent = ` ${f.fix ? todo : gist}`;
  line.append(sev, title, what);
  const more = doc.createElement('details');
  const summary = doc.createElement('summary');
  summary.textContent = 'Why, and more';
  const code = doc.createElement('span');
  code.className = 'code';
  code.textContent = f.code;
  more.append(summary);
  if (f.fix) {
    const detail = doc.createElement('p');
    detail.className = 'detail';
    detail.textContent = f.detail;
    more.append(detail);
    if (restOfFix) {
      const rest = doc.createElement('p');
      rest.className = 'fix';
      rest.textContent = restOfFix;
      more.append(rest);
    }
  } else {
    // The whole detail, its first sentence included: the line above is only its gist.
    const detail = doc.createElement('p');
    detail.className = 'detail';
    detail.textContent = f.detail;
    more.append(detail);
  }
  const source = doc.createElement('p');
  source.className = 'source';
  source.append('Code ', code, '; the rule and its source are in the Liaison side panel.');
  more.append(source);
  li.append(line, more);
  return li;
}

/**
 * The badge's text: the worst severity in words (read by screen readers, shown by the icon) and how many findings
 * there are, every one of them as the popover lists them ("Error 3"); "OK"; or "Not checked" (RULES.md check 8).
 */
export function badgeLabel(findings: readonly Finding[] | null): string {
  if (!findings) return 'Liaison…';
  if (isOnlyNotChecked(findings)) return NOT_CHECKED.label;
  const severity = worstSeverity(findings);
  if (severity === 'none') return LABEL.none;
  return `${LABEL[severity]} ${badgeCount(findings)}`;
}

/** The count on the face: every finding; "99+" past two digits, so the face keeps its size. */
function badgeCount(findings: readonly Finding[] | null): string {
  if (!findings || !findings.length || isOnlyNotChecked(findings)) return '';
  return findings.length > 99 ? '99+' : String(findings.length);
}

/** What a screen reader hears for the badge (the visible label alone would not say it opens details). */
export function badgeAriaLabel(findings: readonly Finding[] | null, due?: MarkerDue): string {
  if (!findings) return 'Liaison: checking';
  const n = `${findings.length} finding${findings.length === 1 ? '' : 's'}`;
  const followUp = findings.some(noteDerived) ? ', follow-up due' : '';
  const when = due ? ` ${due.label}.` : '';
  if (isOnlyNotChecked(findings))
    return `Liaison: not checked yet, Liaison has not seen what it needs (${n}).${when} Show details`;
  const severity = worstSeverity(findings);
  return `Liaison: ${n}${severity === 'none' ? '' : `, worst ${LABEL[severity].toLowerCase()}`}${followUp}.${when} Show details`;
}

/** A marker Liaison made in this frame; an element the page gave the same attributes is not (lib/page/own). */
export function isMarker(node: Node): node is HTMLElement {
  return isOwn(node) && markers.has(node as HTMLElement);
}

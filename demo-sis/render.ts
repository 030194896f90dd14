/**
 * Server-side rendering of the demo SIS. Pure: (district, path) → page, so the server, the fixture writer and
 * tests share one renderer. The markup imitates habits of real SIS pages (RosarioSIS): label/value blocks,
 * labels with a trailing colon or `&nbsp;`, empty fields as form controls, tables keyed by header text.
 */
import { DISTRICT, type DemoStaff, type DemoStudent, type District } from './district';
import { html, Markup, raw } from './html';
import { NAV_SCRIPT } from './nav-script';
import { DISABILITY_TEXT, disabilityText, PROGRAM_TEXT, ROLE_TEXT, serviceText, SUPPORT_TEXT } from './vocab';

export interface Page {
  status: number;
  title: string;
  body: Markup;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "April 16 2027", as RosarioSIS shows dates. */
function longDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  return `${MONTHS[Number(m) - 1]} ${Number(d)} ${y}`;
}

/** "06/30/2028", as credential records are usually keyed in. */
function usDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  return `${m}/${d}/${y}`;
}

const staffLink = (s: DemoStaff) => html`<a href="/staff/${encodeURIComponent(s.id)}" data-nav>${s.name}</a>`;

function staffById(district: District, id: string | null | undefined): DemoStaff | undefined {
  return id ? district.staff.find((s) => s.id === id) : undefined;
}

/** A person reference: linked to the staff page when the SIS knows the id, else the text that was typed. */
function personRef(district: District, staffId: string | null | undefined, name: string | null | undefined): Markup {
  const s = staffById(district, staffId);
  return s ? staffLink(s) : html`${name ?? ''}`;
}

function field(label: string | Markup, value: string | Markup): Markup {
  return html`<div class="field"><span class="label">${label}</span><span class="value">${value}</span></div>`;
}

/** An empty pull-down shows as its edit control, like RosarioSIS does for empty fields. */
function emptySelect(label: string, id: string, options: readonly string[]): Markup {
  return html`<div class="field"><label class="label" for="${id}">${label}</label><select id="${id}" name="${id}"><option value="" selected>N/A</option>${options.map(
    (o) => html`<option value="${o}">${o}</option>`,
  )}</select></div>`;
}

function table(headers: readonly string[], rows: readonly Markup[], cls: string, empty: string): Markup {
  const body = rows.length ? rows : [html`<tr><td colspan="${headers.length}" class="empty">${empty}</td></tr>`];
  return html`<table class="list ${cls}"><thead><tr>${headers.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead><tbody>${body}</tbody></table>`;
}

// ---- pages ----

function home(district: District): Page {
  return {
    status: 200,
    title: district.name,
    body: html`<h1>${district.name}</h1>
<p>Student Information System (demo). School year 2026-2027.</p>
<ul class="home-links"><li><a href="/students" data-nav>Students</a> (${district.students.length})</li>
<li><a href="/staff" data-nav>Staff</a> (${district.staff.length})</li></ul>`,
  };
}

const STUDENT_LIST_HEADERS = [
  'Student',
  'ID',
  'Grade',
  'Program',
  'Primary Disability',
  'Case Manager',
  'Next Annual IEP',
];

function studentList(district: District): Page {
  const rows = district.students.map(
    (s) =>
      html`<tr><td><a href="/students/${encodeURIComponent(s.id)}" data-nav>${s.name}</a></td><td>${s.id}</td><td>${s.grade}</td><td>${
        PROGRAM_TEXT[s.program ?? ''] ?? s.program
      }</td><td>${disabilityText(s.primaryDisability)}</td><td>${personRef(district, s.caseManager?.staffId, s.caseManager?.name)}</td><td>${longDate(
        s.iep?.nextAnnual,
      )}</td></tr>`,
  );
  return {
    status: 200,
    title: 'Students',
    body: html`<h1>Students</h1><p class="count">${district.students.length} students were found.</p>${table(STUDENT_LIST_HEADERS, rows, 'students', 'No students were found.')}`,
  };
}

function recordTitle(name: string, id: string): Markup {
  return html`<h1 class="record-title"><span class="record-name">${name}</span> <span class="record-id">- ${id}</span></h1>`;
}

function disabilityField(label: string, id: string, value: string | null | undefined): Markup {
  return value ? field(label, disabilityText(value)) : emptySelect(label, id, Object.values(DISABILITY_TEXT));
}

/** Severity only matters (and a real SIS only asks) when orthopedic impairment is one of the disabilities. */
function severityField(s: DemoStudent): Markup | null {
  if (s.primaryDisability !== '270' && s.secondaryDisability !== '270') return null;
  return field('Orthopedic Impairment Severity:', s.severe ? 'Severe' : 'Not severe');
}

function studentPage(district: District, s: DemoStudent): Page {
  const cm = s.caseManager;
  const services = s.services.map(
    (v) =>
      html`<tr><td>${serviceText(v.code, v.name)}</td><td>${personRef(district, v.providerStaffId, v.providerName)}</td><td>${v.frequency}</td></tr>`,
  );
  return {
    status: 200,
    title: `${s.name} - Student`,
    body: html`<nav class="breadcrumb"><a href="/students" data-nav>Students</a> &rsaquo; ${s.name}</nav>
${recordTitle(s.name, s.id)}
<section class="panel" id="general"><h2>General</h2><div class="fields">
${field('Student ID', s.id)}${field('Grade:', s.grade ?? '')}${field(raw('Birth&nbsp;Date'), usDate(s.birthDate))}${field('School', s.school ?? '')}
</div></section>
<section class="panel" id="special-education"><h2>Special&nbsp;Education</h2><div class="fields">
${disabilityField('Primary Disability', 'primary_disability', s.primaryDisability)}
${disabilityField('Secondary Disability', 'secondary_disability', s.secondaryDisability)}
${severityField(s)}
${s.supportLevel ? field('Degree of Support', SUPPORT_TEXT[s.supportLevel] ?? s.supportLevel) : emptySelect('Degree of Support', 'support_level', Object.values(SUPPORT_TEXT))}
${field('Program', PROGRAM_TEXT[s.program ?? ''] ?? s.program ?? '')}
${field('Alternate Placement', s.alternatePlacement ? 'Yes' : 'No')}
${field('Case Manager', cm ? personRef(district, cm.staffId, cm.name) : '')}
${cm?.role ? field('Case Manager Role', ROLE_TEXT[cm.role] ?? cm.role) : null}
</div>
<h3>Services</h3>${table(['Service', 'Provider', 'Frequency'], services, 'services', 'No services')}
<h3>IEP Dates</h3><div class="fields">
${field('Last IEP Meeting', longDate(s.iep?.lastMeeting))}${field('Next Annual IEP', longDate(s.iep?.nextAnnual))}${field('Next Triennial', longDate(s.iep?.nextTriennial))}${s.entryDate ? field('District Entry Date', longDate(s.entryDate)) : null}${s.transferredWithIep !== undefined && s.transferredWithIep !== null ? field('Transferred With IEP', s.transferredWithIep ? 'Yes' : 'No') : null}${s.plan504Review ? field('Next 504 Review', longDate(s.plan504Review)) : null}
</div>${teacherSection(s)}</section>`,
  };
}

/** What every teacher must know (34 CFR 300.323(d)), shown only for students whose record lists some. */
function teacherSection(s: District['students'][number]): Markup | null {
  const lists = [
    ['Accommodations', s.accommodations],
    ['Modifications', s.modifications],
    ['Supports', s.supports],
    ['Testing Accommodations', s.testingAccommodations],
  ] as const;
  const shown = lists.filter(([, items]) => items?.length);
  if (!shown.length) return null;
  return html`<h3>Accommodations and Supports</h3><div class="fields">${shown.map(([label, items]) => field(label, cellList(items ?? [])))}</div>`;
}

const STAFF_LIST_HEADERS = ['Name', 'Staff ID', 'Position'];

function cellList(items: readonly string[]): Markup {
  return html`<ul class="cell-list">${items.map((i) => html`<li>${i}</li>`)}</ul>`;
}

/** `expanded` adds the credential columns, like RosarioSIS's "Expanded View". */
function staffList(district: District, expanded: boolean): Page {
  const headers = expanded ? [...STAFF_LIST_HEADERS, 'Credentials', 'Expires'] : STAFF_LIST_HEADERS;
  const rows = district.staff.map((s) => {
    const creds = s.credentials ?? [];
    const credCells = !expanded
      ? null
      : creds.length
        ? html`<td>${cellList(creds.map((c) => c.title ?? ''))}</td><td>${cellList(creds.map((c) => usDate(c.expires)))}</td>`
        : html`<td><span class="empty-state">No credentials on file</span></td><td></td>`;
    return html`<tr><td><a href="/staff/${encodeURIComponent(s.id)}" data-nav>${s.name}</a></td><td>${s.id}</td><td>${s.position}</td>${credCells}</tr>`;
  });
  const toggle = expanded
    ? html`<a href="/staff?view=basic" data-nav>Original view</a>`
    : html`<a href="/staff" data-nav>Expanded view</a>`;
  return {
    status: 200,
    title: 'Staff',
    body: html`<h1>Staff</h1><p class="count">${district.staff.length} staff were found. ${toggle}</p>${table(headers, rows, 'staff', 'No staff were found.')}`,
  };
}

function staffPage(s: DemoStaff): Page {
  const creds = s.credentials ?? [];
  const credRows = creds.map(
    (c) =>
      html`<tr><td>${c.title}</td><td>${(c.authorizations ?? []).join(', ')}</td><td>${capitalize(c.kind ?? '')}</td><td>${usDate(c.issued)}</td><td>${usDate(c.expires)}</td></tr>`,
  );
  return {
    status: 200,
    title: `${s.name} - Staff`,
    body: html`<nav class="breadcrumb"><a href="/staff" data-nav>Staff</a> &rsaquo; ${s.name}</nav>
${recordTitle(s.name, s.id)}
<section class="panel" id="general"><h2>General</h2><div class="fields">
${field('Staff ID', s.id)}${field('Position:', s.position ?? '')}${field('Email', s.email ? html`<a href="mailto:${s.email}">${s.email}</a>` : '')}${field('Phone', s.phone ?? '')}${field('Site', s.site ?? '')}
</div></section>
<section class="panel" id="credentials"><h2>Credentials</h2>
${creds.length ? table(['Credential', 'Authorizations', 'Type', 'Issued', 'Expires'], credRows, 'credentials', '') : html`<p class="empty-state">No credentials on file</p>`}
</section>`,
  };
}

function capitalize(s: string): string {
  // Acronym kinds (PIP, STSP) stay as they are.
  return s === s.toLowerCase() ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}

function notFound(what: string): Page {
  return {
    status: 404,
    title: 'Not found',
    body: html`<h1>Not found</h1><p class="error">${what}</p><p><a href="/">Home</a></p>`,
  };
}

/** Routes a request path to a page. Unknown paths and ids are 404 pages. */
export function route(url: URL, district: District = DISTRICT): Page {
  const path = url.pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return home(district);
  if (path === '/students') return studentList(district);
  if (path === '/staff') return staffList(district, url.searchParams.get('view') !== 'basic');
  const m = /^\/(students|staff)\/([^/]+)$/.exec(path);
  if (m) {
    const id = safeDecode(m[2] ?? '');
    if (m[1] === 'students') {
      const s = district.students.find((x) => x.id === id);
      return s ? studentPage(district, s) : notFound('No student with that ID.');
    }
    const s = staffById(district, id);
    return s ? staffPage(s) : notFound('No staff member with that ID.');
  }
  return notFound('No such page.');
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

const STYLE = `
body{margin:0;font:14px/1.4 system-ui,sans-serif;color:#222;background:#f4f5f7}
.topbar{display:flex;gap:1.5em;align-items:center;background:#24475f;color:#fff;padding:.6em 1em}
.topbar a{color:#fff;text-decoration:none}.topbar .brand{font-weight:600}.topbar .user{margin-left:auto;opacity:.8}
#content{padding:1em 1.5em;max-width:1100px}
.panel{background:#fff;border:1px solid #d8dce0;border-radius:4px;padding:.5em 1em 1em;margin:1em 0}
.fields{display:grid;grid-template-columns:repeat(auto-fill,minmax(240px,1fr));gap:.6em 1.2em}
.field{display:flex;flex-direction:column}.field .label{color:#666;font-size:12px;order:2}.field .value,.field select{order:1;min-height:1.3em}
table.list{border-collapse:collapse;width:100%;background:#fff}
table.list th,table.list td{border-bottom:1px solid #e2e5e8;padding:.35em .6em;text-align:left;vertical-align:top}
table.list th{background:#eef1f4}.cell-list{margin:0;padding:0;list-style:none}
.empty-state,.empty{color:#888;font-style:italic}.record-id{color:#888;font-weight:normal}.breadcrumb{color:#666}
`;

function fullDocument(page: Page, district: District): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="generator" content="Liaison Demo SIS">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html`${page.title} | ${district.name}`}</title><style>${STYLE}</style></head>
<body><header class="topbar"><a class="brand" href="/">${html`${district.name}`}</a><nav><a href="/students" data-nav>Students</a> <a href="/staff" data-nav>Staff</a></nav><span class="user">Signed in as: sped.admin</span></header>
${fragment(page, district)}
<script>${NAV_SCRIPT}</script></body></html>
`;
}

/** What in-app navigation fetches: only the main content, with the title it should set. */
function fragment(page: Page, district: District): string {
  return html`<main id="content" data-title="${page.title} | ${district.name}">${page.body}</main>`.value;
}

export function renderPage(
  url: URL,
  opts: { fragment?: boolean; district?: District } = {},
): { status: number; html: string } {
  const district = opts.district ?? DISTRICT;
  const page = route(url, district);
  return { status: page.status, html: opts.fragment ? fragment(page, district) : fullDocument(page, district) };
}

/**
 * The hostile-page corpus (issue 7): pages that try to run script through Liaison, confuse which record a
 * marker belongs to, or make the read slow or crash. Most use the demo SIS markup (generator meta, #content,
 * label/value fields, header-keyed tables) so the demo adapter reads them; a few are generic SIS-like markup or
 * not HTML at all. The unit tests (happy-dom) and the browser spec share these definitions and expectations.
 *
 * Hostile *data* is always escaped the way a SIS would show it: if anything executes, Liaison turned page text
 * into markup. Pages that script themselves (churn, renames, marker removal, prototype overrides) do it in a
 * <script> of their own, which is the page's doing and allowed.
 */
import { escapeHtml } from '../../demo-sis/html';

/** Every payload sets window.__pwned if it ever runs; the tests read that in the page world. */
export const PAYLOADS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '"><svg onload="window.__pwned=1">',
  `'><iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>`,
  'javascript:window.__pwned=1',
  '<a href="javascript:window.__pwned=1">x</a>',
  '{{constructor.constructor("window.__pwned=1")()}}',
] as const;

export const ERROR_CODE = 'CM_MISSING';

export interface Expect {
  /** Student (and staff) ids as the page shows them; every marker must carry one of these. */
  students: string[];
  staff?: string[];
  /** Markers expected once the page settled (exact count), when the page is meant to be read. */
  markers?: number;
  /** Students with a disability and no case manager: the worker answers CM_MISSING (error). */
  errorIds?: string[];
  /** Students with nothing to check: their markers must never carry an error id's codes. */
  cleanIds?: string[];
}

export interface HostilePage {
  name: string;
  about: string;
  /** Path and query the server answers at; demo detection keys on the path, the query names the page. */
  path: string;
  body: () => string;
  contentType?: string;
  status?: number;
  /**
   * Whether the demo adapter claims it. Pages it does not claim may still be read by a later adapter in the
   * registry (the generic reader): then only the id rules hold, not the marker counts.
   */
  recognized: boolean;
  expect: Expect;
  /** A page function the browser test calls once the first findings are shown, and what holds afterwards. */
  act?: { fn: string; expect: Expect };
  /** Text that must still be on the page at the end (the page keeps working). */
  alive?: string;
  /** Too big to commit as a fixture file; generated at run time only. */
  large?: boolean;
  /** The browser test times the page's responsiveness while Liaison reads it. */
  timed?: boolean;
}

// ---- markup builders (demo SIS shape) ----

const e = (s: string) => escapeHtml(s);
const q = (name: string) => `?hostile=${encodeURIComponent(name)}`;
export const GENERATOR = '<meta name="generator" content="Liaison Demo SIS">';

interface ShellOpts {
  name: string;
  content: string;
  head?: string;
  script?: string;
  /** Omit the generator meta (a page the demo adapter must not claim). */
  generator?: string | null;
}

/** A whole demo-SIS-like document; the footer outside #content is the "page still works" sentinel. */
export function shell({ name, content, head = '', script, generator = GENERATOR }: ShellOpts): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">${generator ?? ''}<title>${e(name)}</title>${head}</head>
<body><header class="topbar"><a href="/">Hostile SIS</a></header>
<main id="content">${content}</main>
<footer id="alive">alive:${e(name)}</footer>
${script ? `<script>${script}</script>` : ''}</body></html>
`;
}

export interface Row {
  id: string;
  name: string;
  /** Link the name to /students/<id> (only for ids the demo URL pattern accepts); default true. */
  link?: boolean;
  /** Raw href instead of the student URL. */
  href?: string;
  /** ID column text; defaults to the id. */
  idText?: string;
  disability?: string;
  caseManager?: string;
  grade?: string;
  program?: string;
  nextAnnual?: string;
}

export const LIST_HEADERS = [
  'Student',
  'ID',
  'Grade',
  'Program',
  'Primary Disability',
  'Case Manager',
  'Next Annual IEP',
];

export function studentRow(r: Row): string {
  const href = r.href ?? (r.link === false ? null : `/students/${encodeURIComponent(r.id)}`);
  const name = href === null ? e(r.name) : `<a href="${e(href)}" data-nav="">${e(r.name)}</a>`;
  const cells = [
    r.idText ?? r.id,
    r.grade ?? '3',
    r.program ?? '',
    r.disability ?? '',
    r.caseManager ?? '',
    r.nextAnnual ?? '',
  ];
  return `<tr><td>${name}</td>${cells.map((c) => `<td>${e(c)}</td>`).join('')}</tr>`;
}

export function studentTable(rows: readonly string[] | string): string {
  const body = typeof rows === 'string' ? rows : rows.join('\n');
  return `<table class="list students"><thead><tr>${LIST_HEADERS.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead><tbody>${body}</tbody></table>`;
}

const listContent = (rows: Row[]) => `<h1>Students</h1>${studentTable(rows.map(studentRow))}`;

/** A student with something to report (disability, no case manager) and one with nothing to check. */
export const errorRow = (id: string, name = `Err ${id}`): Row => ({ id, name, disability: 'Autism' });
export const cleanRow = (id: string, name = `Clean ${id}`): Row => ({ id, name });

export interface RecordOpts {
  id: string;
  name: string;
  idField?: string;
  fields?: Record<string, string>;
  services?: Array<[service: string, provider: string]> | string;
  heading?: string;
}

const field = (label: string, value: string) =>
  `<div class="field"><span class="label">${e(label)}</span><span class="value">${e(value)}</span></div>`;

export function recordContent(o: RecordOpts): string {
  const fields = { 'Student ID': o.idField ?? o.id, ...o.fields };
  const services =
    typeof o.services === 'string'
      ? o.services
      : (o.services ?? [])
          .map(([s, p]) => `<tr><td>${e(s)}</td><td>${e(p)}</td><td>${e('1x weekly')}</td></tr>`)
          .join('');
  return `<h1 class="record-title"><span class="record-name">${o.heading ?? e(o.name)}</span> <span class="record-id">- ${e(o.id)}</span></h1>
<section class="panel"><div class="fields">${Object.entries(fields)
    .map(([l, v]) => field(l, v))
    .join('')}</div>
<h3>Services</h3><table class="list services"><thead><tr><th>Service</th><th>Provider</th><th>Frequency</th></tr></thead><tbody>${services}</tbody></table></section>`;
}

const listPage = (name: string, rows: Row[], extra: Partial<HostilePage> = {}): HostilePage => ({
  name,
  about: '',
  path: `/students${q(name)}`,
  body: () => shell({ name, content: listContent(rows) }),
  recognized: true,
  expect: { students: rows.map((r) => r.id), markers: rows.length },
  alive: `alive:${name}`,
  ...extra,
});

/** Runs `build` once, on first use: the large pages are megabytes. */
function once(build: () => string): () => string {
  let cached: string | undefined;
  return () => (cached ??= build());
}

// ---- the corpus ----

const P = PAYLOADS;
const payloadRows = (prefix: string): Row[] =>
  P.map((p, i) => ({
    id: `${prefix}-${i}`,
    name: p,
    disability: p,
    caseManager: p,
    program: p,
    grade: p,
    nextAnnual: p,
  }));

/** A payload in every label of a student record. */
const xssStudentFields: Record<string, string> = {
  Grade: P[1],
  'Birth Date': P[2],
  School: P[0],
  'Primary Disability': P[1],
  'Secondary Disability': P[3],
  'Degree of Support': P[2],
  Program: P[5],
  'Alternate Placement': P[0],
  'Case Manager': P[2],
  'Case Manager Role': P[1],
  'Last IEP Meeting': P[0],
  'Next Annual IEP': P[3],
  'Next Triennial': P[4],
};

const RENAME = `window.__act=function(){var a=document.querySelector('a[href="/students/H17-A"]');a.setAttribute('href','/students/H17-B');a.firstChild.data='Bea Renamed';var c=a.closest('tr').children;c[1].firstChild.data='H17-B';c[4].firstChild.data='';};`;

const churnFrames = [
  listContent([errorRow('H15-A')]),
  listContent([cleanRow('H15-B'), errorRow('H15-C')]),
  listContent([errorRow('H15-E'), errorRow('H15-F')]),
];
const CHURN_FINAL = listContent([cleanRow('H15-B'), cleanRow('H15-D')]);
/**
 * Rewrites #content every 4 ms for a second (error students A, C, E, F come and go in the rows
 * that clean B and D hold at the end), then settles on the same final content the static HTML has.
 */
const CHURN = `(function(){var f=${JSON.stringify([...churnFrames, CHURN_FINAL])};var i=0,t0=Date.now(),c=document.getElementById('content');var h=setInterval(function(){if(Date.now()-t0>1000){clearInterval(h);c.innerHTML=f[3];window.__settled=true;return;}c.innerHTML=f[i++%3];},4);})();`;

/** Deletes Liaison's markers as soon as they appear, counting how often (a fight would count thousands). */
const REMOVER = `window.__removed=0;new MutationObserver(function(){document.querySelectorAll('[data-liaison-marker]').forEach(function(m){m.remove();window.__removed++;});}).observe(document.documentElement,{childList:true,subtree:true});`;

/** Swaps the two rows' contents (and so the students) in place, the way a client-side sort re-renders. */
const SWAP = `window.__act=function(){var b=document.querySelector('tbody');var r=b.querySelectorAll('tr');var x=r[0].innerHTML;r[0].innerHTML=r[1].innerHTML;r[1].innerHTML=x;};`;

/** In-app navigation to another student's record: new URL, #content replaced, no load. */
const NAV = `window.__act=function(){history.pushState({},'','/students/H32-B${q('nav-to-other-student')}');document.getElementById('content').innerHTML=${JSON.stringify(
  recordContent({ id: 'H32-B', name: 'Bo Clean' }),
)};};`;

/**
 * Page-world overrides of what the content script uses. Each records a call only when the caller's stack is
 * Liaison's (chrome-extension://), which can only happen if the content script shared the page's world, then
 * does its job so the page itself keeps working.
 */
const OVERRIDES = `(function(){window.__hijacked=[];
function rec(n){var s=new Error().stack||'';if(s.indexOf('chrome-extension://')>=0)window.__hijacked.push(n);}
function wrap(o,k){var f=o[k];o[k]=function(){rec(k);return f.apply(this,arguments);};}
wrap(Element.prototype,'attachShadow');wrap(Array.prototype,'map');wrap(Array.prototype,'filter');wrap(Node.prototype,'appendChild');
wrap(Element.prototype,'setAttribute');wrap(Element.prototype,'after');wrap(Element.prototype,'append');wrap(Document.prototype,'querySelector');
wrap(Document.prototype,'querySelectorAll');wrap(Document.prototype,'createElement');wrap(JSON,'stringify');wrap(String.prototype,'replace');
var MO=window.MutationObserver;window.MutationObserver=function(cb){rec('MutationObserver');return new MO(cb);};
})();`;

function deepTables(depth: number, inner: string): string {
  return `${'<table><tr><td>'.repeat(depth)}${inner}${'</td></tr></table>'.repeat(depth)}`;
}

const svgDoc = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:h="http://www.w3.org/1999/xhtml" width="400" height="200">
<h:meta name="generator" content="Liaison Demo SIS"/>
<title>alive:svg-document</title>
<foreignObject width="400" height="200"><h:main id="content"><h:table><h:tr><h:th>Student</h:th><h:th>ID</h:th></h:tr>
<h:tr><h:td><h:a href="/students/H26-1">${e(P[1])}</h:a></h:td><h:td>H26-1</h:td></h:tr></h:table></h:main></foreignObject>
<text x="10" y="180">alive:svg-document</text></svg>`;

const xhtmlDoc = `<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><head><meta name="generator" content="Liaison Demo SIS"/><title>xhtml</title></head>
<body><main id="content">${studentTable([errorRow('H27-A'), cleanRow('H27-B', P[1])].map(studentRow))}</main><footer>alive:xhtml</footer></body></html>`;

export const CORPUS: HostilePage[] = [
  listPage('xss-student-list', payloadRows('H02'), {
    about:
      'a payload in every column of a student list (name, id link, grade, program, disability, case manager, date)',
  }),
  {
    name: 'xss-student-record',
    about:
      'a payload in every field of a student record: name, Student ID, disabilities, case manager, role, dates, services, providers',
    path: `/students/H01${q('xss-student-record')}`,
    body: () =>
      shell({
        name: 'xss-student-record',
        content: recordContent({
          id: 'H01',
          name: P[1],
          idField: P[0],
          fields: xssStudentFields,
          services: P.map((p, i) => [p, P[(i + 1) % P.length]!]),
        }),
      }),
    recognized: true,
    expect: { students: ['H01'], markers: 1 },
    alive: 'alive:xss-student-record',
  },
  {
    name: 'xss-staff-record',
    about: 'a payload in a staff record: name, position, email, phone, credential title, authorizations, type, dates',
    path: `/staff/H03${q('xss-staff-record')}`,
    body: () =>
      shell({
        name: 'xss-staff-record',
        content: `<h1 class="record-title"><span class="record-name">${e(P[2])}</span></h1><div class="fields">${field('Staff ID', 'H03')}${field('Position', P[0])}${field('Email', P[4])}${field('Phone', P[1])}</div>
<table><thead><tr><th>Credential</th><th>Authorizations</th><th>Type</th><th>Issued</th><th>Expires</th></tr></thead><tbody>${P.map(
          (p) => `<tr><td>${e(p)}</td><td>${e(`${p}, R3MN`)}</td><td>${e(p)}</td><td>${e(p)}</td><td>${e(p)}</td></tr>`,
        ).join('')}</tbody></table>`,
      }),
    recognized: true,
    expect: { students: [], staff: ['H03'], markers: 1 },
    alive: 'alive:xss-staff-record',
  },
  {
    name: 'xss-staff-list',
    about: 'payload staff names, positions and credential list items on the staff list',
    path: `/staff${q('xss-staff-list')}`,
    body: () =>
      shell({
        name: 'xss-staff-list',
        content: `<table><thead><tr><th>Name</th><th>Staff ID</th><th>Position</th><th>Credentials</th><th>Expires</th></tr></thead><tbody>${P.map(
          (p, i) =>
            `<tr><td><a href="/staff/H04-${i}">${e(p)}</a></td><td>H04-${i}</td><td>${e(p)}</td><td><ul><li>${e(p)}</li><li>${e(P[(i + 2) % P.length]!)}</li></ul></td><td><ul><li>${e(p)}</li><li>06/30/2020</li></ul></td></tr>`,
        ).join('')}</tbody></table>`,
      }),
    recognized: true,
    expect: { students: [], staff: P.map((_, i) => `H04-${i}`), markers: P.length },
    alive: 'alive:xss-staff-list',
  },
  listPage(
    'javascript-hrefs',
    [
      { id: 'H05-1', name: 'Js Link', href: 'javascript:window.__pwned=1', disability: 'Autism' },
      { id: 'H05-2', name: 'Data Link', href: 'data:text/html,<script>window.__pwned=1</script>' },
      { id: 'H05-3', name: 'Vb Link', href: ' JaVaScRiPt:window.__pwned=1' },
    ],
    {
      about:
        'name links with javascript:/data: hrefs; the id comes from the ID column, and clicking the badge must not follow the link',
    },
  ),
  listPage(
    'selector-breaker-ids',
    [`1"] , [data-x="`, 'a\\b', '<x>', `'];alert(1)//`, '*', 'H06 :not(x)', '\\"\\]'].map((id, i) => ({
      id,
      name: `Sel ${i}`,
      link: false,
      ...(i === 0 ? { disability: 'Autism' } : {}),
    })),
    {
      about: 'ids that break CSS selectors and attribute quoting (only in the ID column: no link)',
    },
  ),
  (() => {
    const page = listPage(
      'lookalike-unicode',
      [
        { ...errorRow('H07-A', 'Ana Gómez'), link: false },
        { ...cleanRow('H07-\u0410', 'Аna Gómez'), link: false }, // Cyrillic А in id and name
        { ...cleanRow('H07-A\u200d', 'Ana\u200d Gómez'), link: false }, // zero-width joiner
        { ...cleanRow('H07-A\u200b', 'Ana\u200b Gómez'), link: false }, // zero-width space (not \\s, unlike a BOM)
      ],
      {
        about: 'ids and names that differ only by a Cyrillic letter or a zero-width character: four different students',
      },
    );
    page.expect.errorIds = ['H07-A'];
    page.expect.cleanIds = ['H07-\u0410', 'H07-A\u200d', 'H07-A\u200b'];
    return page;
  })(),
  (() => {
    const page = listPage(
      'rtl-override',
      [
        { ...errorRow('H08-12', 'Ada \u202eevoL'), link: false },
        { ...cleanRow('H08-\u202e21', '\u202eRTL name\u202c'), link: false }, // shows as "H08-12"
      ],
      { about: 'right-to-left override in names and in an id that renders like another row’s id' },
    );
    page.expect.errorIds = ['H08-12'];
    page.expect.cleanIds = ['H08-\u202e21'];
    return page;
  })(),
  {
    name: 'huge-name-record',
    about: 'a student record whose name is 1 MB',
    path: `/students/H09${q('huge-name-record')}`,
    body: once(() =>
      shell({
        name: 'huge-name-record',
        content: recordContent({ id: 'H09', name: 'N'.repeat(1 << 20), fields: { 'Primary Disability': 'Autism' } }),
      }),
    ),
    recognized: true,
    expect: { students: ['H09'], markers: 1, errorIds: ['H09'] },
    alive: 'alive:huge-name-record',
    large: true,
  },
  {
    name: 'huge-services',
    about: 'a student record with 10,000 service rows',
    path: `/students/H10${q('huge-services')}`,
    body: once(() =>
      shell({
        name: 'huge-services',
        content: recordContent({
          id: 'H10',
          name: 'Many Services',
          fields: { 'Primary Disability': 'Autism' },
          services: Array.from(
            { length: 10_000 },
            (_, i) => `<tr><td>415 - Language and Speech ${i}</td><td>Provider ${i}</td><td>weekly</td></tr>`,
          ).join(''),
        }),
      }),
    ),
    recognized: true,
    expect: { students: ['H10'], markers: 1, errorIds: ['H10'] },
    alive: 'alive:huge-services',
    large: true,
  },
  (() => {
    const rows = [
      ...Array.from({ length: 20 }, (_, i) => cleanRow(`H11-${i}`)),
      { ...errorRow('H11-X'), name: 'x'.repeat(1 << 20) },
    ];
    const page = listPage('huge-name-in-list', rows, {
      about: 'one 1 MB name among 20 ordinary rows: the others must still be checked',
    });
    page.body = once(page.body);
    page.large = true;
    page.expect.errorIds = ['H11-X'];
    page.expect.cleanIds = rows.slice(0, 20).map((r) => r.id);
    return page;
  })(),
  ...[500, 120].map((depth) => {
    const name = depth === 500 ? 'deep-tables' : `deep-tables-${depth}`;
    const rows = [errorRow(`H12-${depth}-1`), cleanRow(`H12-${depth}-2`)];
    const page = {
      ...listPage(name, rows),
      about: `the student table inside ${depth} nested tables`,
      body: () => shell({ name, content: deepTables(depth, studentTable(rows.map(studentRow))) }),
    };
    // Browsers flatten elements nested deeper than 512 (4 per table level here), so at 500 the page's own table
    // falls apart and nothing need be read; at 120 it holds, and the rows must be read.
    if (depth === 500) page.expect = { students: page.expect.students };
    else Object.assign(page.expect, { errorIds: [rows[0]!.id], cleanIds: [rows[1]!.id] });
    return page;
  }),
  (() => {
    const page = listPage(
      'duplicate-ids',
      [errorRow('H13-1', 'Ann Alpha'), { ...cleanRow('H13-1', 'Bob Beta') }, cleanRow('H13-2')],
      { about: 'two rows with the same student id and different names, and one other student' },
    );
    page.expect.errorIds = ['H13-1'];
    page.expect.cleanIds = ['H13-2'];
    return page;
  })(),
  {
    name: 'record-id-mismatch',
    about: 'a record page whose Student ID field and a second heading name another student',
    path: `/students/H14-A${q('record-id-mismatch')}`,
    body: () =>
      shell({
        name: 'record-id-mismatch',
        content: `${recordContent({ id: 'H14-A', name: 'Url Student', idField: 'H14-B', fields: { 'Primary Disability': 'Autism' } })}<h1 class="record-title"><span class="record-name">Other</span> - H14-B</h1>`,
      }),
    recognized: true,
    expect: { students: ['H14-A'], markers: 1, errorIds: ['H14-A'] },
    alive: 'alive:record-id-mismatch',
  },
  {
    name: 'content-churn',
    about: 'rewrites #content every 4 ms for a second with different students, then settles',
    path: `/students${q('content-churn')}`,
    body: () => shell({ name: 'content-churn', content: CHURN_FINAL, script: CHURN }),
    recognized: true,
    // Markers must end up on the final content only, and B (an error student in an earlier frame under another id) clean.
    expect: { students: ['H15-B', 'H15-D'], markers: 2, cleanIds: ['H15-B', 'H15-D'] },
    alive: 'alive:content-churn',
  },
  {
    name: 'marker-remover',
    about: 'a page MutationObserver that deletes every [data-liaison-marker] as soon as it appears',
    path: `/students${q('marker-remover')}`,
    body: () =>
      shell({ name: 'marker-remover', content: listContent([errorRow('H16-A'), cleanRow('H16-B')]), script: REMOVER }),
    recognized: true,
    expect: { students: ['H16-A', 'H16-B'] },
    alive: 'alive:marker-remover',
  },
  {
    name: 'rename-in-place',
    about: 'after load the row is renamed in place (href attribute and text nodes), as a framework re-render does',
    path: `/students${q('rename-in-place')}`,
    body: () => shell({ name: 'rename-in-place', content: listContent([errorRow('H17-A')]), script: RENAME }),
    recognized: true,
    expect: { students: ['H17-A'], markers: 1, errorIds: ['H17-A'] },
    act: { fn: '__act', expect: { students: ['H17-B'], markers: 1, cleanIds: ['H17-B'] } },
    alive: 'alive:rename-in-place',
  },
  {
    name: 'rename-by-replace',
    about: 'after load the row is replaced by another student’s row (same slot)',
    path: `/students${q('rename-by-replace')}`,
    body: () =>
      shell({
        name: 'rename-by-replace',
        content: listContent([errorRow('H18-A')]),
        script: `window.__act=function(){document.querySelector('tbody tr').outerHTML=${JSON.stringify(studentRow(cleanRow('H18-B')))};};`,
      }),
    recognized: true,
    expect: { students: ['H18-A'], markers: 1, errorIds: ['H18-A'] },
    act: { fn: '__act', expect: { students: ['H18-B'], markers: 1, cleanIds: ['H18-B'] } },
    alive: 'alive:rename-by-replace',
  },
  {
    name: 'swap-rows',
    about: 'two rows (A with an error, B clean) swap contents after load',
    path: `/students${q('swap-rows')}`,
    body: () =>
      shell({ name: 'swap-rows', content: listContent([errorRow('H19-A'), cleanRow('H19-B')]), script: SWAP }),
    recognized: true,
    expect: { students: ['H19-A', 'H19-B'], markers: 2, errorIds: ['H19-A'], cleanIds: ['H19-B'] },
    act: {
      fn: '__act',
      expect: { students: ['H19-A', 'H19-B'], markers: 2, errorIds: ['H19-A'], cleanIds: ['H19-B'] },
    },
    alive: 'alive:swap-rows',
  },
  {
    name: 'empty-body',
    about: 'the generator meta and nothing else',
    path: `/students${q('empty-body')}`,
    body: () => `<!DOCTYPE html><html><head>${GENERATOR}<title>alive:empty-body</title></head><body></body></html>`,
    recognized: true,
    expect: { students: [], markers: 0 },
  },
  {
    name: 'truncated-html',
    about: 'a student list cut off in the middle of a row and an attribute',
    path: `/students${q('truncated-html')}`,
    body: () => truncated(),
    recognized: true,
    expect: { students: ['H21-1', 'H21-2', 'H21-3'], markers: 3, errorIds: ['H21-1'], cleanIds: ['H21-2'] },
    alive: 'Clean H21-2',
  },
  {
    name: 'ten-thousand-rows',
    about: 'a student list of 10,000 rows',
    path: `/students${q('ten-thousand-rows')}`,
    body: once(() =>
      shell({
        name: 'ten-thousand-rows',
        // A heartbeat: gaps over 200 ms are times the main thread (page and content script share it) was blocked;
        // the page's own parsing shows up before the load event, Liaison's read at document_idle around it.
        // __beats counts the page's own timer runs: it must go on while Liaison works (the page is not frozen).
        head: `<script>window.__gaps=[];window.__beats=0;(function(){var last=performance.now();setInterval(function(){var n=performance.now();window.__beats++;if(n-last>200)window.__gaps.push([Math.round(last),Math.round(n-last)]);last=n;},50);addEventListener('load',function(){window.__loadAt=Math.round(performance.now());});})();</script>`,
        content: listContent(
          Array.from({ length: 10_000 }, (_, i) =>
            i % 2 ? cleanRow(`H22-${i}`, `Student ${i}`) : errorRow(`H22-${i}`, `Student ${i}`),
          ),
        ),
      }),
    ),
    recognized: true,
    expect: {
      students: Array.from({ length: 10_000 }, (_, i) => `H22-${i}`),
      markers: 10_000,
      errorIds: ['H22-0', 'H22-9998'],
      cleanIds: ['H22-1', 'H22-9999'],
    },
    alive: 'alive:ten-thousand-rows',
    large: true,
    timed: true,
  },
  {
    ...listPage('base-href', []),
    about: '<base href> pointing at another host and path; one link is relative to it',
    body: () =>
      shell({
        name: 'base-href',
        head: '<base href="http://127.0.0.2:9/students/">',
        content: listContent([{ ...errorRow('H23-1'), href: 'H23-9', idText: 'H23-1' }, cleanRow('H23-2')]),
      }),
    expect: { students: ['H23-1', 'H23-2'], markers: 2, errorIds: ['H23-1'], cleanIds: ['H23-2'] },
  },
  {
    name: 'prototype-overrides',
    about:
      'the page world overrides attachShadow, MutationObserver, Array.prototype.map, querySelector, setAttribute, JSON.stringify, String.prototype.replace…',
    path: `/students${q('prototype-overrides')}`,
    body: () =>
      shell({
        name: 'prototype-overrides',
        head: `<script>${OVERRIDES}</script>`,
        content: listContent([errorRow('H24-A'), cleanRow('H24-B')]),
      }),
    recognized: true,
    expect: { students: ['H24-A', 'H24-B'], markers: 2, errorIds: ['H24-A'], cleanIds: ['H24-B'] },
    alive: 'alive:prototype-overrides',
  },
  {
    name: 'frameset',
    about: 'a frameset document with the generator meta; its frame shows a hostile list',
    path: `/students${q('frameset')}`,
    body: () =>
      `<!DOCTYPE html><html><head>${GENERATOR}<title>alive:frameset</title></head><frameset rows="100%"><frame src="/students${q('xss-student-list')}"></frameset></html>`,
    recognized: true,
    expect: { students: [], markers: 0 },
  },
  {
    name: 'svg-document',
    about: 'an SVG document (image/svg+xml) carrying the generator meta and a student table in a foreignObject',
    path: `/students${q('svg-document')}`,
    contentType: 'image/svg+xml',
    body: () => svgDoc,
    recognized: true,
    expect: { students: ['H26-1'] },
    alive: 'alive:svg-document',
  },
  {
    name: 'xhtml',
    about: 'an XHTML document (application/xhtml+xml) in the demo markup',
    path: `/students${q('xhtml')}`,
    contentType: 'application/xhtml+xml',
    body: () => xhtmlDoc,
    recognized: true,
    expect: { students: ['H27-A', 'H27-B'], markers: 2, errorIds: ['H27-A'], cleanIds: ['H27-B'] },
    alive: 'alive:xhtml',
  },
  {
    name: 'not-found-404',
    about: 'a 404 page at a student URL with the generator meta',
    path: `/students/H28${q('not-found-404')}`,
    status: 404,
    body: () => shell({ name: 'not-found-404', content: `<h1>Not found</h1><p class="error">${e(P[1])}</p>` }),
    recognized: true,
    expect: { students: [], markers: 0 },
    alive: 'alive:not-found-404',
  },
  {
    name: 'generic-sis-xss',
    about: 'generic SIS-like markup (labels, tables, no generator meta) with payloads everywhere',
    path: `/Modules.php${q('generic-sis-xss')}&student_id=29`,
    body: () =>
      shell({
        name: 'generic-sis-xss',
        generator: null,
        content: `<h2>${e(P[1])} - 29</h2><table><tr><td>Student ID:</td><td>29</td></tr><tr><td>Primary Disability:</td><td>${e(P[0])}</td></tr><tr><td>Case Manager:</td><td>${e(P[2])}</td></tr></table>
<table><tr><th>Service</th><th>Provider</th></tr><tr><td>${e(P[3])}</td><td>${e(P[5])}</td></tr></table>`,
      }),
    recognized: false,
    expect: { students: ['29'] },
    alive: 'alive:generic-sis-xss',
  },
  {
    ...listPage('wrong-generator', [errorRow('H30-1')]),
    about: 'a student list claiming another generator (must not be read by the demo profile)',
    body: () =>
      shell({
        name: 'wrong-generator',
        generator: '<meta name="generator" content="Liaison Demo SIS 2">',
        content: listContent([errorRow('H30-1')]),
      }),
    recognized: false,
    expect: { students: ['H30-1'] },
  },
  {
    name: 'markup-id-in-url',
    about: 'a record URL whose id is markup (%3Cx%3E): the id comes from the Student ID field, as text',
    path: `/students/%3Cx%3E${q('markup-id-in-url')}`,
    body: () =>
      shell({
        name: 'markup-id-in-url',
        content: recordContent({ id: '<x>', name: P[2], fields: { 'Primary Disability': 'Autism' } }),
      }),
    recognized: false,
    expect: { students: ['<x>'] },
    alive: 'alive:markup-id-in-url',
  },
  {
    name: 'nav-to-other-student',
    about: 'student A (error) navigates in-app to student B (clean): URL pushed, #content replaced',
    path: `/students/H32-A${q('nav-to-other-student')}`,
    body: () =>
      shell({
        name: 'nav-to-other-student',
        content: recordContent({ id: 'H32-A', name: 'Al Error', fields: { 'Primary Disability': 'Autism' } }),
        script: NAV,
      }),
    recognized: true,
    expect: { students: ['H32-A'], markers: 1, errorIds: ['H32-A'] },
    act: { fn: '__act', expect: { students: ['H32-B'], markers: 1, cleanIds: ['H32-B'] } },
    alive: 'alive:nav-to-other-student',
  },
  {
    name: 'form-controls',
    about: 'payloads as the values of inputs, textareas and selected options (empty fields shown as controls)',
    path: `/students/H33${q('form-controls')}`,
    body: () =>
      shell({
        name: 'form-controls',
        content: `<h1 class="record-title"><span class="record-name">Form Kid</span></h1><div class="fields">${field('Student ID', 'H33')}
<div class="field"><label class="label">Grade</label><input value="${e(P[1])}"></div>
<div class="field"><label class="label">School</label><textarea>${e(P[0])}</textarea></div>
<div class="field"><label class="label">Primary Disability</label><select><option value="x" selected>${e(P[2])}</option></select></div>
<div class="field"><label class="label">Case Manager</label><select><option value="${e(P[2])}" selected>${e(P[3])}</option></select></div></div>`,
      }),
    recognized: true,
    expect: { students: ['H33'], markers: 1 },
    alive: 'alive:form-controls',
  },
  {
    name: 'noscript-template-comment',
    about: 'payloads inside <noscript> (raw text when scripting is on), <template> and comments within fields',
    path: `/students/H34${q('noscript-template-comment')}`,
    body: () =>
      shell({
        name: 'noscript-template-comment',
        content: `<h1 class="record-title"><span class="record-name">No<noscript>${P[1]}</noscript>script<template>${P[1]}</template><!--${P[2]}--></span></h1><div class="fields">${field('Student ID', 'H34')}
<div class="field"><span class="label">Primary Disability</span><span class="value"><noscript>${P[0]}</noscript>Autism</span></div></div>`,
      }),
    recognized: true,
    expect: { students: ['H34'], markers: 1 },
    alive: 'alive:noscript-template-comment',
  },
  {
    name: 'huge-credentials',
    about: 'a staff list row with 1,000 credentials listed',
    path: `/staff${q('huge-credentials')}`,
    body: once(() =>
      shell({
        name: 'huge-credentials',
        content: `<table><thead><tr><th>Name</th><th>Staff ID</th><th>Position</th><th>Credentials</th><th>Expires</th></tr></thead><tbody>
<tr><td><a href="/staff/H35-1">Many Creds</a></td><td>H35-1</td><td>Teacher</td><td><ul>${'<li>Education Specialist Instruction Credential</li>'.repeat(1000)}</ul></td><td><ul>${'<li>06/30/2030</li>'.repeat(1000)}</ul></td></tr>
<tr><td><a href="/staff/H35-2">Few Creds</a></td><td>H35-2</td><td>Teacher</td><td><ul><li>Clear Multiple Subject</li></ul></td><td><ul><li>06/30/2030</li></ul></td></tr></tbody></table>`,
      }),
    ),
    recognized: true,
    expect: { students: [], staff: ['H35-1', 'H35-2'], markers: 2 },
    alive: 'alive:huge-credentials',
  },
  (() => {
    const long = `H36-${'9'.repeat(5000)}`;
    const page = listPage('overlong-id', [{ ...cleanRow(long), link: false }, errorRow('H36-2'), cleanRow('H36-3')], {
      about: 'a 5,000-character id in the ID column beside ordinary rows',
    });
    // The overlong row is not a usable id: it may be skipped, but the others must be checked.
    page.expect = { students: [long, 'H36-2', 'H36-3'], errorIds: ['H36-2'], cleanIds: ['H36-3'] };
    return page;
  })(),
  {
    name: 'forged-marker',
    about:
      'the page ships its own element with Liaison’s marker attributes (clean, no shadow root) beside an error student; Liaison puts its own beside it and leaves the page’s alone',
    path: `/students${q('forged-marker')}`,
    body: () =>
      shell({
        name: 'forged-marker',
        content: listContent([errorRow('H38-A'), cleanRow('H38-B')]).replace(
          '>Err H38-A</a>',
          '>Err H38-A</a><span data-forged="" data-liaison-marker="" data-liaison-student="H38-A" data-liaison-findings="" data-liaison-severity="none">OK</span>',
        ),
      }),
    recognized: true,
    expect: { students: ['H38-A', 'H38-B'], markers: 2, errorIds: ['H38-A'], cleanIds: ['H38-B'] },
    alive: 'alive:forged-marker',
  },
  {
    name: 'forged-wrappers',
    about:
      'the page wraps its table in an element with Liaison’s marker attribute and its rows in one with Liaison’s UI attribute, then swaps the rows in place',
    path: `/students${q('forged-wrappers')}`,
    body: () =>
      shell({
        name: 'forged-wrappers',
        content: `<h1>Students</h1><div data-forged="" data-liaison-marker="" data-liaison-student="H39-A"><div data-liaison-ui="">${studentTable([errorRow('H39-A'), cleanRow('H39-B')].map(studentRow))}</div></div>`,
        script: `window.__act=function(){document.querySelector('tbody').innerHTML=${JSON.stringify([cleanRow('H39-C'), errorRow('H39-D')].map(studentRow).join(''))};};`,
      }),
    recognized: true,
    expect: { students: ['H39-A', 'H39-B'], markers: 2, errorIds: ['H39-A'], cleanIds: ['H39-B'] },
    act: {
      fn: '__act',
      expect: { students: ['H39-C', 'H39-D'], markers: 2, errorIds: ['H39-D'], cleanIds: ['H39-C'] },
    },
    alive: 'alive:forged-wrappers',
  },
  listPage(
    'entity-soup',
    [
      { id: 'H37-1', name: '&lt;script&gt;window.__pwned=1&lt;/script&gt;' }, // double-escaped: shows the entities
      { id: 'H37-2', name: '\u0000\u0001\u0008\uffff nul, controls and a noncharacter' },
      { id: 'H37-3', name: '%3Cimg%20src=x%20onerror=window.__pwned=1%3E' },
    ],
    { about: 'double-escaped entities, control characters, a noncharacter and percent-encoded markup in names' },
  ),
];

/** The list page cut off in a third row's disability cell, inside a tag: no closing tags at all. */
function truncated(): string {
  const whole = shell({
    name: 'truncated-html',
    content: listContent([errorRow('H21-1'), cleanRow('H21-2'), errorRow('H21-3')]),
  });
  return `${whole.slice(0, whole.lastIndexOf('Autism') + 3)}<a hr`;
}

export const byName = (name: string): HostilePage => {
  const p = CORPUS.find((x) => x.name === name);
  if (!p) throw new Error(`no hostile page ${name}`);
  return p;
};

/**
 * Serves the captured openSIS Classic 9.2 pages (../shared/sis-pages/opensis, read in place: GPL output, never
 * copied into this repository) on loopback, at the path and query each was captured from (plan.json `path`), so
 * the content script sees them as on a real install:
 *
 * - `index.php` is a stand-in for openSIS's top document after login: its whole body is
 *   `<iframe class="responsive-iframe" name="body">`, and every page lives in that frame. Captured pages carry
 *   openSIS's frame buster (`if (window == top …) location.href = "index.php"`): in the frame it does nothing, and
 *   a page opened at the top level lands on this stand-in instead of waiting on a failed load.
 * - each captured page answers with its raw response (`NAME.html`); the one page that exists only after AJAX
 *   navigation answers with its DOM (`NAME.dom.html`), and its `#content` is what `Ajax.php` returns for the
 *   IEP INFO tab (openSIS's `grabA` puts the answer into `#content` with jQuery's `.html()`, URL unchanged).
 * - the portal (the frame's first page) was not captured: a stand-in says so. Assets were not captured: 404.
 */
import { listenLoopback } from './loopback';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';

export const OPENSIS_DIR = resolve(import.meta.dirname, '../../../../shared/sis-pages/opensis');
export const opensisPresent = ['plan.json', 'EXPECTED.json'].every((f) => existsSync(join(OPENSIS_DIR, f)));

export interface PlanPage {
  path: string;
  file: string;
  kind: string;
  order: number;
  again?: boolean;
}

export interface ExpectedPage {
  files: string[];
  url: string;
  kind: string;
  window?: string;
  subject?: { student_id?: number; staff_id?: number; name: string };
  student_ids?: number[];
  staff_ids?: number[];
  clicked?: string[];
}

export interface Expected {
  as_of_date: string;
  pages: ExpectedPage[];
  findings: {
    students: Record<string, { name: string; expect: string[] }>;
    staff: Record<string, { name: string; expect: string[] }>;
  };
}

export const readPlan = (): PlanPage[] =>
  (JSON.parse(readFileSync(join(OPENSIS_DIR, 'plan.json'), 'utf8')) as { pages: PlanPage[] }).pages;
export const readExpected = (): Expected =>
  JSON.parse(readFileSync(join(OPENSIS_DIR, 'EXPECTED.json'), 'utf8')) as Expected;

/** The captured page a plan entry names, by its file (every path of plan.json is in EXPECTED.json too). */
export function expectedPageFor(expected: Expected, plan: PlanPage): ExpectedPage | undefined {
  return expected.pages.find((p) => p.files.includes(plan.file));
}

/**
 * The request key: path and query exactly as sent. Not reordered: two captures differ only in the order of their
 * parameters (`…&category_id=8&student_id=34` and the stale deep link `…&student_id=34&include=…`).
 */
function keyOf(url: URL): string {
  return `${url.pathname}${url.search}`;
}

export const PORTAL_PATH = 'Modules.php?modname=miscellaneous/Portal.php&failed_login=0';

const TOP = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>openSIS Student Information System</title>
<style>html,body{margin:0;height:100%}iframe{border:0;width:100%;height:100%;display:block}</style></head>
<body><iframe class="responsive-iframe" name="body" src="${PORTAL_PATH.replace(/&/g, '&amp;')}"></iframe></body></html>`;

const PORTAL = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>openSIS Student Information System</title></head>
<body><div id="content" name="content" class="clearfix"><p>Portal (stand-in: this page was not captured)</p></div></body></html>`;

/** The inner HTML of the first `<div id="content">`, found by counting `<div>` tags (the capture's markup is well nested there). */
export function contentOf(html: string): string | null {
  const open = /<div\s+id=["']?content["']?[^>]*>/i.exec(html);
  if (!open) return null;
  const start = open.index + open[0].length;
  let depth = 1;
  const tags = /<div\b[^>]*>|<\/div\s*>/gi;
  tags.lastIndex = start;
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    depth += m[0][1] === '/' ? -1 : 1;
    if (depth === 0) return html.slice(start, m.index);
  }
  return null;
}

export async function startOpensisServer(): Promise<{
  url: string;
  pageUrl(path: string): string;
  close(): Promise<void>;
}> {
  const routes = new Map<string, string>();
  for (const p of readPlan()) routes.set(keyOf(new URL(p.path, 'http://127.0.0.1/')), join(OPENSIS_DIR, p.file));
  const ajax = new Map<string, string>();
  for (const page of readExpected().pages) {
    const dom = page.files.find((f) => f.endsWith('.dom.html'));
    const last = page.clicked?.at(-1);
    if (!dom || !last) continue;
    const content = contentOf(readFileSync(join(OPENSIS_DIR, dom), 'utf8'));
    if (content != null) ajax.set(keyOf(new URL(last)), content);
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const html = (body: string) =>
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(body);
    if (url.pathname === '/' || url.pathname === '/index.php') return html(TOP);
    const key = keyOf(url);
    if (key === keyOf(new URL(PORTAL_PATH, 'http://127.0.0.1/'))) return html(PORTAL);
    const fragment = ajax.get(key);
    if (fragment != null) return html(fragment);
    const file = routes.get(key);
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not captured');
      return;
    }
    // Raw bytes as captured (before any script ran), the ~800 characters of <script> before <!DOCTYPE> included.
    html(readFileSync(file, 'utf8'));
  });
  const served = await listenLoopback(server);
  return { ...served, pageUrl: (path) => `${served.url}/${path.replace(/^\//, '')}` };
}

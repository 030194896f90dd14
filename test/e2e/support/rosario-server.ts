/**
 * Serves the captured RosarioSIS pages (../shared/sis-pages/rosariosis, read in place: GPL output, never copied
 * into this repository) at the URL path and query each was captured from, so the content script sees them as
 * on a real install. Assets were not captured and answer 404.
 *
 * The real app's warehouse.js (ajaxLink) is not captured either; a small stand-in script is added to each
 * served page: it intercepts links to Modules.php, fetches them with `X-Requested-With: XMLHttpRequest`,
 * replaces `#body` and calls `history.pushState`, as RosarioSIS does.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';

export const ROSARIO_DIR = resolve(import.meta.dirname, '../../../../shared/sis-pages/rosariosis');
export const rosarioPresent = existsSync(join(ROSARIO_DIR, 'manifest.json'));

interface Entry {
  name: string;
  url?: string;
  final_url?: string;
}

/** The request key: path plus query parameters in a fixed order (RosarioSIS links order them freely). */
function keyOf(url: URL): string {
  const params = [...url.searchParams].sort(([a], [b]) => a.localeCompare(b));
  return `${url.pathname}?${new URLSearchParams(params)}`;
}

/** Runs in the served page, in place of warehouse.js's ajaxLink. */
const WAREHOUSE_STAND_IN = `<script>(function () {
  function isModule(url) { return url.origin === location.origin && /\\/Modules\\.php$/.test(url.pathname); }
  function load(href, push) {
    var url = new URL(href, location.href);
    if (!isModule(url)) return;
    fetch(url.href, { headers: { 'X-Requested-With': 'XMLHttpRequest' } })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (html == null) return;
        var full = new DOMParser().parseFromString(html, 'text/html').getElementById('body');
        document.getElementById('body').innerHTML = full ? full.innerHTML : html;
        if (push) history.pushState(null, '', url.pathname + url.search);
      });
  }
  window.ajaxLink = function (link) { load(typeof link === 'string' ? link : link.href, true); return false; };
  document.addEventListener('click', function (e) {
    var a = e.target.closest && e.target.closest('a[href]');
    if (!a || e.defaultPrevented || a.target) return;
    var url = new URL(a.href, location.href);
    if (!isModule(url)) return;
    e.preventDefault();
    load(url.href, true);
  });
  window.addEventListener('popstate', function () { load(location.href, false); });
})();</script>`;

function loadEntries(): { full: Map<string, string>; ajax: Map<string, string> } {
  const manifest = JSON.parse(readFileSync(join(ROSARIO_DIR, 'manifest.json'), 'utf8')) as Entry[];
  const full = new Map<string, string>();
  const ajax = new Map<string, string>();
  for (const e of manifest) {
    const file = join(ROSARIO_DIR, `${e.name}.html`);
    if (!e.url || !existsSync(file)) continue; // the after-click capture exists only as a .dom.html
    (e.name.endsWith('.ajax-fragment') ? ajax : full).set(keyOf(new URL(e.url)), file);
  }
  return { full, ajax };
}

/**
 * A list link (`…&student_id=2`) opens the tab last used in the session; the captured fragment is the Special
 * Education tab, so an AJAX request without a category gets the fragment of that record, as after a tab visit.
 */
function fragmentFor(ajax: Map<string, string>, url: URL): string | undefined {
  const exact = ajax.get(keyOf(url));
  if (exact || url.searchParams.has('category_id')) return exact;
  for (const [key, file] of ajax) {
    const u = new URL(key, url.origin);
    u.searchParams.delete('category_id');
    if (keyOf(u) === keyOf(url)) return file;
  }
  return undefined;
}

export async function startRosarioServer(): Promise<{
  url: string;
  pageUrl(name: string): string;
  close(): Promise<void>;
}> {
  const { full, ajax } = loadEntries();
  const xhr = (req: IncomingMessage) => req.headers['x-requested-with'] === 'XMLHttpRequest';
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const fragment = xhr(req) ? fragmentFor(ajax, url) : undefined;
    const file = fragment ?? full.get(keyOf(url));
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not captured');
      return;
    }
    let html = readFileSync(file, 'utf8');
    if (!fragment && !xhr(req)) html = html.replace(/<head[^>]*>/i, (head) => `${head}${WAREHOUSE_STAND_IN}`);
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(html);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const manifest = JSON.parse(readFileSync(join(ROSARIO_DIR, 'manifest.json'), 'utf8')) as Entry[];
  return {
    url: origin,
    pageUrl(name) {
      const entry = manifest.find((e) => e.name === name);
      if (!entry?.url) throw new Error(`no captured page named ${name}`);
      const u = new URL(entry.url);
      return `${origin}${u.pathname}${u.search}`;
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

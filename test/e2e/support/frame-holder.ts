/**
 * A loopback server of top documents that hold frames, for browser tests of SIS pages in frames:
 * `/frame-holder.html?src=URL&src=URL…` is a page whose body is one `<iframe name="fN">` per `src` (any URL, e.g.
 * the demo SIS on another port or on a host Liaison is not enabled on). `&slow=MS` holds the top's own load back:
 * a parser-blocking script after the frames answers after MS milliseconds, so the top's DOMContentLoaded (and
 * Liaison's read of the top) comes after its frames were read, the order openSIS's `index.php` can take.
 */
import { listenLoopback } from './loopback';
import { createServer } from 'node:http';

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function holder(url: URL): string {
  const frames = url.searchParams
    .getAll('src')
    .map(
      (src, i) =>
        `<iframe name="f${i}" src="${escapeAttr(src)}" style="width:100%;height:45vh;border:1px solid #999"></iframe>`,
    )
    .join('');
  const slow = Number(url.searchParams.get('slow') ?? 0);
  const hold = slow > 0 ? `<script src="/slow.js?ms=${slow}"></script>` : '';
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Frame holder</title></head><body>${frames}${hold}</body></html>`;
}

export async function startFrameHolder(
  host = '127.0.0.1',
): Promise<{ url: string; holding(srcs: string[], opts?: { slowMs?: number }): string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/frame-holder.html') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(holder(url));
    } else if (url.pathname === '/slow.js') {
      const ms = Math.min(10_000, Number(url.searchParams.get('ms') ?? 0));
      setTimeout(
        () =>
          res.writeHead(200, { 'Content-Type': 'text/javascript', 'Cache-Control': 'no-store' }).end('/* held back */'),
        ms,
      );
    } else {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not here');
    }
  });
  const served = await listenLoopback(server, host);
  return {
    ...served,
    holding(srcs, opts = {}) {
      const q = new URLSearchParams(srcs.map((s) => ['src', s]));
      if (opts.slowMs) q.set('slow', String(opts.slowMs));
      return `${served.url}/frame-holder.html?${q}`;
    },
  };
}

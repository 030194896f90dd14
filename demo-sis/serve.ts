/**
 * Serves the demo SIS on 127.0.0.1 with Node built-ins only.
 *   tsx demo-sis/serve.ts [--port N]
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { NAV_SCRIPT } from './nav-script';
import type { District } from './district';
import { renderPage } from './render';

// The page's one inline script is allowed by hash, so an injected script or handler would not run even if
// escaping ever failed; styles are inline by design (no external assets).
const SCRIPT_HASH = createHash('sha256').update(NAV_SCRIPT).digest('base64');
const CSP = `default-src 'none'; script-src 'sha256-${SCRIPT_HASH}'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'`;

function handle(district: District | undefined, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('Method not allowed\n');
    return;
  }
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const fragment = req.headers['x-requested-with'] === 'XMLHttpRequest';
  let page: { status: number; html: string };
  try {
    page = renderPage(url, { fragment, district });
  } catch (err) {
    // A bug in one page must not take the server down mid-demo.
    console.error(err);
    page = { status: 500, html: 'Internal error' };
  }
  res.writeHead(page.status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    // The same URL answers with a whole page or a fragment.
    Vary: 'X-Requested-With',
  });
  res.end(req.method === 'HEAD' ? undefined : page.html);
}

/** `district` replaces the bundled demo data (benchmarks serve a generated district of thousands). */
export async function startDemoSis(
  opts: { port?: number; host?: string; district?: District } = {},
): Promise<{ url: string; close(): Promise<void> }> {
  const host = opts.host ?? '127.0.0.1';
  const server = createServer((req, res) => handle(opts.district, req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    // No trailing slash: callers write `${url}/students`.
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function portArg(argv: readonly string[]): number {
  const i = argv.indexOf('--port');
  const raw = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--port='))?.slice(7);
  const port = raw === undefined ? 4400 : Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0-65535, got ${raw}`);
  return port;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { url, close } = await startDemoSis({ port: portArg(process.argv.slice(2)) });
  console.log(`Sierra Vista USD demo SIS: ${url}  (Ctrl-C to stop)`);
  const stop = () => void close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

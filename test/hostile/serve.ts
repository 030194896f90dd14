/**
 * Serves the hostile corpus on 127.0.0.1 (port 0 by default) for the browser tests: each page at its own path,
 * named by `?hostile=<name>`. No CSP on purpose: an injected handler must be able to run if Liaison ever
 * inserted one, or the tests could not see it.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CORPUS } from './corpus';

export async function startHostileServer(port = 0): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const page = CORPUS.find((p) => p.name === url.searchParams.get('hostile'));
    if (!page) {
      res.writeHead(url.pathname === '/' ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(
        `<!DOCTYPE html><title>hostile corpus</title><ul>${CORPUS.map((p) => `<li><a href="${p.path.replace(/&/g, '&amp;')}">${p.name}</a></li>`).join('')}</ul>`,
      );
      return;
    }
    res.writeHead(page.status ?? 200, {
      'Content-Type': `${page.contentType ?? 'text/html'}; charset=utf-8`,
      'Cache-Control': 'no-store',
    });
    res.end(page.body());
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

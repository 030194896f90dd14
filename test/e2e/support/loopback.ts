import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Starts a test server on a free loopback port; `close` ends open connections too (browsers keep them alive). */
export async function listenLoopback(
  server: Server,
  host = '127.0.0.1',
): Promise<{ url: string; close(): Promise<void> }> {
  await new Promise<void>((done) => server.listen(0, host, done));
  return {
    url: `http://${host}:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

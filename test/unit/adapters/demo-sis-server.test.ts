// @vitest-environment node
// Node environment on purpose: happy-dom's fetch applies browser CORS rules to these requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoSis } from '../../../demo-sis/serve';

describe('demo SIS server', () => {
  let server: Awaited<ReturnType<typeof startDemoSis>>;
  beforeAll(async () => {
    server = await startDemoSis({ port: 0 });
  });
  afterAll(() => server?.close());

  it('listens on 127.0.0.1 on a free port', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url).not.toMatch(/:0$/);
  });

  it.each([
    ['/', 200],
    ['/students', 200],
    ['/students/1001', 200],
    ['/staff', 200],
    ['/staff?view=basic', 200],
    ['/staff/T111', 200],
    ['/students/9999', 404],
    ['/staff/T999', 404],
    ['/nope', 404],
  ])('GET %s → %i', async (path, status) => {
    const res = await fetch(new URL(path, server.url));
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const body = await res.text();
    expect(body).toMatch(/^<!DOCTYPE html>/);
    expect(body).toContain('<meta name="generator" content="Liaison Demo SIS">');
  });

  it('answers the XHR header with only the content fragment', async () => {
    const res = await fetch(new URL('/students/1001', server.url), {
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('vary')).toBe('X-Requested-With');
    const body = await res.text();
    expect(body.startsWith('<main id="content"')).toBe(true);
    expect(body.trimEnd().endsWith('</main>')).toBe(true);
    expect(body).not.toMatch(/<html|<head|<script|topbar/);
    expect(body).toContain('Jordan Rivera');
  });

  it('rejects other methods', async () => {
    expect((await fetch(server.url, { method: 'POST' })).status).toBe(405);
  });
});

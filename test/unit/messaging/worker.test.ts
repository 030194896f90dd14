import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LiaisonDb } from '../../../lib/db/database';
import type { TabMessage } from '../../../lib/messaging/protocol';
import { startWorker, type WorkerEnv } from '../../../lib/messaging/worker';

const SITE = 'https://sis.example.org';
const sender = { tabId: 3, url: `${SITE}/students/1`, frameId: 0 };

let db: LiaisonDb;
let k = 0;
beforeEach(() => {
  db = new LiaisonDb(`worker-${k++}`);
});
afterEach(async () => {
  await new Promise((r) => setTimeout(r, 50)); // the start-up chores (retention, access log) finish first
  await db.delete();
});

function env(over: Partial<WorkerEnv> = {}) {
  const opened: number[] = [];
  const toTabs: TabMessage[] = [];
  const e: WorkerEnv = {
    db,
    extensionBase: 'chrome-extension://abc/',
    enabledSites: async () => [`${SITE}/*`],
    policy: async () => ({}),
    startTeach: async () => undefined,
    sendToTab: async (_tab, msg) => void toTabs.push(msg),
    openSidePanel: (tabId) => void opened.push(tabId),
    openTabIds: async () => [],
    today: () => '2026-11-22',
    ...over,
  };
  return { worker: startWorker(e), opened, toTabs };
}

describe('the worker: one door for every message', () => {
  it('"Add note" opens the side panel synchronously once admitted, and a malformed one does not', async () => {
    const { worker, opened } = env();
    const reply = worker.onMessage({ type: 'note/compose', studentId: '1' }, sender);
    expect(opened).toEqual([3]);
    expect(await reply).toEqual({ ok: true });
    expect(await worker.onMessage({ type: 'note/compose', studentId: 7 }, sender)).toMatchObject({ ok: false });
    expect(opened).toEqual([3]);
  });

  it("answers the side panel's questions from extension pages only", async () => {
    const { worker } = env();
    const ask = { type: 'panel/read-summary', tabId: 3 };
    expect(await worker.onMessage(ask, { url: 'chrome-extension://abc/sidepanel.html' })).toEqual({
      ok: true,
      summary: null,
    });
    expect(await worker.onMessage(ask, sender)).toEqual({ ok: false, error: 'malformed message' });
  });
});

/**
 * The worker's side of a page read, alone (issue 13): a 2,000-row student list answered by the message handler over
 * fake-indexeddb, with its 200 staff read before from their own list. Times the reply (what the page waits for)
 * (every write of the read is stored before it), for a first read and for the same list read again. No browser: fake-indexeddb
 * is slower than a browser's IndexedDB, so read these figures against each other, not against the roster's.
 */
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { LiaisonDb } from '../lib/db/database';
import type { Snapshot } from '../lib/domain';
import { handleContentMessage, type HandlerContext } from '../lib/messaging/handler';
import { generateDistrict } from './district';

const SITE = 'https://sis.bench.invalid';
const ASOF = '2026-11-22';

export interface IngestBench {
  /** First read of the list: until the page has its answer (every write of the read is stored by then). */
  firstReplyMs: number;
  /** The same list read again (nothing changed). */
  rereadReplyMs: number;
}

const snapshot = (pageType: Snapshot['pageType'], students: Snapshot['students'], staff: Snapshot['staff']) => ({
  url: `${SITE}/${pageType}`,
  profile: 'bench',
  pageType,
  students,
  staff,
  diagnostics: [],
});

async function oneRun(run: number): Promise<IngestBench> {
  const d = generateDistrict(2000, 200);
  const db = new LiaisonDb(`bench-ingest-${run}`);
  const ctx: HandlerContext = { db, asOf: () => ASOF, enabledSites: async () => [`${new URL(SITE).origin}/*`] };
  const send = (snap: Snapshot) =>
    handleContentMessage(ctx, { type: 'page/snapshot', snapshot: snap }, { tabId: 1, url: snap.url });
  await send(snapshot('staff-list', [], d.staff));
  const list = snapshot('student-list', d.students, []);
  const timed = async () => {
    const t0 = performance.now();
    const reply = await send(structuredClone(list));
    if (!reply.ok) throw new Error('the bench read was refused');
    return performance.now() - t0;
  };
  const firstReplyMs = await timed();
  const rereadReplyMs = await timed();
  db.close();
  await db.delete();
  return { firstReplyMs, rereadReplyMs };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** Median of `runs` runs, each on a fresh database. */
export async function benchIngest(runs = 5): Promise<IngestBench> {
  const all: IngestBench[] = [];
  for (let i = 0; i < runs; i++) all.push(await oneRun(i));
  const out = {} as IngestBench;
  for (const k of Object.keys(all[0] ?? {}) as (keyof IngestBench)[]) out[k] = Math.round(median(all.map((r) => r[k])));
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  benchIngest(Number(process.argv[2] ?? 5)).then((r) => console.log(JSON.stringify(r)));
}

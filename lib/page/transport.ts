import type { Snapshot } from '../domain';
import type { PageSubject, ReplyFor } from '../messaging/protocol';
import type { SendToWorker } from '../messaging/send';
import { canonicalId } from '../domain/ids';
import { PART_BUDGET_CHARS, splitSnapshot } from './split';

/** The worker took none of the tries: the page is read again later rather than left waiting. */
export class NotDelivered extends Error {
  override name = 'NotDelivered';
}

/** Pauses before each new try of a message the worker did not take (milliseconds; about 6 s in all). */
const RETRY_MS = [100, 250, 500, 1000, 1500, 2500];

/**
 * A page's messages to the worker and what it answered. It keeps the last Snapshot sent (as JSON) with the worker's
 * answer, so a re-read that yields the same Snapshot for the same URL sends nothing and markers recreated by a
 * partial update get the findings already known.
 */
export class PageTransport {
  private last: { key: string; subjects: PageSubject[] | null } | null = null;
  /** Sends a page's Snapshot: tried again while the worker is not listening yet. */
  private readonly sendRetrying: SendToWorker;

  constructor(
    private readonly send: SendToWorker,
    alive: () => boolean,
  ) {
    this.sendRetrying = retrying(send, alive);
  }

  /** The worker's answer to the last Snapshot sent, when `key` (its JSON) is that Snapshot's; else null. */
  known(key: string): PageSubject[] | null {
    return this.last?.key === key ? this.last.subjects : null;
  }

  /**
   * Sends a page's Snapshot (`key`: its JSON), in parts when it is big, and joins the worker's answers into one.
   * Rejects with NotDelivered when the worker took none of the tries.
   */
  sendPage(snapshot: Snapshot, key: string): Promise<ReplyFor<'page/snapshot'>> {
    this.last = { key, subjects: null };
    return sendInParts(this.sendRetrying, snapshot, key.length);
  }

  /** Keeps the worker's answer to the page last sent, for re-reads that find the same Snapshot. */
  answered(subjects: PageSubject[]): void {
    if (this.last) this.last.subjects = subjects;
  }

  /** Tells the worker the page at `url` is not recognized, unless that was the last thing said (tried once). */
  async unrecognized(url: string): Promise<void> {
    const key = `unrecognized ${url}`;
    if (this.last?.key === key) return;
    this.last = { key, subjects: null };
    await this.send({ type: 'page/unrecognized', url }).catch(() => undefined);
  }

  /** Findings the worker re-checked after another page: kept for re-reads, under the ids this page shows. */
  merge(subjects: readonly PageSubject[]): void {
    if (!this.last?.subjects) return;
    const fresh = new Map(subjects.map((s) => [`${s.kind}:${canonicalId(s.id)}`, s]));
    this.last.subjects = this.last.subjects.map((s) => {
      const f = fresh.get(`${s.kind}:${canonicalId(s.id)}`);
      return f ? { ...f, id: s.id } : s;
    });
  }

  /** Forgets what was sent: the next read sends again (the site's profiles changed, or a send was not delivered). */
  forget(): void {
    this.last = null;
  }
}

/**
 * A send that tries again when the message did not reach the worker: the first page after the browser starts can
 * be read before the worker listens ("Receiving end does not exist"), and then its badges would wait for an answer
 * that never comes. A reply (even a refusal) is an answer and is not retried; a script whose extension is gone stops.
 */
function retrying(send: SendToWorker, alive: () => boolean): SendToWorker {
  return async (msg) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await send(msg);
      } catch (err) {
        const pause = RETRY_MS[attempt];
        if (!alive()) throw err;
        if (pause === undefined) throw new NotDelivered();
        await new Promise((r) => setTimeout(r, pause));
      }
    }
  };
}

/** Sends a page's Snapshot, in parts when it is big, and joins the worker's answers into one. */
async function sendInParts(send: SendToWorker, snapshot: Snapshot, size: number): Promise<ReplyFor<'page/snapshot'>> {
  // Splitting a big page is a task of its own, not one more step of the read's.
  if (size > PART_BUDGET_CHARS) await new Promise((r) => setTimeout(r));
  const parts = splitSnapshot(snapshot, PART_BUDGET_CHARS, size);
  const subjects: PageSubject[] = [];
  for (const [index, part] of parts.entries()) {
    const reply = await send({
      type: 'page/snapshot',
      snapshot: part,
      ...(parts.length > 1 ? { part: { index, count: parts.length } } : {}),
    });
    if (!reply.ok) return reply;
    subjects.push(...reply.subjects);
  }
  return { ok: true, subjects };
}

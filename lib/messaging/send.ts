import type { ContentMessage, ReplyFor } from './protocol';

/**
 * Sends one content message to the worker and gives the sender that message's reply type (`ReplyFor`, one table in
 * lib/messaging/protocol): `send({ type: 'profiles/get' })` resolves to the site's profiles or a refusal.
 */
export type SendToWorker = <M extends ContentMessage>(msg: M) => Promise<ReplyFor<M['type']>>;

/**
 * A typed `send` over the extension's messaging (`runtime.sendMessage`; tests pass their own). The reply is taken as
 * its message's type here, once, without parsing: it comes from Liaison's own worker, whose handler is typed by the
 * same table (what is untrusted, the page, is parsed on the worker's side), and the SIS content script may not load
 * zod (test/unit/conventions/content-script.test.ts).
 */
export function workerSender(post: (msg: ContentMessage) => Promise<unknown>): SendToWorker {
  return <M extends ContentMessage>(msg: M) => post(msg) as Promise<ReplyFor<M['type']>>;
}

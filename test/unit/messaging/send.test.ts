import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ErrorReply, PageFindingsReply, SiteProfilesReply } from '../../../lib/messaging/protocol';
import { workerSender } from '../../../lib/messaging/send';

describe('workerSender: each message gets its own reply type', () => {
  it('passes the message through and types the reply by the message', async () => {
    const posted: unknown[] = [];
    const send = workerSender(async (msg) => {
      posted.push(msg);
      return { ok: true, profiles: [], disabledAdapters: [] };
    });
    const reply = await send({ type: 'profiles/get' });
    expect(posted).toEqual([{ type: 'profiles/get' }]);
    expectTypeOf(reply).toEqualTypeOf<SiteProfilesReply | ErrorReply>();
    expectTypeOf(send({ type: 'page/unrecognized', url: 'http://x/' })).resolves.not.toHaveProperty('subjects');
    expectTypeOf<Awaited<ReturnType<typeof send<{ type: 'page/snapshot'; snapshot: never }>>>>().toEqualTypeOf<
      PageFindingsReply | ErrorReply
    >();
  });
});

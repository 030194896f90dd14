import { pickAdapter } from '@/lib/adapters/registry';
import type { Reply } from '@/lib/messaging/protocol';
import { startPageController } from '@/lib/page/controller';

export default defineContentScript({
  // The test build runs on local demo and fixture servers from the manifest; the store build registers this
  // script at run time, only for the sites the user enabled.
  matches: ['http://127.0.0.1/*', 'http://localhost/*'],
  registration: import.meta.env.MODE === 'test' ? 'manifest' : 'runtime',
  runAt: 'document_idle',
  main(ctx) {
    const controller = startPageController({
      doc: document,
      location: () => location.href,
      pick: pickAdapter,
      // Replies come from Liaison's own worker; what is untrusted (the page) is parsed on the worker's side.
      send: (msg) => browser.runtime.sendMessage(msg) as Promise<Reply>,
      onCompose: (studentId) => void browser.runtime.sendMessage({ type: 'note/compose', studentId }).catch(() => undefined),
    });
    if (!controller) return;
    ctx.onInvalidated(() => controller.stop());
    void controller.read();
  },
});

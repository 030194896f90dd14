import '@/lib/zod-jitless';
import { createChip } from '@/components/teach/chip';
import type { FrameStateReply, PageSubject, TabMessage } from '@/lib/messaging/protocol';
import { workerSender, type SendToWorker } from '@/lib/messaging/send';
import { startPageController, UI_ATTR } from '@/lib/page/controller';
import { chipWanted, hostsSiteFrames, isTopFrame } from '@/lib/page/frames';
import { sitePicker, type SiteProfiles } from '@/lib/teach/pick';

const NONE: SiteProfiles = { profiles: [], disabledAdapters: [] };

/**
 * Messages to the worker, each answered with its own reply type. Replies come from Liaison's own worker; what is
 * untrusted (the page) is parsed on the worker's side.
 */
const send: SendToWorker = workerSender((msg) => browser.runtime.sendMessage(msg));

/** The site's profiles from the worker (which parsed them); no answer means built-in adapters only. */
async function loadSiteProfiles(): Promise<SiteProfiles> {
  try {
    const reply = await send({ type: 'profiles/get' });
    return reply.ok ? { profiles: reply.profiles, disabledAdapters: reply.disabledAdapters } : NONE;
  } catch {
    return NONE;
  }
}

export default defineContentScript({
  // The test build runs on local demo and fixture servers from the manifest; the store build registers this
  // script at run time, only for the sites the user enabled.
  matches: ['http://127.0.0.1/*', 'http://localhost/*'],
  registration: import.meta.env.MODE === 'test' ? 'manifest' : 'runtime',
  // Some SIS show every page in a frame of their own site (openSIS: `<iframe name="body">`); each frame is read
  // on its own. The runtime registration (lib/sites/registration) says the same.
  allFrames: true,
  runAt: 'document_idle',
  async main(ctx) {
    let pick = sitePicker(NONE);
    const chip = createChip(document, () => void send({ type: 'teach/start' }).catch(() => undefined), UI_ATTR);
    const controller = startPageController({
      doc: document,
      location: () => location.href,
      pick: (url, doc) => pick(url, doc),
      send,
      onCompose: (studentId) => void send({ type: 'note/compose', studentId }).catch(() => undefined),
      onRecognized: (recognized) =>
        chip.show(
          chipWanted({
            recognized,
            top: isTopFrame(window),
            hostsSiteFrames: hostsSiteFrames(document, location.href),
          }),
        ),
      alive: () => ctx.isValid,
    });
    if (!controller) return;
    // A TabMessage from Liaison's own worker (a page's scripts cannot send to this listener), which typed it; read
    // without zod, its one field beyond the type checked to be a list.
    const onMessage = (raw: unknown) => {
      const msg = raw as { type?: TabMessage['type']; subjects?: unknown } | null;
      // The worker asks whether this frame still shows records before another frame of the tab takes the side
      // panel's "this page" over (lib/db/page-read); it parses the answer.
      if (msg?.type === 'page/state')
        return Promise.resolve({ records: controller.records() } satisfies FrameStateReply);
      // Re-checked findings of records this page shows (a staff page was read in another tab).
      if (msg?.type === 'page/findings') {
        if (Array.isArray(msg.subjects)) void controller.update(msg.subjects as PageSubject[]);
        return;
      }
      if (msg?.type !== 'profiles/changed') return;
      void loadSiteProfiles().then((site) => {
        pick = sitePicker(site);
        return controller.refresh();
      });
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      chip.remove();
      controller.stop();
    });
    pick = sitePicker(await loadSiteProfiles());
    void controller.read();
  },
});

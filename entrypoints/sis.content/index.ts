import '@/lib/zod-jitless';
import { createChip } from '@/components/teach/chip';
import type { Reply, SiteProfilesReply } from '@/lib/messaging/protocol';
import { startPageController, UI_ATTR } from '@/lib/page/controller';
import { chipWanted, hostsSiteFrames, isTopFrame } from '@/lib/page/frames';
import { sitePicker, type SiteProfiles } from '@/lib/teach/pick';

const NONE: SiteProfiles = { profiles: [], disabledAdapters: [] };

/** The site's profiles from the worker (which parsed them); no answer means built-in adapters only. */
async function loadSiteProfiles(): Promise<SiteProfiles> {
  try {
    const reply = (await browser.runtime.sendMessage({ type: 'profiles/get' })) as Reply;
    return reply.ok && 'profiles' in reply ? (reply as SiteProfilesReply) : NONE;
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
    const send = (msg: object) => browser.runtime.sendMessage(msg) as Promise<Reply>;
    const chip = createChip(document, () => void send({ type: 'teach/start' }).catch(() => undefined), UI_ATTR);
    const controller = startPageController({
      doc: document,
      location: () => location.href,
      pick: (url, doc) => pick(url, doc),
      // Replies come from Liaison's own worker; what is untrusted (the page) is parsed on the worker's side.
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
    const onMessage = (msg: unknown) => {
      const type = (msg as { type?: unknown } | null)?.type;
      // The worker asks whether this frame still shows records before another frame of the tab takes the side
      // panel's "this page" over (lib/db/ingest).
      if (type === 'page/state') return Promise.resolve({ records: controller.records() });
      // Re-checked findings of records this page shows (a staff page was read in another tab).
      if (type === 'page/findings') {
        const subjects = (msg as { subjects?: unknown }).subjects;
        if (Array.isArray(subjects)) void controller.update(subjects as Parameters<typeof controller.update>[0]);
        return;
      }
      if (type !== 'profiles/changed') return;
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

import '@/lib/zod-jitless';
import { openToolbar, type Toolbar } from '@/components/teach/toolbar';
import { readWithProfile } from '@/lib/adapters/generic/profile-check';
import { workerSender } from '@/lib/messaging/send';
import { UI_ATTR } from '@/lib/page/controller';
import { taughtProfileId } from '@/lib/teach/draft';

/** The open toolbar, kept in this isolated world (the page cannot see it): teach mode never opens twice. */
const OPEN = Symbol.for('liaison.teach.toolbar');
type Holder = { [OPEN]?: Toolbar | null };

/**
 * Teach mode, injected into the tab only when the user asks (side panel or the page's chip), so the content
 * script that runs on every SIS page stays small. Runs in the same isolated world as that script.
 */
export default defineUnlistedScript(async () => {
  const holder = globalThis as Holder;
  const open = holder[OPEN];
  if (open?.host.isConnected) return open.root.querySelector('button')?.focus(); // already teaching: never twice
  const send = workerSender((msg) => browser.runtime.sendMessage(msg));
  const reply = await send({ type: 'profiles/get' }).catch(() => null);
  const profiles = reply?.ok ? reply.profiles : [];
  if (holder[OPEN]?.host.isConnected) return; // a second request arrived while this one waited
  holder[OPEN] = openToolbar(
    {
      doc: document,
      url: () => new URL(location.href),
      read: (profile, url) => readWithProfile(document, url, profile),
      save: async (profile) => {
        const r = await send({ type: 'profiles/save', profile });
        return r.ok ? { ok: true } : { ok: false, error: r.error };
      },
      existing: profiles.find((p) => p.id === taughtProfileId(location.hostname)) ?? null,
      uiAttr: UI_ATTR,
      // The test build keeps shadow roots open for Playwright (DESIGN.md); the store build closes the toolbar to
      // the page's scripts, since its preview shows findings.
      shadowMode: import.meta.env.MODE === 'test' ? 'open' : 'closed',
    },
    () => {
      holder[OPEN] = null;
    },
  );
});

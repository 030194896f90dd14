import { openToolbar, TEACH_ATTR } from '@/components/teach/toolbar';
import { readWithProfile } from '@/lib/adapters/generic/profile-check';
import type { Reply } from '@/lib/messaging/protocol';
import { UI_ATTR } from '@/lib/page/controller';
import { taughtProfileId } from '@/lib/teach/draft';

/**
 * Teach mode, injected into the tab only when the user asks (side panel or the page's chip), so the content
 * script that runs on every SIS page stays small. Runs in the same isolated world as that script.
 */
export default defineUnlistedScript(async () => {
  const open = document.querySelector<HTMLElement>(`[${TEACH_ATTR}]`);
  if (open) return open.shadowRoot?.querySelector('button')?.focus(); // already teaching: never twice
  const send = (msg: object) => browser.runtime.sendMessage(msg) as Promise<Reply>;
  const reply = await send({ type: 'profiles/get' }).catch(() => null);
  const profiles = reply?.ok && 'profiles' in reply ? reply.profiles : [];
  openToolbar(
    {
      doc: document,
      url: () => new URL(location.href),
      read: (profile) => readWithProfile(document, location.href, profile),
      save: async (profile) => {
        const r = await send({ type: 'profiles/save', profile });
        return r.ok ? { ok: true } : { ok: false, error: 'error' in r ? r.error : undefined };
      },
      existing: profiles.find((p) => p.id === taughtProfileId(location.hostname)) ?? null,
      uiAttr: UI_ATTR,
    },
    () => undefined,
  );
});

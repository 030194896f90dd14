import { useEffect } from 'preact/hooks';
import type { LiaisonDb } from '../../lib/db/database';
import { todayIso } from '../../lib/dates';
import { openFollowUpsBy } from '../../lib/notes/repo';
import type { NoteSettings } from '../../lib/notes/schema';
import { saveNoteSettings } from '../../lib/notes/settings';
import { canNotify, notify } from './platform';

/**
 * The opt-in due-day notification: once a day, when the panel is open and follow-ups fall due today. It
 * says how many, never whose (a notification shows on a shared or locked screen).
 */
export function useDueNotification(db: LiaisonDb, settings: NoteSettings | undefined) {
  useEffect(() => {
    const today = todayIso();
    if (!settings?.notify || settings.notifiedOn === today) return;
    void (async () => {
      if (!(await canNotify())) return;
      // From the clear index: counting needs no key, so the reminder comes while notes are locked too.
      const due = (await openFollowUpsBy(db, today)).length;
      await saveNoteSettings(db, { notifiedOn: today });
      if (due)
        await notify('Liaison follow-ups', `${due} note follow-up${due === 1 ? ' is' : 's are'} due or overdue today.`);
    })().catch(() => undefined);
  }, [db, settings?.notify, settings?.notifiedOn]);
}

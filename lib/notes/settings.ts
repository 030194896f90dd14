import type { LiaisonDb } from '../db/database';
import { NoteSettings, type Role } from './schema';

const KEY = 'notes';

/** Note settings with defaults filled in; a damaged value falls back field by field. */
export async function loadNoteSettings(db: LiaisonDb): Promise<NoteSettings> {
  const row = await db.settings.get(KEY);
  const value = row?.value && typeof row.value === 'object' ? row.value : {};
  return NoteSettings.parse(value);
}

export async function saveNoteSettings(db: LiaisonDb, patch: Partial<NoteSettings>): Promise<NoteSettings> {
  return db.transaction('rw', db.settings, async () => {
    const next = NoteSettings.parse({ ...(await loadNoteSettings(db)), ...patch });
    await db.settings.put({ key: KEY, value: next, updatedAt: Date.now() });
    return next;
  });
}

/** What a role changes: which tab opens first, and who a new note is with, by what means. */
export interface RoleDefaults {
  tab: 'checks' | 'notes' | 'followups';
  with: 'parent' | 'teacher' | 'case-manager';
  mode: 'phone' | 'meeting' | 'message';
  /** Teachers see who the case manager is and how to reach them; parent due diligence is the CM's duty. */
  showCaseManagerContact: boolean;
  showDueDiligence: boolean;
}

export const ROLE_DEFAULTS: Record<Role, RoleDefaults> = {
  'case-manager': { tab: 'checks', with: 'parent', mode: 'phone', showCaseManagerContact: false, showDueDiligence: true },
  administrator: { tab: 'checks', with: 'teacher', mode: 'meeting', showCaseManagerContact: true, showDueDiligence: true },
  teacher: { tab: 'notes', with: 'case-manager', mode: 'message', showCaseManagerContact: true, showDueDiligence: false },
};

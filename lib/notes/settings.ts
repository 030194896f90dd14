import type { LiaisonDb } from '../db/database';
import { NoteSettings, Role } from './schema';

const KEY = 'notes';

/** What the user chose, as stored: only the fields they set. */
async function chosen(db: LiaisonDb): Promise<Record<string, unknown>> {
  const row = await db.settings.get(KEY);
  return row?.value && typeof row.value === 'object' && !Array.isArray(row.value)
    ? (row.value as Record<string, unknown>)
    : {};
}

/**
 * Note settings with defaults filled in; a damaged value falls back field by field. `defaults.role` is the
 * district's `defaultRole` (policy): it applies until the user picks a role of their own.
 */
export async function loadNoteSettings(db: LiaisonDb, defaults: { role?: Role } = {}): Promise<NoteSettings> {
  const value = await chosen(db);
  const own = Role.safeParse(value.role);
  return NoteSettings.parse({ ...value, role: own.success ? own.data : (defaults.role ?? value.role) });
}

/** Stores the fields the user changed, and only those: a default (the policy's role) is never saved as a choice. */
export async function saveNoteSettings(db: LiaisonDb, patch: Partial<NoteSettings>): Promise<NoteSettings> {
  return db.transaction('rw', db.settings, async () => {
    const next = { ...(await chosen(db)), ...patch };
    await db.settings.put({ key: KEY, value: next, updatedAt: Date.now() });
    return NoteSettings.parse(next);
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
  'case-manager': {
    tab: 'checks',
    with: 'parent',
    mode: 'phone',
    showCaseManagerContact: false,
    showDueDiligence: true,
  },
  administrator: {
    tab: 'checks',
    with: 'teacher',
    mode: 'meeting',
    showCaseManagerContact: true,
    showDueDiligence: true,
  },
  teacher: {
    tab: 'notes',
    with: 'case-manager',
    mode: 'message',
    showCaseManagerContact: true,
    showDueDiligence: false,
  },
};

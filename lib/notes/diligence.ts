import { current, type ContactMode, type Note } from './schema';

export interface DiligenceAttempt {
  noteId: string;
  at: string;
  mode: ContactMode;
  reached: boolean;
}

export interface DueDiligence {
  /** Every recorded attempt to reach a parent/guardian, reached or not. */
  attempts: number;
  reached: number;
  /** Attempts by mode, every mode present (0 when none) so the summary reads the same each time. */
  byMode: Record<ContactMode, number>;
  /** Oldest first: the order a district's due-diligence form lists them. */
  list: DiligenceAttempt[];
}

const MODES: ContactMode[] = ['phone', 'email', 'message', 'in-person', 'meeting'];

/**
 * Attempts to reach a parent or guardian, the record districts ask for before holding an IEP meeting without
 * them. Deleted and private notes do not count: the record must be one the district could show.
 */
export function dueDiligence(notes: readonly Note[], since?: string): DueDiligence {
  const byMode = Object.fromEntries(MODES.map((m) => [m, 0])) as Record<ContactMode, number>;
  const list: DiligenceAttempt[] = [];
  for (const n of notes) {
    const v = current(n);
    if (n.deletedAt !== null || v.private || v.with !== 'parent') continue;
    if (since && v.at.slice(0, 10) < since) continue;
    byMode[v.mode]++;
    list.push({ noteId: n.id, at: v.at, mode: v.mode, reached: v.outcome === 'reached' });
  }
  list.sort((a, b) => a.at.localeCompare(b.at));
  return { attempts: list.length, reached: list.filter((a) => a.reached).length, byMode, list };
}

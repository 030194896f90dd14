import { z } from 'zod';
import type { LiaisonDb } from '../db/database';
import { personNameKey } from '../domain/names';
import { staffResolver } from '../domain/staff-resolver';
import type { Policy } from '../policy/schema';
import { Role } from '../notes/schema';
import { saveNoteSettings } from '../notes/settings';
import { saveMe, type Me } from '../district/settings';

const KEY = 'setup.firstRun';

/** Whether the first-run step was answered (or skipped): it asks once. */
export const FirstRunState = z.object({ done: z.boolean(), at: z.number() });

/**
 * Done when answered or skipped, and for someone who already set Liaison up before the step existed (note
 * settings or "I am" saved): it is the first open that asks, not an upgrade.
 */
export async function firstRunDone(db: LiaisonDb): Promise<boolean> {
  const [state, notes, me] = await db.settings.bulkGet([KEY, 'notes', 'caseload.me']);
  const parsed = FirstRunState.safeParse(state?.value);
  if (parsed.success) return parsed.data.done;
  return notes !== undefined || (me !== undefined && me.value !== null);
}

/** A staff member the user can pick as themselves. */
export interface Person {
  site: string;
  staffId: string;
  name: string;
}

/** The option text of a person in the picker: name and id, so two people of one name stay apart. */
export const personLabel = (p: Person) => `${p.name} (${p.staffId})`;

/**
 * Who the typed or picked text names: a person of the list when it is their label, or their name alone when
 * only one person has it; otherwise nobody (a name typed by someone Liaison has not seen yet).
 */
export function pickPerson(text: string, people: readonly Person[]): Person | null {
  // The one staff resolver (lib/domain/staff-resolver.ts), each person's label standing as their id (people of
  // several sites may share a staff id): the label names its person, a bare name only the one who has it.
  const resolver = staffResolver(people, personLabel, (p) => personNameKey(p.name));
  return resolver.resolve(null, text)?.hit ?? null;
}

/** What the step starts with: the role the district presets (policy `defaultRole`), else the current one; the SIS address the district lists first. */
export function firstRunDefaults(
  policy: Pick<Policy, 'defaultRole' | 'enabledSites'>,
  current: { role: z.infer<typeof Role> },
) {
  return { role: policy.defaultRole ?? current.role, site: policy.enabledSites?.[0] ?? '' };
}

export interface FirstRunAnswers {
  /** What the user typed or picked as their name. */
  who: string;
  role: z.infer<typeof Role>;
}

/**
 * Saves the answers in one go: the role, the name notes are signed with, and "I am" (My caseload) when the name
 * is someone Liaison has seen; then the step is done. Returns who was picked (null: a typed name only).
 */
export async function saveFirstRun(
  db: LiaisonDb,
  answers: FirstRunAnswers,
  people: readonly Person[],
  now = Date.now(),
): Promise<Me> {
  const person = pickPerson(answers.who, people);
  const name = person?.name ?? answers.who.trim();
  const me: Me = person ? { site: person.site, staffId: person.staffId } : null;
  await db.transaction('rw', db.settings, async () => {
    await saveNoteSettings(db, { role: Role.parse(answers.role), ...(name ? { authorName: name } : {}) });
    if (me) await saveMe(db, me, now);
    await db.settings.put({ key: KEY, value: { done: true, at: now }, updatedAt: now });
  });
  return me;
}

/** "Not now": the step does not ask again; everything it sets can be changed later where it lives. */
export async function skipFirstRun(db: LiaisonDb, now = Date.now()): Promise<void> {
  await db.settings.put({ key: KEY, value: { done: true, at: now }, updatedAt: now });
}

/** Staff of the site the user works in, for the picker (by name). */
export async function peopleOf(db: LiaisonDb, site: string | null): Promise<Person[]> {
  if (!site) return [];
  const rows = await db.staff.where('site').equals(site).toArray();
  return rows
    .map((r) => ({ site: r.site, staffId: r.id, name: r.record.name }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

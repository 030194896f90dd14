import type { Staff } from '../domain/records';
import { personNameKey } from '../domain/names';
import { staffResolver } from '../domain/staff-resolver';
import { normalizeCredential, type NormalizedCredential } from './normalize/credential';
import type { Credential } from '../domain/records';

export interface DocInfo {
  cred: Credential;
  norm: NormalizedCredential;
  /** Valid through the expiration day (RULES.md): expired when it ends before the as-of date. */
  expired: boolean;
}

export interface StaffInfo {
  staff: Staff;
  /** Some credential document is on record (absent, null or empty lists: the credentials are unknown). */
  known: boolean;
  /** The credential list was read (`[]` included); absent or null means never read (RULES.md check 8). */
  read: boolean;
  docs: DocInfo[];
  valid: DocInfo[];
  nameKey: string;
  /** Per-run caches of what is computed from the documents (lib/rules/coverage.ts). */
  memo: { verdicts: Map<number, unknown>; base?: unknown; holdings?: string };
}

/** A staff reference from a student record: a staff record, or a name/id with no record yet. */
export type StaffRef =
  | { kind: 'staff'; info: StaffInfo }
  | { kind: 'unknown'; label: string; id: string | null; nameKey: string; ambiguous: boolean };

export interface RuleStaffIndex {
  byId: ReadonlyMap<string, StaffInfo>;
  resolve(id: string | null | undefined, name: string | null | undefined): StaffRef | null;
}

/** Indexes staff once (lib/domain/staff-resolver.ts resolves every reference, as everywhere else). */
export function indexStaff(staff: readonly Staff[], asOf: string): RuleStaffIndex {
  const infos = staff.map((s): StaffInfo => {
    // A document with no field at all is no document; one with only a date or kind is held and unrecognized.
    const docs = (s.credentials ?? [])
      .filter((c) => c.title || c.authorizations?.length || c.kind || c.issued || c.expires)
      .map((cred) => ({
        cred,
        norm: normalizeCredential(cred),
        expired: !!cred.expires && cred.expires < asOf,
      }));
    return {
      staff: s,
      known: docs.length > 0,
      read: s.credentials != null,
      docs,
      valid: docs.filter((d) => !d.expired),
      nameKey: personNameKey(s.name),
      memo: { verdicts: new Map() },
    };
  });
  const resolver = staffResolver(
    infos,
    (i) => i.staff.id,
    (i) => i.nameKey,
  );
  const resolve = (id: string | null | undefined, name: string | null | undefined): StaffRef | null => {
    const m = resolver.resolve(id, name);
    if (!m) return null;
    if (m.hit) return { kind: 'staff', info: m.hit };
    return { kind: 'unknown', label: m.label, id: m.id, nameKey: m.nameKey, ambiguous: m.ambiguous };
  };
  return { byId: resolver.byId, resolve };
}

export function refLabel(ref: StaffRef): string {
  return ref.kind === 'staff' ? ref.info.staff.name || ref.info.staff.id : ref.label;
}

function refKeys(r: StaffRef): string[] {
  if (r.kind === 'staff') return [`id:${r.info.staff.id}`, `n:${r.info.nameKey}`];
  const keys: string[] = [];
  if (r.id) keys.push(`id:${r.id}`);
  if (r.nameKey) keys.push(`n:${r.nameKey}`);
  return keys;
}

/** Whether two references point at the same person (same record, or same id or name when unrecorded). */
export function sameStaff(a: StaffRef | null, b: StaffRef | null): boolean {
  if (!a || !b) return false;
  if (a.kind === 'staff' && b.kind === 'staff') return a.info === b.info;
  const ka = refKeys(a).filter((k) => k !== 'n:');
  return refKeys(b).some((k) => k !== 'n:' && ka.includes(k));
}

/**
 * With partial staff knowledge, someone Liaison has not seen: no staff record, or credentials never read. Not a
 * fault of the assignment, so their gaps are "not checked" (RULES.md check 8). With complete knowledge, nobody.
 */
export function unseen(ref: StaffRef, partial: boolean): boolean {
  return partial && (ref.kind === 'unknown' || !ref.info.read);
}

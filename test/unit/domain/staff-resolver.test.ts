import { describe, expect, it } from 'vitest';
import { personNameKey } from '../../../lib/domain/names';
import { staffResolver } from '../../../lib/domain/staff-resolver';

const staff = [
  { id: 'T1', name: 'Maria Gonzalez' },
  { id: 'T2', name: 'Sam Lee' },
  { id: 'T3', name: 'Sam Lee' },
  { id: 'T4', name: 'Priya Patel' },
];
const r = staffResolver(
  staff,
  (s) => s.id,
  (s) => personNameKey(s.name),
);
const hit = (id: string | null, name: string | null) => {
  const m = r.resolve(id, name);
  return m?.hit?.id ?? null;
};

describe('staffResolver: the one way a staff reference names a person', () => {
  it('an id names its record, whatever the name says', () => {
    expect(hit('T4', 'Sam Lee')).toBe('T4');
    expect(hit(' T1 ', null)).toBe('T1');
  });
  it('a name matches only the one staff member who has it, in any of its written forms', () => {
    expect(hit(null, 'Gonzalez, Maria')).toBe('T1');
    expect(hit(null, 'Ms. Maria Gonzalez')).toBe('T1');
  });
  it('a name two people share matches neither, and says it is ambiguous', () => {
    expect(r.resolve(null, 'Sam Lee')).toEqual({
      hit: null,
      label: 'Sam Lee',
      id: null,
      nameKey: 'sam lee',
      ambiguous: true,
    });
  });
  it('an id with no record matches nobody, not a same-named person', () => {
    expect(r.resolve('T9', 'Maria Gonzalez')).toMatchObject({ hit: null, id: 'T9', ambiguous: false });
  });
  it('a staff id written where the name goes matches that id', () => {
    expect(hit(null, 'T2')).toBe('T2');
  });
  it('no id and no name is no reference', () => {
    expect(r.resolve(null, '  ')).toBeNull();
    expect(r.resolve(undefined, undefined)).toBeNull();
  });
});

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { Policy } from '../../../lib/policy/schema';

type Prop = { type?: string; enum?: unknown[]; items?: Prop };
const managed = JSON.parse(readFileSync(resolve(__dirname, '../../../public/managed_schema.json'), 'utf8')) as {
  properties: Record<string, Prop>;
};

/** What the browser's managed-storage schema can say of a field: its type, item type and allowed values. */
function shapeOf(p: Prop): unknown {
  return { type: p.type, enum: p.enum ? [...p.enum].sort() : undefined, items: p.items?.type };
}

describe('conventions: public/managed_schema.json is the policy schema (lib/policy/schema.ts)', () => {
  const fromZod = z.toJSONSchema(Policy, { unrepresentable: 'any' }) as { properties: Record<string, Prop> };

  it('names the same settings', () => {
    expect(
      Object.keys(managed.properties).sort(),
      'Add the setting to both lib/policy/schema.ts (what Liaison reads) and public/managed_schema.json (what a district can deploy).',
    ).toEqual(Object.keys(Policy.shape).sort());
  });

  it('gives each setting the type, item type and values Liaison accepts', () => {
    for (const key of Object.keys(Policy.shape)) {
      const mine = fromZod.properties[key]!;
      const theirs = managed.properties[key] ?? {};
      const want = shapeOf({ ...mine, items: mine.items && { type: mine.items.type ?? 'object' } });
      expect(shapeOf(theirs), `managed_schema.json "${key}" must match lib/policy/schema.ts`).toEqual(want);
    }
  });
});

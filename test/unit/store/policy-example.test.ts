import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPolicy } from '@/lib/policy/schema';

/** The district policy of docs/deploy.md, checked against what the browsers are given and what Liaison reads. */
const example = JSON.parse(readFileSync('docs/policy-example.json', 'utf8')) as Record<string, unknown>;
const schema = JSON.parse(readFileSync('public/managed_schema.json', 'utf8'));

type Schema = { type?: string; properties?: Record<string, Schema>; items?: Schema; enum?: unknown[] };

/** The part of JSON Schema Chrome's managed_schema uses: type, properties, items, enum. Returns the errors. */
function validate(value: unknown, s: Schema, path = '$'): string[] {
  const type = Array.isArray(value)
    ? 'array'
    : value === null
      ? 'null'
      : Number.isInteger(value)
        ? 'integer'
        : typeof value;
  const typeOk = !s.type || s.type === type || (s.type === 'number' && type === 'integer');
  if (!typeOk) return [`${path}: ${type}, expected ${s.type}`];
  const errors: string[] = [];
  if (s.enum && !s.enum.includes(value)) errors.push(`${path}: not one of ${s.enum.join(', ')}`);
  if (type === 'object' && s.properties) {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const p = s.properties[k];
      if (!p) errors.push(`${path}.${k}: not in the schema`);
      else errors.push(...validate(v, p, `${path}.${k}`));
    }
  }
  if (type === 'array' && s.items)
    (value as unknown[]).forEach((v, i) => errors.push(...validate(v, s.items!, `${path}[${i}]`)));
  return errors;
}

describe('docs/policy-example.json (docs/deploy.md)', () => {
  it('is valid against public/managed_schema.json, which Chrome and Edge enforce', () => {
    expect(validate(example, schema)).toEqual([]);
  });

  it('sets every setting the schema has, and Liaison reads each of them (none ignored)', () => {
    expect(Object.keys(example).sort()).toEqual(Object.keys(schema.properties).sort());
    const read = readPolicy(example);
    expect(read.ignored).toEqual([]);
    expect(read.policy).toEqual(example);
  });

  it('the validator sees a wrong policy', () => {
    expect(validate({ defaultRole: 'principal', retentionDays: '30', extra: 1 }, schema)).toHaveLength(3);
  });

  it("docs/deploy.md's JSON blocks parse, and each browser's policy carries this example (Admin console: as {Value})", () => {
    const doc = readFileSync('docs/deploy.md', 'utf8');
    const blocks = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!) as Record<string, any>);
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    const chrome = blocks.find((b) => b['3rdparty']?.extensions);
    const firefox = blocks.find((b) => b.policies?.['3rdparty']?.Extensions);
    expect(chrome!['3rdparty'].extensions['<chrome-id>']).toEqual(example);
    expect(chrome!.ExtensionSettings['<chrome-id>'].installation_mode).toBe('force_installed');
    expect(firefox!.policies['3rdparty'].Extensions['liaison@liaison.invalid']).toEqual(example);
    expect(firefox!.policies.ExtensionSettings['liaison@liaison.invalid'].installation_mode).toBe('force_installed');
    const adminConsole = blocks.find((b) => Object.values(b).every((v) => v && typeof v === 'object' && 'Value' in v))!;
    const unwrapped = Object.fromEntries(
      Object.entries(adminConsole).map(([k, v]) => [k, (v as { Value: unknown }).Value]),
    );
    expect(validate(unwrapped, schema)).toEqual([]);
    expect(readPolicy(unwrapped).ignored).toEqual([]);
  });
});

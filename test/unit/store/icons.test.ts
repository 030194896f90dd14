import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString('latin1'), file).toBe('PNG');
  expect(b.subarray(12, 16).toString('latin1'), file).toBe('IHDR');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe('icons (assets/icon.svg rendered by scripts/icons.ts)', () => {
  it.each([16, 32, 48, 128])('public/icon/%i.png is a square PNG of that size', (size) => {
    expect(pngSize(resolve(root, `public/icon/${size}.png`))).toEqual({ width: size, height: size });
  });

  it('the manifest names every size, for the extension and for the toolbar button', () => {
    const config = readFileSync(resolve(root, 'wxt.config.ts'), 'utf8');
    for (const size of [16, 32, 48, 128]) expect(config).toContain(`${size}: 'icon/${size}.png'`);
    expect(config).toMatch(/icons: ICONS/);
    expect(config).toMatch(/default_icon: ICONS/);
  });
});

// Renders assets/icon.svg to the PNG sizes the stores and browsers take (public/icon/<size>.png, committed).
// Run after changing the SVG: npx tsx scripts/icons.ts. A unit test checks the committed PNGs' sizes.
import sharp from 'sharp';
import { mkdirSync } from 'node:fs';

export const ICON_SIZES = [16, 32, 48, 128] as const;
const svg = new URL('../assets/icon.svg', import.meta.url).pathname;
const out = new URL('../public/icon/', import.meta.url).pathname;
mkdirSync(out, { recursive: true });
for (const size of ICON_SIZES) {
  // density: rasterize the SVG at the target size directly (sharp's default 72 dpi would render 128 px and scale).
  await sharp(svg, { density: (72 * size) / 128 })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toFile(`${out}${size}.png`);
  console.log(`public/icon/${size}.png`);
}

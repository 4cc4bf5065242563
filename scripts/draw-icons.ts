/**
 * Draws the add-in's icons into assets/: icon-16.png, icon-32.png, icon-64.png, icon-80.png, icon-128.png.
 *
 *   npm run icons
 *
 * The drawing lives in scripts/icon-raster.ts; test/manifest.test.ts checks that the committed PNGs match it.
 */
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { ICON_SIZES, encodePng, renderIcon } from './icon-raster';

const outDir = join(__dirname, '..', 'assets');
mkdirSync(outDir, { recursive: true });
for (const size of ICON_SIZES) {
  const file = join(outDir, `icon-${size}.png`);
  const png = encodePng(size, size, renderIcon(size));
  writeFileSync(file, png);
  console.log(`${file}  ${size}x${size}  ${png.length} bytes`);
}

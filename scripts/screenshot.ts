/**
 * Regenerates docs/screenshot.png, the README's picture of the task pane (400 x 800): a buyer's check of a filled
 * RMI CMRT 6.5 (test/browser/fixtures.ts), on the Smelters tab, rendered by the preview harness in Debian's
 * Chromium.
 *
 *   npm run screenshot [-- --out docs/screenshot.png] [--theme dark]
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { startPreview } from './preview';
import { buyerWorkbook } from '../test/browser/fixtures';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function main(argv: string[]): Promise<void> {
  const outArg = argv.indexOf('--out');
  const out = resolve(__dirname, '..', outArg >= 0 ? argv[outArg + 1]! : 'docs/screenshot.png');
  const dark = argv.includes('--theme') && argv[argv.indexOf('--theme') + 1] === 'dark';
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.`);

  const server = await startPreview({ workbooks: [{ name: 'buyer', fileName: 'Borealis CMRT 6.5.xlsx', bytes: buyerWorkbook() }] });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-gpu',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--font-render-hinting=none',
    ],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 400, height: 800 }, deviceScaleFactor: 1 });
    await context.route('**/*', (route) => (route.request().url().startsWith(server.url) ? route.continue() : route.abort()));
    const page = await context.newPage();
    await page.addInitScript(() => window.localStorage.setItem('cmrt-review:settings:v1', JSON.stringify({ role: 'buyer' })));
    await page.goto(`${server.url}preview.html?workbook=buyer&chrome=0&now=2026-07-01T09:00:00Z${dark ? '&theme=dark' : ''}`);
    await page.getByRole('button', { name: 'Check template' }).click();
    await page.getByTestId('summary-headline').waitFor();
    await page.getByRole('tab', { name: 'Smelters' }).click();
    await page.getByRole('table', { name: 'Smelters' }).waitFor();
    await page.getByRole('button', { name: /^JSC Ekaterinburg .*, go to row \d+$/ }).click();
    await page.getByTestId('smelter-detail').waitFor();
    await page.mouse.move(0, 0);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.waitForTimeout(300);
    mkdirSync(dirname(out), { recursive: true });
    await page.screenshot({ path: out, clip: { x: 0, y: 0, width: 400, height: 800 } });
    console.log(`Wrote ${out}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});

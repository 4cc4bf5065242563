/**
 * The production bundle in Chromium: `buildProduction()` (the same webpack build as `npm run build`, into a cache
 * folder) served on 127.0.0.1, with office.js answered from the @microsoft/office-js package instead of Microsoft's
 * CDN. Opened in a plain browser tab, office.js reports no host, so the pane must say "Open it in Excel".
 *
 * What it guards: the page loads only its own files and office.js (nothing else leaves the machine); the scripts are
 * ES modules that run in a current browser; Griffel's ahead-of-time styles (webpack.config.js) reach the page; no
 * script error.
 *
 * Skipped, with a message, only when /usr/bin/chromium is missing (CI installs it: .ci/run).
 */
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import type { Browser } from 'playwright-core';
import { buildProduction } from '../../bench/bundle';
import { describeWithChromium, launchChromium } from '../support/chromium';

const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
const OFFICE_DIST = join(__dirname, '..', '..', 'node_modules', '@microsoft', 'office-js', 'dist');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.png': 'image/png', '.xml': 'application/xml' };

const describeBrowser = describeWithChromium('the production bundle browser test');

jest.setTimeout(120_000);

describeBrowser('production bundle in Chromium', () => {
  let outDir: string;
  let server: Server;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'cmrt-prod-'));
    await buildProduction(outDir);
    server = createServer((req, res) => {
      const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^[/\\]+/, '');
      const file = join(outDir, path || 'taskpane.html');
      if (!file.startsWith(outDir + sep) || !existsSync(file)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((ok) => (server ? server.close(ok) : ok(undefined)));
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  test('outside Office the pane says to open it in Excel; only its own files and office.js are requested', async () => {
    const context = await browser.newContext({ viewport: { width: 400, height: 700 } });
    const local: string[] = [];
    const office: string[] = [];
    const external: string[] = [];
    const errors: string[] = [];
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (url.startsWith(base)) {
        local.push(url.slice(base.length));
        return route.continue();
      }
      if (url.startsWith(OFFICE_CDN)) {
        // office.js and the files it loads from beside itself, from the npm package.
        const rel = normalize(new URL(url).pathname.slice(new URL(OFFICE_CDN).pathname.length));
        const file = join(OFFICE_DIST, rel);
        office.push(rel);
        if (file.startsWith(OFFICE_DIST + sep) && existsSync(file)) {
          return route.fulfill({ status: 200, contentType: TYPES[extname(file)] ?? 'text/plain', body: readFileSync(file) });
        }
        return route.fulfill({ status: 404, body: '' });
      }
      external.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.goto(`${base}taskpane.html`);
      await page.getByRole('heading', { name: 'CMRT Review' }).waitFor();
      await page.getByText('Open it in Excel').waitFor();

      expect(office[0]).toBe('office.js');
      expect(local).toContain('taskpane.html');
      const scripts = local.filter((u) => u.endsWith('.js'));
      expect(scripts.some((u) => /^vendors\.[0-9a-f]{8}\.js$/.test(u))).toBe(true);
      expect(scripts.some((u) => /^taskpane\.[0-9a-f]{8}\.js$/.test(u))).toBe(true);
      expect(external).toEqual([]);
      expect(errors).toEqual([]);

      // Fluent's styles are on the page: the heading is Title3 (24px, semibold).
      const heading = await page.getByRole('heading', { name: 'CMRT Review' }).evaluate((el) => {
        const s = getComputedStyle(el);
        return { fontSize: s.fontSize, fontWeight: s.fontWeight };
      });
      expect(heading).toEqual({ fontSize: '24px', fontWeight: '600' });
      // Our own makeStyles (NoExcel's root padding), compiled ahead of time, reached the page too.
      const rootPadding = await page.locator('.fui-FluentProvider').first().evaluate((el) => getComputedStyle(el).paddingTop);
      expect(rootPadding).toBe('12px');
    } finally {
      await context.close();
    }
  });
});

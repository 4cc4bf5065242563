/**
 * "Review several files…" in Chromium over the preview harness: a buyer, in an ordinary workbook, picks two filled
 * CMRT 6.5 files and one broken file; the pane shows progress, then what it rolled up, and the simulated workbook
 * has the three roll-up sheets with their header rows.
 *
 * Skipped, with a message, only when /usr/bin/chromium is missing (CI installs it: .ci/run).
 */
import type { Browser, Page } from 'playwright-core';
import { startPreview, type PreviewServer } from '../../scripts/preview';
import { FINDING_HEADERS, SMELTER_HEADERS, SUPPLIER_HEADERS } from '../../src/core/rollup';
import { ROLLUP_SHEETS } from '../../src/taskpane/rollup-files';
import { textFile } from '../support/rollup-fixtures';
import { describeWithChromium, launchChromium } from '../support/chromium';
import { buyerWorkbook, notTemplateGrid, supplierWorkbook } from './fixtures';

const NOW = '2026-07-01T09:00:00Z';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const describeBrowser = describeWithChromium('the roll-up browser test');

jest.setTimeout(120_000);

describeBrowser('task pane: Review several files…', () => {
  let server: PreviewServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startPreview({ workbooks: [{ name: 'budget', fileName: 'Supplier roll-up.xlsx', grid: notTemplateGrid() }] });
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The first row of a sheet of the simulated workbook, left to right. */
  const headerRow = (page: Page, sheet: string): Promise<unknown[]> =>
    page.evaluate((name) => {
      const cells = window.__cmrtPreview!.workbook.contents(name);
      return Object.entries(cells)
        .filter(([a1]) => /^[A-Z]+1$/.test(a1))
        .map(([, c]) => c.v);
    }, sheet);

  test('a buyer rolls up two templates and a broken file into three sheets of the open workbook', async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
    const external: string[] = [];
    const errors: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(server.url)) return route.continue();
      external.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
    try {
      await page.goto(`${server.url}preview.html?workbook=budget&now=${NOW}`);
      const p = page.getByTestId('pane-frame');
      await p.getByText('This workbook is not a reporting template').waitFor();

      await p.getByRole('tab', { name: 'Settings' }).click();
      await p.getByRole('radio', { name: /^Buyer/ }).check();
      const button = p.getByRole('button', { name: 'Review several files…' });
      await button.waitFor();
      const input = p.getByLabel('Template files to review together');
      expect(await input.getAttribute('multiple')).not.toBeNull();
      expect(await input.getAttribute('accept')).toBe('.xlsx,.xlsm');

      await input.setInputFiles([
        { name: 'Acme CMRT 6.5.xlsx', mimeType: XLSX, buffer: Buffer.from(supplierWorkbook()) },
        { name: 'Borealis CMRT 6.5.xlsx', mimeType: XLSX, buffer: Buffer.from(buyerWorkbook()) },
        { name: 'renamed text.xlsx', mimeType: XLSX, buffer: Buffer.from(textFile()) },
      ]);
      // Progress while the files are read (the pane yields between files, so it paints).
      await p.getByText(/^Reviewing \d of 3: /).waitFor();

      const result = p.getByTestId('rollup-result');
      await result.getByText('Roll-up written').waitFor();
      const text = await result.innerText();
      expect(text).toContain('3 files reviewed, 1 unreadable: 6 unique smelters, 2 smelters of interest.');
      expect(text).toContain(`Sheets written: ${ROLLUP_SHEETS.suppliers}, ${ROLLUP_SHEETS.smelters}, ${ROLLUP_SHEETS.findings}.`);
      expect(await button.isEnabled()).toBe(true);

      // The side panel of the simulated workbook lists the sheets; their header rows are the roll-up's.
      const sheets = await page.getByTestId('simulated-workbook').getByTestId('addin-sheets').innerText();
      expect(sheets).toContain(`${ROLLUP_SHEETS.suppliers} (4 rows)`);
      expect(sheets).toContain(`${ROLLUP_SHEETS.smelters} (7 rows)`);
      expect(sheets).toContain(ROLLUP_SHEETS.findings);
      expect(await headerRow(page, ROLLUP_SHEETS.suppliers)).toEqual([...SUPPLIER_HEADERS]);
      expect(await headerRow(page, ROLLUP_SHEETS.smelters)).toEqual([...SMELTER_HEADERS]);
      expect(await headerRow(page, ROLLUP_SHEETS.findings)).toEqual([...FINDING_HEADERS]);
      const suppliers = await page.evaluate((name) => window.__cmrtPreview!.workbook.contents(name), ROLLUP_SHEETS.suppliers);
      expect(Object.values(suppliers).map((c) => c.v)).toEqual(expect.arrayContaining(['Acme Metals Co., Ltd.', 'Borealis Components GmbH', 'renamed text.xlsx', 'unreadable']));

      expect(external).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

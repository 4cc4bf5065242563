/**
 * The task pane in Chromium (playwright-core + Debian's /usr/bin/chromium) over the preview harness: the real pane
 * running over the simulated Excel workbook, loaded from filled copies of the real RMI CMRT 6.5. Walks the supplier
 * flow and the buyer flow as a user would, asserting what the user sees (text, roles, counts), what the workbook
 * shows afterwards (selection, marks, the add-in's sheets), and that no request leaves 127.0.0.1.
 *
 * Skipped, with a message, only when /usr/bin/chromium is missing (CI installs it: .ci/run).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startPreview, type PreviewServer } from '../../scripts/preview';
import { readTemplateBytes } from '../support/fill';
import { BUYER_INTEREST, buyerWorkbook, notTemplateGrid, supplierWorkbook, TEMPLATE } from './fixtures';
import { facilityListXlsx } from './reference-files';
import { describeWithChromium, launchChromium } from '../support/chromium';

const NOW = '2026-07-01T09:00:00Z';

const describeBrowser = describeWithChromium('the task pane browser tests');

jest.setTimeout(120_000);

interface Opened {
  page: Page;
  context: BrowserContext;
  /** Every URL the page requested. */
  requests: string[];
  /** Requests that would have left 127.0.0.1 (blocked). */
  external: string[];
  errors: string[];
  /** Requests (by URL pattern) to fail, as a network outage would. */
  failing: RegExp[];
  /** Whether the test failed requests on purpose (their console errors are expected). */
  failsOnPurpose: boolean;
}

describeBrowser('task pane in Chromium over the simulated workbook', () => {
  let server: PreviewServer;
  let browser: Browser;
  const opened: Opened[] = [];

  beforeAll(async () => {
    server = await startPreview({
      workbooks: [
        { name: 'supplier', fileName: 'Acme CMRT 6.5.xlsx', bytes: supplierWorkbook() },
        { name: 'buyer', fileName: 'Borealis CMRT 6.5.xlsx', bytes: buyerWorkbook() },
        { name: 'blank', fileName: TEMPLATE, bytes: readTemplateBytes(TEMPLATE) },
        { name: 'budget', fileName: 'Budget.xlsx', grid: notTemplateGrid() },
      ],
    });
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(async () => {
    for (const o of opened.splice(0)) {
      expect(o.external).toEqual([]);
      expect(o.requests.every((u) => u.startsWith(server.url))).toBe(true);
      // Failed loads the test caused on purpose show up as console errors; nothing else may.
      expect(
        o.errors.filter(
          (e) =>
            !(
              o.failsOnPurpose &&
              /Failed to (load resource|fetch dynamically imported module)|Loading chunk|error boundary you provided, PaneBoundary/.test(e)
            ),
        ),
      ).toEqual([]);
      await o.context.close();
    }
  });

  async function open(workbook: string, query = '', failing: RegExp[] = []): Promise<Opened> {
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const o: Opened = {
      page: await context.newPage(),
      context,
      requests: [],
      external: [],
      errors: [],
      failing: [],
      failsOnPurpose: failing.length > 0,
    };
    await context.route('**/*', (route) => {
      const url = route.request().url();
      o.requests.push(url);
      if (o.failing.some((re) => re.test(url))) return route.abort('connectionfailed');
      if (url.startsWith(server.url)) return route.continue();
      o.external.push(url);
      return route.abort();
    });
    o.page.on('pageerror', (e) => o.errors.push(e.message));
    o.page.on('console', (m) => {
      if (m.type() === 'error') o.errors.push(m.text());
    });
    o.failing.push(...failing);
    opened.push(o);
    await o.page.goto(`${server.url}preview.html?workbook=${workbook}&now=${NOW}${query}`);
    return o;
  }

  const pane = (page: Page) => page.getByTestId('pane-frame');
  const sim = (page: Page, id: string) => page.getByTestId('simulated-workbook').getByTestId(id);

  async function chooseRole(page: Page, role: 'supplier' | 'buyer'): Promise<void> {
    await pane(page)
      .getByRole('button', { name: role === 'supplier' ? "I'm sending it (supplier)" : 'I received it (buyer)' })
      .click();
    await pane(page).getByText(`As a ${role}.`).waitFor();
  }

  async function check(page: Page): Promise<void> {
    await pane(page)
      .getByRole('button', { name: /^Check (template|again)$/ })
      .click();
    await page.getByTestId('summary-headline').waitFor();
  }

  test('supplier: a complete template is ready to send', async () => {
    const { page } = await open('supplier');
    const p = pane(page);
    // What the workbook is.
    const card = p.getByTestId('workbook-card');
    await card.getByRole('heading', { name: 'CMRT 6.5' }).waitFor();
    expect(await card.innerText()).toMatch(/Conflict Minerals Reporting Template, released 2025-04-25/);
    expect(await card.innerText()).toContain('Acme Metals Co., Ltd.');
    expect(await card.innerText()).toContain('A. Company');
    expect(await card.innerText()).toContain('2026-01-01');

    await chooseRole(page, 'supplier');
    await check(page);
    expect(await page.getByTestId('summary-headline').innerText()).toBe('Ready to send');
    // The tab panes load lazily: wait for the text rather than reading the panel while it still says "Loading…".
    await p.getByRole('tabpanel').getByText('Nothing is missing').waitFor();
    expect(await p.getByRole('tabpanel').innerText()).toContain('Nothing is missing');

    await p.getByRole('tab', { name: 'Smelters' }).click();
    await p.getByRole('table', { name: 'Smelters' }).waitFor();
    expect(await p.getByTestId('smelter-row').count()).toBe(4);
    const rows = await p.getByTestId('smelter-row').allInnerTexts();
    expect(rows.join('\n')).toMatch(/TANIOBIS Smelting GmbH & Co\. KG[\s\S]*CID002550/);

    await p.getByRole('tab', { name: 'Follow-up' }).click();
    const preview = p.getByTestId('followup-preview');
    await preview.waitFor();
    expect(await preview.innerText()).toMatch(/^Subject: /);

    await p.getByRole('button', { name: 'Mark in sheet' }).click();
    await p.getByText('Nothing to mark').waitFor();
    expect(await sim(page, 'marked-cells').innerText()).toBe('0');
  });

  test('supplier: a blank template has a to-do list; each item goes to its cell and says how to fix it', async () => {
    const { page } = await open('blank');
    const p = pane(page);
    await chooseRole(page, 'supplier');
    await check(page);
    const headline = await page.getByTestId('summary-headline').innerText();
    expect(headline).toMatch(/^\d+ to do before sending$/);
    const todo = Number(headline.split(' ')[0]);
    expect(todo).toBeGreaterThan(10);

    const companyArea = p.getByTestId('area-company');
    await companyArea.getByRole('heading', { name: 'Company information' }).waitFor();
    const first = companyArea.getByTestId('finding').filter({ hasText: 'Provide the company name.' });
    await first.click();
    expect(await first.getAttribute('aria-expanded')).toBe('true');
    const fix = p.getByRole('region', { name: 'How to fix' });
    expect(await fix.innerText()).toContain('Provide the company name.');
    await fix.getByText(/Selected Declaration!D\d+ in the workbook/).waitFor();
    expect(await sim(page, 'active-sheet').innerText()).toBe('Declaration');
    expect(await sim(page, 'selection').innerText()).toMatch(/^Declaration!D\d+$/);

    // Mark, then clear: the marks go and the workbook is as before.
    const before = await page.evaluate(() => JSON.stringify(window.__cmrtPreview!.workbook.snapshot()));
    await p.getByRole('button', { name: 'Mark in sheet' }).click();
    await p.getByText('Marked in the sheets').waitFor();
    expect(Number((await sim(page, 'marked-cells').innerText()).split(' ')[0])).toBeGreaterThanOrEqual(todo - 5);
    await p.getByRole('button', { name: 'Clear marks' }).click();
    await p.getByText('Marks cleared').waitFor();
    expect(await sim(page, 'marked-cells').innerText()).toBe('0');
    expect(await page.evaluate(() => JSON.stringify(window.__cmrtPreview!.workbook.snapshot()))).toBe(before);
  });

  test('buyer: counts, smelters of interest, follow-up, mark and clear', async () => {
    const { page } = await open('buyer');
    const p = pane(page);
    await p.getByTestId('workbook-card').getByText('Borealis Components GmbH').waitFor();
    await chooseRole(page, 'buyer');
    await check(page);
    expect(await page.getByTestId('summary-headline').innerText()).toBe('Follow-up needed');
    expect(await p.getByTestId('count-missing').innerText()).toMatch(/^1\s+missing item$/);
    expect(await p.getByTestId('count-id-problems').innerText()).toMatch(/^1\s+ID problem$/);
    expect(await p.getByTestId('count-interest').innerText()).toMatch(/^2\s+smelters of interest$/);
    expect(await p.getByText('Audit status unknown: import the RMI facility list in Settings.').count()).toBe(1);

    // Smelters of interest, filtered by default for a buyer.
    await p.getByTestId('count-interest').click();
    expect(await p.getByRole('tab', { name: 'Smelters' }).getAttribute('aria-selected')).toBe('true');
    const filter = p.getByRole('switch', { name: /Only smelters of interest \(2\)/ });
    expect(await filter.isChecked()).toBe(true);
    const rows = p.getByTestId('smelter-row');
    expect(await rows.count()).toBe(2);
    const russian = rows.filter({ hasText: BUYER_INTEREST.russianGold });
    expect(await russian.innerText()).toContain('JSC Ekaterinburg Non-Ferrous Metal Processing Plant');
    expect(await russian.innerText()).toContain('Sanctions');
    const kivu = rows.filter({ hasText: 'Kivu Tin Works' });
    expect(await kivu.innerText()).toMatch(/High-risk area[\s\S]*Unrecognised/);
    await filter.click();
    expect(await rows.count()).toBe(6);
    await filter.click();

    // A row goes to its row on the Smelter List and shows its reasons with their sources.
    await p.getByRole('button', { name: /^Kivu Tin Works, go to row \d+$/ }).click();
    expect(await sim(page, 'selection').innerText()).toMatch(/^Smelter List!D10$/);
    const detail = p.getByTestId('smelter-detail');
    expect(await detail.innerText()).toMatch(/High-risk area: Located in RWANDA, a Dodd-Frank covered country\.[\s\S]*Source: Dodd-Frank/);

    // The ID problem and the missing item are on the Completeness tab.
    await p.getByRole('tab', { name: 'Completeness' }).click();
    expect(await p.getByTestId('area-company').innerText()).toContain('Provide a valid contact email');
    expect(await p.getByTestId('area-smelters').innerText()).toContain('Kivu Tin Works');

    // Follow-up: a request naming the smelters, with Copy, an email draft and Insert as sheet.
    await p.getByRole('tab', { name: 'Follow-up' }).click();
    const preview = p.getByTestId('followup-preview');
    await preview.waitFor();
    const text = await preview.innerText();
    expect(text).toMatch(/^Subject: /);
    expect(text).toContain('JSC Ekaterinburg Non-Ferrous Metal Processing Plant');
    expect(text).toContain('Kivu Tin Works');
    const mail = p.getByRole('link', { name: 'Open email draft' });
    expect(await mail.getAttribute('href')).toMatch(/^mailto:[^?]*\?subject=/);
    await p.getByRole('button', { name: 'Copy' }).click();
    await p.getByText('Copied').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text.replace(/\r\n/g, '\n').trimEnd() + '\n');
    await p.getByRole('button', { name: 'Insert as sheet' }).click();
    await p.getByText('Sheet inserted').waitFor();
    expect(await sim(page, 'addin-sheets').innerText()).toMatch(/Follow-up request \(\d+ rows\)/);
    await p.getByRole('button', { name: 'Add to review log' }).click();
    await p.getByText('Added to the review log').waitFor();
    expect(await sim(page, 'addin-sheets').innerText()).toContain('Review log (2 rows)');

    // Mark in sheet, then Clear marks.
    const before = await page.evaluate(() => JSON.stringify(window.__cmrtPreview!.workbook.snapshot()));
    await p.getByRole('button', { name: 'Mark in sheet' }).click();
    await p.getByText('Marked in the sheets').waitFor();
    const marked = await sim(page, 'marked-cells').innerText();
    expect(marked).toMatch(/Smelter List: \d+/);
    expect(Number(marked.split(' ')[0])).toBeGreaterThanOrEqual(2 * 17);
    expect(Number(await sim(page, 'addin-notes').innerText())).toBeGreaterThanOrEqual(3);
    await p.getByRole('button', { name: 'Clear marks' }).click();
    await p.getByText('Marks cleared').waitFor();
    expect(await sim(page, 'marked-cells').innerText()).toBe('0');
    expect(await sim(page, 'addin-notes').innerText()).toBe('0');
    expect(await page.evaluate(() => JSON.stringify(window.__cmrtPreview!.workbook.snapshot()))).toBe(before);
  });

  test('buyer: reference data imported in Settings (XLSX facility list, CSV watch list) changes the review', async () => {
    const { page } = await open('buyer');
    const p = pane(page);
    await chooseRole(page, 'buyer');
    await check(page);
    expect(await p.getByTestId('count-interest').innerText()).toMatch(/^2\s/);

    await p.getByRole('tab', { name: 'Settings' }).click();
    await p.getByRole('radiogroup', { name: 'Role' }).waitFor();
    expect(await p.getByRole('radio', { name: /^Buyer/ }).isChecked()).toBe(true);
    await p
      .getByTestId('shipped-sources')
      .getByText(/EU indicative CAHRA list/)
      .waitFor();

    // RMI facility list as XLSX, read in the browser: every smelter conformant except the Japanese tin smelter.
    await p.getByTestId('facility-file').setInputFiles({
      name: 'rmi-facilities.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await facilityListXlsx(),
    });
    await p
      .getByTestId('facility-status')
      .getByText(/RMI facility list.*dated 2026-06-15: 5 entries\./)
      .waitFor();
    // Watch list as CSV.
    await p
      .getByTestId('watchlist-file')
      .setInputFiles({ name: 'watch.csv', mimeType: 'text/csv', buffer: Buffer.from('id,reason\nCID000035,Open grievance\n') });
    await p
      .getByTestId('watchlist-status')
      .getByText(/1 entry\./)
      .waitFor();

    // The review follows: Dowa is Active (not acceptable by default), Agosi is on the watch list.
    await p.getByTestId('count-interest').getByText('4').waitFor();
    await p.getByRole('switch', { name: /Accept RMI "Active"/ }).click();
    await p.getByTestId('count-interest').getByText('3').waitFor();
    await p.getByRole('switch', { name: /^Watch list/ }).click();
    await p.getByTestId('count-interest').getByText('2').waitFor();

    // Settings persist (localStorage of the pane) across a reload.
    await page.reload();
    await check(page);
    await p.getByTestId('count-interest').getByText('2').waitFor();
    expect(await p.getByText('As a buyer.').count()).toBe(1);
  });

  test('a sheet protected with a password: the findings go to a sheet of their own, and the pane says why', async () => {
    const { page } = await open('buyer', '&protection=as-stored');
    const p = pane(page);
    await chooseRole(page, 'buyer');
    await check(page);
    await p.getByRole('button', { name: 'Mark in sheet' }).click();
    const bar = p.getByText('Findings written to a sheet instead');
    await bar.waitFor();
    expect(await p.innerText()).toMatch(/protected with a password[\s\S]*"CMRT Review findings" sheet instead/);
    expect(await sim(page, 'marked-cells').innerText()).toBe('0');
    expect(await sim(page, 'addin-sheets').innerText()).toContain('CMRT Review findings');
  });

  test('a part of the add-in that does not load: a message with what to do, and Try again works', async () => {
    const o = await open('buyer', '', [/\/engine\.js$/, /\/panes\.js$/]);
    const p = pane(o.page);
    await p.getByText('Part of the add-in did not load').waitFor();
    expect(await p.innerText()).toMatch(/Close and reopen the task pane/);
    o.failing.splice(0, 1); // the engine arrives
    await p.getByRole('button', { name: 'Try again' }).click();
    await p.getByTestId('workbook-card').waitFor();
    await chooseRole(o.page, 'buyer');
    await check(o.page);
    // The panes chunk is still failing: the tab says so instead of going blank.
    await p.getByText('Part of the add-in did not load').waitFor();
    o.failing.splice(0);
    await p.getByRole('button', { name: 'Try again' }).click();
    await p.getByTestId('area-company').waitFor();
  });

  test('a workbook that is not a template says so, kindly', async () => {
    const { page } = await open('budget');
    const p = pane(page);
    await p.getByText('This workbook is not a reporting template').waitFor();
    expect(await p.innerText()).toContain('Open a template file in Excel');
    expect(await p.getByRole('button', { name: 'Check again' }).count()).toBe(1);
    expect(await p.getByRole('button', { name: 'Mark in sheet' }).count()).toBe(0);
  });

  test('frame: Office theme (light/dark), every control labelled and reachable by keyboard, fits 300 px', async () => {
    const { page } = await open('buyer', '&width=300');
    const p = pane(page);
    await chooseRole(page, 'buyer');
    await check(page);
    expect(await p.locator('.fui-FluentProvider').first().getAttribute('data-theme')).toBe('light');
    await page.getByRole('switch', { name: 'Office dark theme' }).click();
    expect(await p.locator('.fui-FluentProvider').first().getAttribute('data-theme')).toBe('dark');
    const bg = await p
      .locator('.fui-FluentProvider')
      .first()
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(bg).not.toBe('rgb(255, 255, 255)');

    // No horizontal scrolling at 300 px.
    const overflow = await pane(page).evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    // Every button, tab, switch, radio and input has an accessible name.
    for (const tab of ['Completeness', 'Smelters', 'Follow-up', 'Settings']) {
      await p.getByRole('tab', { name: tab }).click();
      await page.waitForTimeout(50);
      const unnamed = await p.locator('button, [role=tab], [role=switch], input, a[href]').evaluateAll((els) =>
        els
          .filter((el) => {
            const e = el as HTMLElement;
            if (e.getAttribute('type') === 'file') return false;
            const labelled = e
              .getAttribute('aria-labelledby')
              ?.split(/\s+/)
              .map((id) => document.getElementById(id)?.textContent?.trim())
              .join('');
            const label = (e as HTMLInputElement).labels?.[0]?.textContent?.trim();
            return !(e.getAttribute('aria-label') || labelled || label || e.textContent?.trim());
          })
          .map((e) => e.outerHTML.slice(0, 120)),
      );
      expect([tab, unnamed]).toEqual([tab, []]);
    }

    // Keyboard: Tab reaches the Check button, Enter runs it; arrow keys move between tabs.
    await page.reload();
    await p.getByRole('button', { name: 'Check template' }).waitFor();
    let reached = false;
    for (let i = 0; i < 15 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.textContent === 'Check template');
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByTestId('summary-headline').waitFor();
    await p.getByRole('tab', { name: 'Completeness' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    expect(await p.getByRole('tab', { name: 'Smelters' }).getAttribute('aria-selected')).toBe('true');
  });
});

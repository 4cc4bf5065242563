/**
 * The pane's pure helpers: settings (parse, save only what changed, storage failures), theme detection, messages,
 * reference-file decoding, the engine's workbook description, and the bundle bench's reading of taskpane.html.
 */
import { defaultPolicy } from '../../src/core/policy';
import type { ImportedFacilityList, ImportedWatchlist } from '../../src/core/reference/types';
import {
  defaultSettings,
  FACILITY_KEY,
  loadSettings,
  memoryStore,
  parseFacilityList,
  parseSettings,
  saveSettings,
  SETTINGS_KEY,
  storageStore,
  WATCHLIST_KEY,
  type PaneSettings,
} from '../../src/taskpane/settings';
import { isDarkBackground, parseHexColor, settableThemeSource } from '../../src/taskpane/theme';
import { errorMessage, notTemplateMessage } from '../../src/taskpane/messages';
import { decodeText, isZip, listRowsOf } from '../../src/taskpane/import-file';
import { describeWorkbook } from '../../src/taskpane/engine';
import { initialScripts } from '../../bench/bundle';
import { readXlsx } from '../../src/xlsx/read';
import { buyerWorkbook, notTemplateGrid } from '../browser/fixtures';
import { readTemplateBytes } from '../support/fill';

describe('settings', () => {
  const facility: ImportedFacilityList = {
    source: { name: 'RMI facility list (x.csv)', date: '2026-06-15' },
    entries: new Map([['CID000001', { id: 'CID000001', metal: 'Gold', standardName: 'A', country: 'JAPAN', status: 'Conformant' }]]),
  };
  const watch: ImportedWatchlist = {
    source: { name: 'Watch list', date: 'unknown' },
    entries: new Map([['CID000002', { id: 'CID000002', reason: 'x' }]]),
  };

  test('round trip through a store, lists included', () => {
    const store = memoryStore();
    const s: PaneSettings = { role: 'buyer', policy: { ...defaultPolicy(), activeAcceptable: true }, facilityList: facility, watchlist: watch };
    expect(saveSettings(store, null, s)).toBe(true);
    const back = loadSettings(store);
    expect(back.role).toBe('buyer');
    expect(back.policy.activeAcceptable).toBe(true);
    expect(back.facilityList?.source).toEqual(facility.source);
    expect([...back.facilityList!.entries.keys()]).toEqual(['CID000001']);
    expect(back.watchlist?.entries.get('CID000002')?.reason).toBe('x');
  });

  test('saves only what changed; removing a list removes its key', () => {
    const saved: string[] = [];
    const removed: string[] = [];
    const store = { description: '', load: () => null, save: (k: string) => (saved.push(k), true), remove: (k: string) => void removed.push(k) };
    const before: PaneSettings = { ...defaultSettings(), facilityList: facility };
    saveSettings(store, before, { ...before, role: 'buyer' });
    expect(saved).toEqual([SETTINGS_KEY]);
    saveSettings(store, before, { ...before, facilityList: null });
    expect(removed).toEqual([FACILITY_KEY]);
    expect(saved).toEqual([SETTINGS_KEY]);
  });

  test('tolerates junk and reports a refusing storage', () => {
    expect(parseSettings('nonsense')).toEqual({ role: 'supplier', policy: defaultPolicy() });
    expect(parseSettings({ role: 'admin', policy: { categories: { sanctions: 'no', watchlist: false }, facilityListMaxAgeDays: -3 } })).toEqual({
      role: 'supplier',
      policy: { ...defaultPolicy(), categories: { ...defaultPolicy().categories, watchlist: false } },
    });
    expect(parseFacilityList({ source: { name: 'x', date: 'y' }, entries: [{ id: 1 }] })).toBeNull();
    const full = storageStore({
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    });
    expect(full.save(WATCHLIST_KEY, { a: 1 })).toBe(false);
    expect(storageStore(null).description).toMatch(/session only/);
  });
});

describe('theme', () => {
  test('Office background colours: dark gray and black are dark; white and colorful are light', () => {
    expect(isDarkBackground('#FFFFFF')).toBe(false);
    expect(isDarkBackground('#E6E6E6')).toBe(false); // colorful / light gray
    expect(isDarkBackground('#262626')).toBe(true); // black
    expect(isDarkBackground('#444444')).toBe(true); // dark gray
    expect(isDarkBackground('#333')).toBe(true);
    expect(isDarkBackground(undefined)).toBe(false);
    expect(isDarkBackground('transparent')).toBe(false);
    expect(parseHexColor('0a0B0c')).toEqual([10, 11, 12]);
  });

  test('a settable source notifies its listeners once per change', () => {
    const t = settableThemeSource(false);
    const seen: boolean[] = [];
    const off = t.subscribe(() => seen.push(t.isDark()));
    t.setDark(true);
    t.setDark(true);
    off();
    t.setDark(false);
    expect(seen).toEqual([true]);
  });
});

describe('messages say what to do next', () => {
  test.each(['read', 'check', 'mark', 'clear', 'insert', 'import', 'load'] as const)('%s', (action) => {
    const m = errorMessage(action, { code: 'GeneralException', message: 'Something broke' });
    expect(m.text).toContain('Something broke');
    expect(m.text).toMatch(/(again|reopen|Choose|Close)/);
    expect(m.text).not.toMatch(/\.\./);
  });

  test('edit mode and protection get their own advice', () => {
    expect(errorMessage('read', { code: 'InvalidOperation', message: 'The workbook is in cell-editing mode' }).text).toMatch(/press Enter or Esc/);
    expect(errorMessage('insert', new Error('the workbook structure is protected with a password')).text).toMatch(/Unprotect the workbook structure/);
    expect(notTemplateMessage('not-a-template', 'No Declaration sheet.').text).toMatch(/Open a template file in Excel/);
  });
});

describe('reference files', () => {
  test('text decoding: UTF-8 with and without BOM, UTF-16 with BOM', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x69, 0x64]))).toBe('id');
    expect(decodeText(new TextEncoder().encode('id,reason\nCID000001,é'))).toBe('id,reason\nCID000001,é');
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x69, 0x00, 0x64, 0x00]))).toBe('id');
    expect(isZip(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]))).toBe(true);
    expect(isZip(new TextEncoder().encode('id,reason'))).toBe(false);
  });

  test('an XLSX list: the visible sheet with the most rows', () => {
    const rows = listRowsOf({
      sheets: [
        { name: 'Notes', values: [['about']] },
        { name: 'Hidden', values: [['a'], ['b'], ['c'], ['d']], visibility: 'hidden' },
        { name: 'List', values: [['id'], ['CID000001'], ['CID000002']] },
      ],
    });
    expect(rows).toEqual([['id'], ['CID000001'], ['CID000002']]);
  });
});

describe('describing the workbook', () => {
  test('a template: family, version, company, scope, effective date', () => {
    const d = describeWorkbook(readXlsx(buyerWorkbook(), { formulas: true }));
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(d.info).toMatchObject({
      family: 'CMRT',
      version: '6.5',
      releaseDate: '2025-04-25',
      companyName: 'Borealis Components GmbH',
      scope: 'A. Company',
      scopeKind: 'company',
      effectiveDate: '2026-01-01',
      effectiveDateIsDate: true,
      newerVersion: null,
    });
  });

  test('an older version names the newer one; a non-template says why', () => {
    const old = describeWorkbook(readXlsx(readTemplateBytes('RMI_CMRT_6.22.xlsx'), { formulas: true }));
    expect(old.ok && old.info.newerVersion).toBe('6.5');
    const no = describeWorkbook(notTemplateGrid());
    expect(no).toMatchObject({ ok: false, code: 'not-a-template' });
  });
});

describe('bundle bench', () => {
  test('initial scripts are the local scripts and module preloads of the page, not office.js', () => {
    const html =
      '<script src=https://appsforoffice.microsoft.com/lib/1/hosted/office.js></script><link rel=modulepreload href="./a.1.js">' +
      '<link rel=stylesheet href=x.css><script type=module src=vendors.2.js></script><script type="module" src="taskpane.3.js?v=1"></script>';
    expect(initialScripts(html)).toEqual(['vendors.2.js', 'taskpane.3.js', 'a.1.js']);
  });
});

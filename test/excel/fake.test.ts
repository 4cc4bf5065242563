/**
 * The fake Excel itself: it must fail where Office.js fails, or the adapter tests prove nothing.
 */
/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load, office-addins/load-object-before-read --
   these tests read properties before load and sync on purpose, and read ClientResult values and collection items,
   which the rules do not model. */
import { FakeWorkbook, FakeOfficeError, CMRT_PROTECTION_OPTIONS } from '../../src/excel/fake';
import * as objects from '../../src/excel/fake/objects';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { WorkbookGrid } from '../../src/core/grid';

const grid: WorkbookGrid = {
  sheets: [
    {
      name: 'Data',
      values: [
        ['a', 'b', null],
        [1, 2, 3],
        [null, null, null],
        [null, 'x', 6],
      ],
      formulas: [[], [null, null, '=A2+B2'], [], [null, null, '=C2*2']],
    },
    { name: 'Smelter List', values: [['h'], ['v']], protection: { protected: true } },
    { name: 'Locked', values: [['s']], protection: { protected: true, passwordProtected: true } },
    { name: 'Hidden', values: [['z']], visibility: 'hidden' },
  ],
};

function fake(opts: Parameters<typeof FakeWorkbook.fromGrid>[1] = {}): FakeWorkbook {
  return FakeWorkbook.fromGrid(grid, opts);
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(FakeOfficeError);
    expect((e as FakeOfficeError).name).toBe('RichApi.Error');
    expect((e as FakeOfficeError).debugInfo.code).toBe((e as FakeOfficeError).code);
    return (e as FakeOfficeError).code;
  }
  throw new Error('expected a failure');
}

describe('load and sync', () => {
  test('reading a property before load and sync throws PropertyNotLoaded, as Office.js does', async () => {
    const wb = fake();
    await wb.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Data').getRange('A1:C2');
      expect(() => range.values).toThrow(/not available.*load/);
      range.load('values');
      // Loaded but not synced: still not readable.
      expect(() => range.values).toThrow(FakeOfficeError);
      expect(() => range.address).toThrow(/'address'/);
      await context.sync();
      expect(range.values).toEqual([
        ['a', 'b', ''],
        [1, 2, 3],
      ]);
      expect(() => range.address).toThrow(FakeOfficeError);
    });
  });

  test('ClientResult.value and isNullObject need a sync', async () => {
    const wb = fake();
    await wb.run(async (context) => {
      const count = context.workbook.worksheets.getCount();
      const missing = context.workbook.worksheets.getItemOrNullObject('Nope');
      const there = context.workbook.worksheets.getItemOrNullObject('data');
      expect(() => count.value).toThrow(/has not been loaded/);
      expect(() => missing.isNullObject).toThrow(FakeOfficeError);
      await context.sync();
      expect(count.value).toBe(4);
      expect(missing.isNullObject).toBe(true);
      expect(there.isNullObject).toBe(false);
    });
  });

  test('syncs are counted; loads of a failed batch are not delivered; earlier writes stay; the context stays usable', async () => {
    const wb = fake();
    await wb.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Data');
      ws.getRange('A1').format.fill.color = '#FF0000';
      const r = ws.getRange('A1:B1');
      r.load('values');
      context.workbook.worksheets.getItem('Nope').getRange('A1').format.fill.color = '#00FF00';
      ws.getRange('B1').format.fill.color = '#0000FF';
      expect(await codeOf(context.sync())).toBe('ItemNotFound');
      expect(() => r.values).toThrow(FakeOfficeError);
      expect(wb.format('Data', 'A1').fill).toEqual({ color: '#FF0000', pattern: 'Solid' });
      expect(wb.format('Data', 'B1').fill).toBeNull();
      r.load('values');
      await context.sync();
      expect(r.values[0]).toEqual(['a', 'b']);
      expect((context as unknown as { syncCount: number }).syncCount).toBe(2);
    });
  });

  test('navigation loads, collection item loads and the payload estimate', async () => {
    const wb = fake();
    await wb.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name,items/visibility,items/protection/protected');
      const fmt = sheets.getItem('Data').getRange('A1:C1');
      fmt.load('format/fill/color,format/font/bold');
      await context.sync();
      expect(sheets.items.map((s) => [s.name, s.visibility, s.protection.protected])).toEqual([
        ['Data', 'Visible', false],
        ['Smelter List', 'Visible', true],
        ['Locked', 'Visible', true],
        ['Hidden', 'Hidden', false],
      ]);
      expect(fmt.format.fill.color).toBe('#FFFFFF');
      expect(fmt.format.font.bold).toBe(false);
    });
    const rec = wb.lastContext.syncs[0]!;
    expect(rec.responseBytes).toBeGreaterThan(50);
    expect(rec.requestBytes).toBeGreaterThan(0);
  });

  test('a response over 5 MB fails the sync, as on Excel on the web', async () => {
    const big: WorkbookGrid = { sheets: [{ name: 'Big', values: Array.from({ length: 2000 }, (_, r) => Array.from({ length: 60 }, (_, c) => `cell text ${r}-${c} ${'x'.repeat(30)}`)) }] };
    const wb = FakeWorkbook.fromGrid(big);
    await wb.run(async (context) => {
      const r = context.workbook.worksheets.getItem('Big').getRange('A1:BH2000');
      r.load('values');
      expect(await codeOf(context.sync())).toBe('ResponsePayloadSizeLimitExceeded');
    });
  });
});

describe('cells', () => {
  test('values, formulas, used range and formula cells (getSpecialCells)', async () => {
    const wb = fake();
    await wb.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Data');
      const used = ws.getRange('A1:Z100').getUsedRangeOrNullObject(true);
      used.load('address,formulas');
      const areas = ws.getRange('A:C').getSpecialCellsOrNullObject('Formulas');
      areas.load('address');
      const none = context.workbook.worksheets.getItem('Smelter List').getRange('A:C').getSpecialCellsOrNullObject('Formulas');
      await context.sync();
      expect(used.address).toBe('Data!A1:C4');
      expect(used.formulas[1]).toEqual([1, 2, '=A2+B2']);
      expect(areas.address).toBe('Data!C2,Data!C4');
      expect(none.isNullObject).toBe(true);
    });
  });

  test('hidden rows do not move A1 addresses', async () => {
    const wb = fake({ hiddenRows: { Data: [1, 2] } });
    await wb.run(async (context) => {
      const r = context.workbook.worksheets.getItem('Data').getRange('B4');
      r.load('values,rowHidden,rowIndex');
      await context.sync();
      expect(r.values).toEqual([['x']]);
      expect(r.rowIndex).toBe(3);
      expect(r.rowHidden).toBe(false);
    });
  });

  test('text that starts with "=" becomes a formula unless the cell is formatted as Text; an apostrophe keeps text', async () => {
    const wb = fake();
    await wb.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Data');
      ws.getRange('E1').values = [['=SUM(A1)']];
      ws.getRange('E2').numberFormat = [['@']];
      ws.getRange('E2').values = [['=SUM(A1)']];
      ws.getRange('E3').values = [["'=x"]];
      ws.getRange('E4').values = [['00123']];
      await context.sync();
    });
    const c = wb.contents('Data');
    expect(c.E1).toEqual({ v: null, f: '=SUM(A1)' });
    expect(c.E2).toEqual({ v: '=SUM(A1)' });
    expect(c.E3).toEqual({ v: '=x' });
    expect(c.E4).toEqual({ v: 123 });
  });
});

describe('protection', () => {
  test('formatting or writing a locked cell on a protected sheet throws AccessDenied; unprotect and protect keep options', async () => {
    const wb = fake();
    await wb.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Smelter List');
      ws.getRange('A1').format.fill.color = '#FFFF00';
      expect(await codeOf(context.sync())).toBe('AccessDenied');
      ws.getRange('A2').values = [['new']];
      expect(await codeOf(context.sync())).toBe('AccessDenied');
      ws.protection.protect();
      expect(await codeOf(context.sync())).toBe('InvalidOperation');
      ws.protection.load('protected,options');
      await context.sync();
      expect(ws.protection.options).toEqual(CMRT_PROTECTION_OPTIONS);
      const options = ws.protection.options;
      ws.protection.unprotect();
      ws.getRange('A1').format.fill.color = '#FFFF00';
      ws.protection.protect(options);
      await context.sync();
    });
    expect(wb.sheet('Smelter List').protection).toEqual({ protected: true, options: CMRT_PROTECTION_OPTIONS, password: null });
    expect(wb.format('Smelter List', 'A1').fill).toEqual({ color: '#FFFF00', pattern: 'Solid' });
  });

  test('unprotecting a password-protected sheet without the password fails', async () => {
    const wb = fake({ passwords: { Locked: 'pw' }, online: true });
    await wb.run(async (context) => {
      const p = context.workbook.worksheets.getItem('Locked').protection;
      p.load('isPasswordProtected');
      await context.sync();
      expect(p.isPasswordProtected).toBe(true);
      p.unprotect();
      expect(await codeOf(context.sync())).toBe('InvalidArgument');
      p.unprotect('wrong');
      expect(await codeOf(context.sync())).toBe('InvalidArgument');
      p.unprotect('pw');
      await context.sync();
    });
    expect(wb.sheet('Locked').protection.protected).toBe(false);
  });

  test('a protected workbook structure refuses new sheets', async () => {
    const wb = fake({ structure: { protected: true, password: 'pw' } });
    await wb.run(async (context) => {
      context.workbook.worksheets.add('CMRT Review findings');
      expect(await codeOf(context.sync())).toBe('AccessDenied');
      context.workbook.protection.unprotect();
      expect(await codeOf(context.sync())).toBe('InvalidArgument');
    });
  });
});

describe('notes, comments, custom XML parts and requirement sets', () => {
  test('custom XML parts survive save and reopen', async () => {
    const wb = fake();
    await wb.run(async (context) => {
      context.workbook.customXmlParts.add('<r xmlns="urn:test">1 &amp; 2</r>');
      context.workbook.customXmlParts.add('<other xmlns="urn:other"/>');
      await context.sync();
    });
    const again = wb.reopen();
    await again.run(async (context) => {
      const parts = context.workbook.customXmlParts.getByNamespace('urn:test');
      parts.load('items/id,items/namespaceUri');
      await context.sync();
      expect(parts.items).toHaveLength(1);
      const xml = parts.items[0]!.getXml();
      await context.sync();
      expect(xml.value).toBe('<r xmlns="urn:test">1 &amp; 2</r>');
      parts.items[0]!.delete();
      context.workbook.customXmlParts.add('not xml');
      expect(await codeOf(context.sync())).toBe('InvalidArgument');
    });
    expect(again.doc.customXmlParts.map((p) => p.namespaceUri)).toEqual(['urn:other']);
  });

  test('notes: one per cell, not on a protected sheet that forbids objects; location by A1', async () => {
    const wb = fake({ notes: { Data: { B2: 'supplier note' } } });
    await wb.run(async (context) => {
      const notes = context.workbook.notes;
      notes.add(context.workbook.worksheets.getItem('Data').getRange('B2'), 'again');
      expect(await codeOf(context.sync())).toBe('InvalidArgument');
      notes.add(context.workbook.worksheets.getItem('Smelter List').getRange('A1'), 'x');
      expect(await codeOf(context.sync())).toBe('AccessDenied');
      notes.load('items/content');
      await context.sync();
      const loc = notes.items[0]!.getLocation();
      loc.load('address');
      await context.sync();
      expect([notes.items[0]!.content, loc.address]).toEqual(['supplier note', 'Data!B2']);
    });
  });

  test('members above the fake API level are missing, as on an older Excel', async () => {
    const wb = fake({ apiMinor: 7 });
    expect(wb.isSetSupported('ExcelApi', '1.7')).toBe(true);
    expect(wb.isSetSupported('ExcelApi', '1.9')).toBe(false);
    expect(wb.isSetSupported('ExcelApi', '1.10')).toBe(false);
    await wb.run(async (context) => {
      const r = context.workbook.worksheets.getItem('Data').getRange('A1');
      expect(() => r.getCellProperties({ format: { fill: { color: true } } })).toThrow(/ExcelApi 1.9/);
      expect(() => context.workbook.notes).toThrow(/ExcelApi 1.18/);
      expect(() => context.workbook.comments).toThrow(/ExcelApi 1.10/);
      expect(() => context.application.suspendScreenUpdatingUntilNextSync()).toThrow(/1.14/);
      r.load('format/fill/pattern');
      expect(await codeOf(context.sync())).toBe('InvalidArgument');
    });
  });

  test('a fault can be injected on the Nth matching command of a given sync', async () => {
    const wb = fake();
    wb.faults.push({ label: 'RangeFill.color', skip: 1 });
    await wb.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Data');
      ws.getRange('A1').format.fill.color = '#FF0000';
      ws.getRange('A2').format.fill.color = '#FF0000';
      expect(await codeOf(context.sync())).toBe('GeneralException');
    });
    expect(wb.format('Data', 'A1').fill).not.toBeNull();
    expect(wb.format('Data', 'A2').fill).toBeNull();
  });
});

test('every property a fake object loads can be read through a getter, as on the real proxy', () => {
  const wb = fake();
  const ctx = wb.createContext();
  const missing: string[] = [];
  for (const [name, cls] of Object.entries(objects)) {
    if (typeof cls !== 'function' || !/^Fake/.test(name)) continue;
    const proto = (cls as { prototype: object }).prototype as { _scalars?: () => readonly string[] };
    if (typeof proto._scalars !== 'function') continue;
    const probe = Object.create(proto) as { context: unknown; _scalars: () => readonly string[] };
    probe.context = ctx;
    for (const prop of probe._scalars()) {
      let p: object | null = proto;
      let found = false;
      while (p && !found) {
        found = Boolean(Object.getOwnPropertyDescriptor(p, prop)?.get);
        p = Object.getPrototypeOf(p) as object | null;
      }
      if (!found) missing.push(`${name}.${prop}`);
    }
  }
  expect(missing).toEqual([]);
});

test('the fake stays out of production code: only the preview harness, tests and benchmarks import it', () => {
  const src = path.join(__dirname, '..', '..', 'src');
  const offenders: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (p === path.join(src, 'excel', 'fake') || p === path.join(src, 'preview')) continue;
        walk(p);
      } else if (/\.tsx?$/.test(e.name) && /from '[^']*excel\/fake|from '\.\/fake|require\([^)]*fake/.test(fs.readFileSync(p, 'utf8'))) offenders.push(path.relative(src, p));
    }
  };
  walk(src);
  expect(offenders).toEqual([]);
});

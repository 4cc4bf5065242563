/**
 * The reader on every real template in ../shared/templates: family, version and language, and a filled copy
 * (filled in code) reads back exactly what the test wrote.
 */
import { readXlsx } from '../../../src/xlsx/read';
import { NEEDED_SHEETS, readTemplate, detectTemplate, TemplateError } from '../../../src/core/read';
import { chooseLayout, LAYOUTS } from '../../../src/core/layouts';
import { COMPANY_FIELD_KEYS } from '../../../src/core/model';
import { fillTemplate, readTemplateBytes, type CellWrite } from '../../support/fill';

const read = (bytes: Uint8Array) => readTemplate(readXlsx(bytes, { sheets: [...NEEDED_SHEETS], formulas: true }));

const EXPECTED: [file: string, family: string, version: string, language: string][] = [
  ['RMI_CMRT_6.01.xlsx', 'CMRT', '6.01', 'Chinese'],
  ['RMI_CMRT_6.1.xlsx', 'CMRT', '6.1', 'Chinese'],
  ['RMI_CMRT_6.22.xlsx', 'CMRT', '6.22', 'Chinese'],
  ['RMI_CMRT_6.31.xlsx', 'CMRT', '6.31', 'Chinese'],
  ['RMI_CMRT_6.4.xlsx', 'CMRT', '6.4', 'Chinese'],
  ['RMI_CMRT_6.4_en.xlsx', 'CMRT', '6.4', 'English'],
  ['RMI_CMRT_6.5.xlsx', 'CMRT', '6.5', 'Chinese'],
  ['RMI_EMRT_1.1.xlsx', 'EMRT', '1.1', 'Chinese'],
  ['RMI_EMRT_1.11.xlsx', 'EMRT', '1.11', 'Chinese'],
  ['RMI_EMRT_1.2.xlsx', 'EMRT', '1.2', 'Chinese'],
  ['RMI_EMRT_1.3.xlsx', 'EMRT', '1.3', 'Chinese'],
  ['RMI_EMRT_2.0.xlsx', 'EMRT', '2.0', 'Chinese'],
  ['RMI_EMRT_2.1.xlsx', 'EMRT', '2.1', 'Chinese'],
  // The file is named 2.21 but the workbook itself says "Revision 2.2" (its Revision tab lists no 2.21).
  ['RMI_CRT_2.2.xlsx', 'CRT', '2.2', 'Chinese'],
  ['RMI_CRT_2.21.xlsx', 'CRT', '2.2', 'Chinese'],
  ['RMI_AMRT_1.2.xlsx', 'AMRT', '1.2', 'Chinese'],
  ['RMI_AMRT_1.3.xlsx', 'AMRT', '1.3', 'Chinese'],
];

describe.each(EXPECTED)('%s', (file, family, version, language) => {
  const bytes = readTemplateBytes(file);

  it(`is recognised as ${family} ${version} (${language}) with its exact layout`, () => {
    const { declaration } = read(bytes);
    expect(declaration.template).toMatchObject({ family, version, language, layoutVersion: version });
    expect(declaration.notes.filter((n) => n.code === 'unknown-version')).toEqual([]);
  });

  it('reads back exactly what a filled copy holds', () => {
    const layout = chooseLayout(family as never, version)!.layout;
    const d = layout.declaration;
    const writes: CellWrite[] = [];
    const expectCompany: Record<string, unknown> = {};
    for (const key of COMPANY_FIELD_KEYS) {
      if (key === 'effectiveDate') continue;
      const text = key === 'declarationScope' ? 'A. Company' : key.endsWith('Email') ? `${key}@example.com` : `  ${key} <&> "x" 名\t`;
      writes.push({ sheet: 'Declaration', cell: d.company[key], value: text });
      expectCompany[key] = text.trim();
    }
    writes.push({ sheet: 'Declaration', cell: d.company.effectiveDate, value: 45413 }); // 2024-05-01
    // Minerals: pick the first two for selection-based templates.
    const minerals = d.mineralSelectionCells.length ? [...d.minerals].slice(0, 2) : d.minerals;
    if (d.mineralSelectionCells.length) {
      d.mineralSelectionCells.forEach((cell, i) => {
        const m = d.minerals[i];
        writes.push({ sheet: 'Declaration', cell, value: m && minerals.includes(m) ? m : null });
      });
      d.otherMineralCells.forEach((cell) => writes.push({ sheet: 'Declaration', cell, value: null }));
    }
    const q1 = d.questions[0]!;
    q1.slots.forEach((s, i) => {
      writes.push({ sheet: 'Declaration', cell: s.answerCell, value: i % 2 === 0 ? 'Yes' : ' no ' });
      writes.push({ sheet: 'Declaration', cell: s.commentCell, value: `comment ${i}` });
    });
    const sl = layout.smelterList;
    const col = (k: string) => sl.columns[k as keyof typeof sl.columns]!;
    const metal = minerals[0]!;
    writes.push({ sheet: sl.sheet, cell: `${col('metal')}${sl.firstRow}`, value: metal });
    if (sl.columns.lookup) writes.push({ sheet: sl.sheet, cell: `${col('lookup')}${sl.firstRow}`, value: 'Smelter not listed' });
    writes.push({ sheet: sl.sheet, cell: `${col('name')}${sl.firstRow}`, value: 'Example Refinery ' });
    writes.push({ sheet: sl.sheet, cell: `${col('country')}${sl.firstRow}`, value: 'CHINA' });
    writes.push({ sheet: sl.sheet, cell: `${col('metal')}${sl.firstRow + 2}`, value: metal });
    writes.push({ sheet: sl.sheet, cell: `${col('id')}${sl.firstRow + 2}`, value: 'CID001234' });
    writes.push({ sheet: sl.sheet, cell: `${col('name')}${sl.firstRow + 2}`, value: 'Second' });
    const pl = layout.productList;
    writes.push({ sheet: pl.sheet, cell: `${pl.columns.number}${pl.firstRow}`, value: 'P-100' });
    writes.push({ sheet: pl.sheet, cell: `${pl.columns.name}${pl.firstRow}`, value: 12345 });

    const { declaration } = read(fillTemplate(bytes, writes));
    for (const [key, value] of Object.entries(expectCompany)) {
      expect([key, declaration.company[key as keyof typeof declaration.company]]).toEqual([key, expect.objectContaining({ value })]);
    }
    expect(declaration.company.scope).toBe('company');
    expect(declaration.company.effectiveDate.value).toBe('2024-05-01');
    expect(declaration.mineralsInScope).toEqual(minerals);
    const first = declaration.answers.find((a) => a.metal === minerals[0])!;
    expect(first.answers[q1.number]).toMatchObject({ value: 'Yes', cell: q1.slots[0]!.answerCell, sheet: 'Declaration' });
    expect(first.comments[q1.number]?.value).toBe('comment 0');
    if (minerals.length > 1 && q1.slots.length > 1) {
      const second = declaration.answers.find((a) => a.metal === minerals[1])!;
      expect(second.answers[q1.number]?.value).toBe('No');
    }
    const rows = declaration.smelters;
    expect(rows.map((r) => r.row)).toEqual([sl.firstRow, sl.firstRow + 2]);
    expect(rows[0]).toMatchObject({ metal, name: 'Example Refinery', country: 'CHINA', lookupKind: 'not-listed' });
    expect(rows[1]).toMatchObject({ metal, id: 'CID001234', name: 'Second' });
    expect(declaration.products).toEqual([expect.objectContaining({ row: pl.firstRow, number: 'P-100', name: '12345' })]);
  });
});

describe('layouts', () => {
  it('covers every template version found in ../shared/templates', () => {
    const known = new Set(LAYOUTS.map((l) => `${l.family} ${l.version}`));
    for (const [, family, version] of EXPECTED) expect(known).toContain(`${family} ${version}`);
  });

  it('reads the template\'s own Smelter Look-up list', () => {
    const { lookup } = read(readTemplateBytes('RMI_CMRT_6.5.xlsx'));
    expect(lookup.length).toBeGreaterThan(500);
    const gold = lookup.find((e) => e.id === 'CID002763');
    expect(gold).toMatchObject({ metal: 'Gold', standardName: '8853 S.p.A.', country: 'ITALY' });
  });
});

describe('versions and non-templates', () => {
  it('reads an unknown newer version with the nearest layout and a warning', () => {
    const bytes = fillTemplate(readTemplateBytes('RMI_CMRT_6.5.xlsx'), [{ sheet: 'Declaration', cell: 'J3', value: 'Revision 6.6\nMay 1, 2026' }]);
    const { declaration } = read(bytes);
    expect(declaration.template).toMatchObject({ version: '6.6', layoutVersion: '6.5', releaseDate: '2026-05-01' });
    expect(declaration.notes).toEqual([expect.objectContaining({ code: 'unknown-version', severity: 'warning', cell: 'J3', row: 3 })]);
  });

  it('says why a workbook without the template sheets is not a template', () => {
    const wb = { sheets: [{ name: 'Sheet1', values: [['hello']] }] };
    expect(() => detectTemplate(wb)).toThrow(TemplateError);
    expect(() => detectTemplate(wb)).toThrow(/not an RMI reporting template: it has no "Declaration" and "Smelter List" sheet/);
  });
});

describe('mineral slot order', () => {
  it('follows the recalculated slot labels when they name exactly the selected minerals (AMRT 1.2, Chinese)', () => {
    const { declaration } = read(readTemplateBytes('RMI_AMRT_1.2.xlsx'));
    // The sample answers in this file select seven minerals by their Chinese names; Excel sorted them (pinyin).
    expect(declaration.mineralsInScope).toEqual(['铬', '锂', '铝', '镍', '铜', '锌', '银']);
    expect(declaration.answers[0]!.answers[1]!.cell).toBe('D28');
    expect(declaration.answers[0]!.metal).toBe('铬');
  });
});

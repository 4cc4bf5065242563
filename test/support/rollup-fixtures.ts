/**
 * Fixtures for the roll-up tests and benchmark: filled copies of the real RMI templates of every family (a
 * supplier's company block, answers and a smelter list taken from the template's own look-up list, at a chosen
 * offset so that files list different smelters), and the broken files a buyer receives (truncated zip, text
 * renamed .xlsx, an unrelated workbook, an encrypted OLE file).
 *
 * Node-only; never shipped.
 */
import { strToU8, zipSync } from 'fflate';
import { readXlsx } from '../../src/xlsx/read';
import { NEEDED_SHEETS, layoutFor, readTemplate } from '../../src/core/read';
import type { TemplateLayout } from '../../src/core/layouts/types';
import type { CompanyFieldKey } from '../../src/core/model';
import { colIndex, colLetters } from '../../src/core/grid';
import { fillTemplate, readTemplateBytes, smelterListPlan, type CellWrite } from './fill';

export interface FilledOptions {
  /** Template file in shared/templates, e.g. "RMI_EMRT_2.1.xlsx". */
  template: string;
  company: string | null;
  /** Smelter rows to fill. */
  rows: number;
  /** Skip this many usable look-up rows first, so that files list different smelters. */
  offset?: number;
  /** Fill the Declaration answers too (otherwise only the company block). */
  answers?: boolean;
  /** Extra writes, e.g. a formula-like smelter name. */
  extra?: (layout: TemplateLayout) => CellWrite[];
}

const blanks = new Map<string, { bytes: Uint8Array; layout: TemplateLayout }>();

/** The blank template's bytes and the layout the reader uses for it. */
export function blankTemplate(name: string): { bytes: Uint8Array; layout: TemplateLayout } {
  let b = blanks.get(name);
  if (!b) {
    const bytes = readTemplateBytes(name);
    const { declaration } = readTemplate(readXlsx(bytes, { sheets: [...NEEDED_SHEETS], formulas: true }));
    b = { bytes, layout: layoutFor(declaration.template) };
    blanks.set(name, b);
  }
  return b;
}

const COMPANY: Partial<Record<CompanyFieldKey, string | number>> = {
  declarationScope: 'A. Company',
  contactName: 'Jane Smith',
  contactEmail: 'jane.smith@supplier.example',
  contactPhone: '+44 114 000 0000',
  authorizerName: 'John Doe',
  authorizerTitle: 'Compliance Manager',
  authorizerEmail: 'john.doe@supplier.example',
  authorizerPhone: '+44 114 000 0001',
  effectiveDate: 46173, // 2026-05-31
};

function declarationWrites(layout: TemplateLayout, company: string | null, answers: boolean): CellWrite[] {
  const d = layout.declaration;
  const out: CellWrite[] = [];
  const put = (cell: string, value: string | number | null): void => void out.push({ sheet: d.sheet, cell, value });
  if (company !== null) put(d.company.companyName, company);
  for (const [k, v] of Object.entries(COMPANY)) put(d.company[k as CompanyFieldKey], v!);
  if (answers) {
    for (const q of d.questions) {
      for (const s of q.slots) {
        if (q.number === 1) put(s.answerCell, 'Yes');
        else put(s.answerCell, q.topic === 'response-rate' ? '100%' : ['recycled', 'covered-countries', 'cahra'].includes(q.topic) ? 'No' : 'Yes');
      }
    }
    for (const q of d.companyQuestions) {
      put(q.answerCell, q.topic === 'survey' ? 'Yes, Using Other Format (Describe)' : 'Yes');
      put(q.commentCell, /policy/.test(q.topic) ? 'https://supplier.example/policy' : 'Described in our supplier manual, section 4.');
    }
  }
  return out;
}

/** EMRT/AMRT: select the minerals of the filled smelter rows (the blank EMRT 2.1 comes with all six selected). */
function mineralWrites(layout: TemplateLayout, metals: string[]): CellWrite[] {
  const cells = layout.declaration.mineralSelectionCells;
  if (!cells.length) return [];
  const known = metals.filter((m) => layout.declaration.minerals.includes(m));
  const chosen = [...new Set(known.length ? known : layout.declaration.minerals.slice(0, 1))].slice(0, cells.length);
  return cells.map((cell, i) => ({ sheet: layout.declaration.sheet, cell, value: chosen[i] ?? null }));
}

const formulaCache = new WeakMap<Uint8Array, (string | null | undefined)[][]>();

function smelterListFormulas(template: Uint8Array): (string | null | undefined)[][] {
  let f = formulaCache.get(template);
  if (!f) {
    const wb = readXlsx(template, { sheets: ['Smelter List'], formulas: true });
    f = (wb.sheets[0]?.formulas ?? []) as (string | null | undefined)[][];
    formulaCache.set(template, f);
  }
  return f;
}

/**
 * Writes for `rows` smelter rows starting at the Smelter List's first data row, skipping `offset` look-up rows:
 * the rows of `smelterListPlan` for rows + offset, moved up by `offset`. A row's cached values do not depend on
 * its row number; a cached value is kept only where the target cell has a formula (some templates' first rows
 * lack a few).
 */
export function smelterWrites(template: Uint8Array, rows: number, offset = 0): CellWrite[] {
  const plan = smelterListPlan({ template, rows: rows + offset });
  const first = plan.rows[0]?.row ?? 5;
  const formulas = smelterListFormulas(template);
  const out: CellWrite[] = [];
  for (const w of plan.writes) {
    const m = /^([A-Z]+)(\d+)$/.exec(w.cell)!;
    const r = Number(m[2]) - offset;
    if (r < first) continue;
    const cell = `${m[1]}${r}`;
    if (w.keepFormula && typeof formulas[r - 1]?.[colIndex(m[1]!) - 1] !== 'string') continue;
    out.push({ ...w, cell });
  }
  return out;
}

/** A filled copy of a real template (bytes of an .xlsx). */
export function filledTemplate(o: FilledOptions): Uint8Array {
  const { bytes, layout } = blankTemplate(o.template);
  const smelters = smelterWrites(bytes, o.rows, o.offset ?? 0);
  const metalCol = layout.smelterList.columns.metal;
  const metals = smelters.filter((w) => metalCol && w.cell.startsWith(metalCol) && /^\d/.test(w.cell.slice(metalCol.length))).map((w) => String(w.value));
  const writes = [...declarationWrites(layout, o.company, o.answers ?? true), ...mineralWrites(layout, metals), ...smelters, ...(o.extra?.(layout) ?? [])];
  return fillTemplate(bytes, writes);
}

/** The Smelter List cell of a column on a row, e.g. the name column of row 5. */
export function smelterCell(layout: TemplateLayout, key: 'name' | 'lookup' | 'metal' | 'country', row: number): string {
  const col = layout.smelterList.columns[key];
  if (!col) throw new Error(`no ${key} column in the ${layout.family} ${layout.version} Smelter List`);
  return `${col}${row}`;
}

// ---------------------------------------------------------------------------------------------------------
// Broken files

/** A valid, minimal .xlsx workbook that is not a template (one sheet "Budget"). */
export function unrelatedWorkbook(): Uint8Array {
  const rows = [['Item', 'Cost'], ['Paper', 12], ['Ink', 30]]
    .map((r, i) => `<row r="${i + 1}">${r.map((v, j) => {
      const ref = `${colLetters(j + 1)}${i + 1}`;
      return typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
    }).join('')}</row>`)
    .join('');
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    'xl/workbook.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Budget" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    'xl/worksheets/sheet1.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`,
    ),
  });
}

/** An OLE compound file header, as Excel writes a password-protected workbook (or an old .xls). */
export function fakeEncrypted(): Uint8Array {
  const b = new Uint8Array(4096);
  b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  b.set(strToU8('EncryptedPackage'), 1024);
  return b;
}

/** The first `keep` bytes of a workbook: a download cut short. */
export function truncated(bytes: Uint8Array, keep = Math.floor(bytes.length / 3)): Uint8Array {
  return bytes.slice(0, keep);
}

export function textFile(): Uint8Array {
  return strToU8('Supplier list — see attached.\r\nThis is not a workbook.\r\n');
}

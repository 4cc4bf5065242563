/**
 * The reader: plain cell grids (from the Excel adapter or the xlsx reader) into the typed model.
 * It recognises the family, version and display language from the workbook itself and picks the layout.
 */
import { cleanText, parseDate, canonicalAnswer } from './normalize';
import { ANSWER_VOCABULARY, scopeKind } from './answers';
import {
  a1, cellAt, colIndex, formulaAt, getSheet, isErrorValue, parseA1, type CellValue, type SheetGrid, type WorkbookGrid,
} from './grid';
import { chooseLayout, newestVersion, type TemplateLayout } from './layouts';
import type { SmelterColumnKey, TableLayout } from './layouts/types';
import { checkerInputCells } from './checker/inputs';
import {
  COMPANY_FIELD_KEYS, type CheckerInputs, type CompanyInfo, type CompanyQuestion, type Declaration, type Family, type Field,
  type LookupEntry, type LookupKind, type MetalAnswers, type MineRow, type ProductRow, type RawCell, type ReadNote,
  type ReadResult, type SmelterCheckerColumn, type SmelterRow, type SmelterRowValues, type TemplateInfo,
} from './model';

/** Sheets the core reads; hosts may skip every other sheet. */
export const NEEDED_SHEETS = ['Declaration', 'Smelter List', 'Product List', 'Mine List', 'Smelter Look-up', 'Checker', 'Minerals Scope'] as const;

export type TemplateErrorCode = 'not-a-template' | 'no-version' | 'unknown-family';

export class TemplateError extends Error {
  constructor(public readonly code: TemplateErrorCode, message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

/** Display-language names as the language cell spells them, in English. */
const LANGUAGE_NAMES: Record<string, string> = {
  english: 'English', chinese: 'Chinese', japanese: 'Japanese', korean: 'Korean', français: 'French', french: 'French',
  português: 'Portuguese', portuguese: 'Portuguese', deutsch: 'German', german: 'German', español: 'Spanish',
  spanish: 'Spanish', italiano: 'Italian', italian: 'Italian', türkçe: 'Turkish', turkish: 'Turkish',
  中文: 'Chinese', 日本語: 'Japanese', 한국어: 'Korean',
};

export function languageName(text: string | null): string {
  if (!text) return 'Unknown';
  for (const word of text.split(/\s+/).reverse()) {
    const hit = LANGUAGE_NAMES[word.toLowerCase()];
    if (hit) return hit;
  }
  return text;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function releaseDate(text: string): string | null {
  const m = /([A-Za-z]+)\s+(\d{1,2}),\s*(\d{4})/.exec(text);
  if (!m) return null;
  const mon = MONTHS.indexOf(m[1]!.toLowerCase());
  if (mon < 0) return null;
  return `${m[3]}-${String(mon + 1).padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
}

function findVersionText(decl: SheetGrid): string | null {
  const j3 = cleanText(cellAt(decl, 3, 10));
  if (j3 && /revision/i.test(j3)) return j3;
  // Some re-saved copies move it: search the header rows.
  for (let r = 1; r <= 6; r++) {
    const row = decl.values[r - 1] ?? [];
    for (const v of row) {
      const t = cleanText(v);
      if (t && /^revision\s+\d/i.test(t)) return t;
    }
  }
  return null;
}

function familyOf(wb: WorkbookGrid, decl: SheetGrid): Family | null {
  const title = cleanText(cellAt(decl, 2, 4)) ?? '';
  const m = /\((CMRT|EMRT|CRT|AMRT)\)/.exec(title);
  if (m) return m[1] as Family;
  // Fallback on the workbook's shape and its look-up metals.
  if (getSheet(wb, 'Minerals Scope')) return 'AMRT';
  const lookup = getSheet(wb, 'Smelter Look-up');
  const metals = new Set<string>();
  for (const row of lookup?.values.slice(4, 2000) ?? []) {
    const t = cleanText(row[0] ?? null);
    if (t) metals.add(t.toLowerCase());
  }
  if (metals.has('tantalum') || metals.has('tungsten')) return 'CMRT';
  if (metals.has('mica') || metals.has('copper') || metals.has('graphite')) return 'EMRT';
  if (metals.size === 1 && metals.has('cobalt')) return 'CRT';
  return null;
}

/** Family, version and language from the workbook itself; throws TemplateError when it is not a template. */
export function detectTemplate(wb: WorkbookGrid): Omit<TemplateInfo, 'layoutVersion'> {
  const decl = getSheet(wb, 'Declaration');
  const names = wb.sheets.map((s) => s.name);
  if (!decl || !getSheet(wb, 'Smelter List')) {
    const missing = [!decl ? '"Declaration"' : null, !getSheet(wb, 'Smelter List') ? '"Smelter List"' : null].filter(Boolean).join(' and ');
    throw new TemplateError('not-a-template', `This workbook is not an RMI reporting template: it has no ${missing} sheet (sheets found: ${names.slice(0, 8).join(', ') || 'none'}${names.length > 8 ? ', …' : ''}).`);
  }
  const versionText = findVersionText(decl);
  if (!versionText) throw new TemplateError('no-version', 'This workbook has a Declaration sheet but no "Revision x.y" version text (expected in Declaration!J3), so its template version cannot be told.');
  const vm = /revision\s+(\d+(?:\.\d+)?)/i.exec(versionText);
  const family = familyOf(wb, decl);
  if (!family) throw new TemplateError('unknown-family', 'This workbook looks like an RMI template but its family (CMRT, EMRT, CRT or AMRT) cannot be told from its title or its smelter look-up list.');
  return {
    family,
    version: vm![1]!,
    versionText,
    releaseDate: releaseDate(versionText),
    language: languageName(cleanText(cellAt(decl, 3, 4))),
  };
}

class Notes {
  list: ReadNote[] = [];
  add(n: ReadNote): void {
    if (this.list.length < 500) this.list.push(n);
  }
}

function field(sheet: SheetGrid | undefined, sheetName: string, address: string, notes: Notes, value?: (raw: CellValue) => string | null): Field {
  const { row, col } = parseA1(address);
  const raw = cellAt(sheet, row, col);
  if (isErrorValue(raw)) {
    notes.add({ code: 'error-value', severity: 'warning', sheet: sheetName, cell: address, row, message: `${sheetName}!${address} shows the error ${raw} instead of a value.` });
  }
  return { value: value ? value(raw) : cleanText(raw), raw, sheet: sheetName, cell: address };
}

function readCompany(decl: SheetGrid, layout: TemplateLayout, notes: Notes): CompanyInfo {
  const out: Partial<CompanyInfo> = {};
  for (const key of COMPANY_FIELD_KEYS) {
    const address = layout.declaration.company[key];
    if (key === 'effectiveDate') {
      out.effectiveDate = field(decl, 'Declaration', address, notes, (raw) => parseDate(raw).iso);
    } else {
      out[key] = field(decl, 'Declaration', address, notes);
    }
  }
  const company = out as CompanyInfo;
  company.scope = scopeKind(company.declarationScope.raw);
  return company;
}

function canonicalMineral(text: string, known: readonly string[]): string {
  const lower = text.toLowerCase();
  return known.find((k) => k.toLowerCase() === lower) ?? text;
}

/** Minerals the declaration covers, in the order the template lists them in its question slots. */
function mineralsInScope(decl: SheetGrid, layout: TemplateLayout): string[] {
  const d = layout.declaration;
  if (d.mineralSelectionCells.length === 0) return [...d.minerals];
  const picked: string[] = [];
  for (const address of [...d.mineralSelectionCells, ...d.otherMineralCells]) {
    const t = cleanText(valueAt(decl, address));
    if (!t || /^\(delete/i.test(t) || /^other\s*\[/i.test(t)) continue;
    const name = canonicalMineral(t, d.minerals);
    if (!picked.includes(name)) picked.push(name);
  }
  // The template sorts the selection into its question slots with Excel's own collation. When the workbook was
  // recalculated, the slot labels (column B of the first question) show that order: use it if it names exactly
  // the picked minerals; otherwise sort (alphabetical, as Excel does for Latin names).
  const q1 = d.questions[0];
  if (q1) {
    const labels = q1.slots.map((s) => cleanText(valueAt(decl, `B${parseA1(s.answerCell).row}`))?.replace(/\(\*\)\s*$/, '').trim() ?? '').filter(Boolean);
    const same = labels.length === picked.length && labels.every((l) => picked.some((p) => p.toLowerCase() === l.toLowerCase()));
    if (same) return labels.map((l) => picked.find((p) => p.toLowerCase() === l.toLowerCase())!);
  }
  return picked.sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));
}

function valueAt(sheet: SheetGrid | undefined, address: string): CellValue {
  const { row, col } = parseA1(address);
  return cellAt(sheet, row, col);
}

function readAnswers(decl: SheetGrid, layout: TemplateLayout, inScope: string[], family: Family, notes: Notes): MetalAnswers[] {
  const vocab = ANSWER_VOCABULARY[family];
  const byMetal = new Map<string, MetalAnswers>();
  const slotMetal = (metal: string | null, slot: number): string | undefined => metal ?? inScope[slot];
  const answerValue = (raw: CellValue): string | null => canonicalAnswer(raw, vocab) ?? cleanText(raw);
  for (const q of layout.declaration.questions) {
    for (const s of q.slots) {
      const metal = slotMetal(s.metal, s.slot);
      if (!metal) continue;
      let entry = byMetal.get(metal);
      if (!entry) {
        entry = { metal, topics: {}, answers: {}, comments: {} };
        byMetal.set(metal, entry);
      }
      entry.topics[q.number] = q.topic;
      entry.answers[q.number] = field(decl, 'Declaration', s.answerCell, notes, answerValue);
      entry.comments[q.number] = field(decl, 'Declaration', s.commentCell, notes);
    }
  }
  const order = layout.declaration.mineralSelectionCells.length ? inScope : layout.declaration.minerals;
  return [...byMetal.values()].sort((a, b) => order.indexOf(a.metal) - order.indexOf(b.metal));
}

function readCompanyQuestions(decl: SheetGrid, layout: TemplateLayout, inScope: string[], family: Family, notes: Notes): CompanyQuestion[] {
  const vocab = ANSWER_VOCABULARY[family];
  const out: CompanyQuestion[] = [];
  for (const q of layout.declaration.companyQuestions) {
    const metal = q.slot === undefined ? undefined : (q.metal ?? inScope[q.slot]);
    if (q.slot !== undefined && !metal) continue;
    out.push({
      id: q.id,
      topic: q.topic,
      ...(metal ? { metal } : {}),
      answer: field(decl, 'Declaration', q.answerCell, notes, (raw) => canonicalAnswer(raw, vocab) ?? cleanText(raw)),
      comment: field(decl, 'Declaration', q.commentCell, notes),
    });
  }
  return out;
}

/** Last row with any value in the given columns (the host may hand us fewer or more rows than prepared). */
function lastDataRow(sheet: SheetGrid, firstRow: number, cols: number[], skip: ReadonlySet<number>): number {
  for (let r = sheet.values.length; r >= firstRow; r--) {
    const row = sheet.values[r - 1];
    if (!row || skip.has(r)) continue;
    for (const c of cols) if (cleanText(row[c - 1] ?? null) !== null) return r;
  }
  return firstRow - 1;
}

const LISTED_FORMULA_COLUMNS: readonly SmelterColumnKey[] = ['country', 'id', 'source', 'street', 'city', 'state'];
const CHECKER_COLUMNS: readonly SmelterCheckerColumn[] = ['metal', 'lookup', 'name', 'country'];
const SMELTER_KEYS: readonly (keyof SmelterRowValues & SmelterColumnKey)[] = [
  'typedId', 'metal', 'lookup', 'name', 'country', 'id', 'source', 'street', 'city', 'state', 'contactName',
  'contactEmail', 'nextSteps', 'mineName', 'mineCountry', 'recycled', 'comments',
];

function lookupKind(lookup: string | null, name: string | null, id: string | null): LookupKind {
  if (lookup) {
    const k = lookup.toLowerCase().replace(/\s+/g, ' ');
    if (k === 'smelter not listed') return 'not-listed';
    if (k === 'smelter not yet identified') return 'not-yet-identified';
    return 'listed';
  }
  if (id) return 'listed';
  return name ? 'not-listed' : 'empty';
}

function readSmelters(sheet: SheetGrid | undefined, t: TableLayout<SmelterColumnKey>, minerals: readonly string[], notes: Notes): SmelterRow[] {
  if (!sheet) return [];
  const cols = SMELTER_KEYS.map((k) => [k, t.columns[k] ? colIndex(t.columns[k]!) : 0] as const);
  const keyCols = cols.filter(([k, c]) => c > 0 && ['typedId', 'metal', 'lookup', 'name', 'country', 'id'].includes(k)).map(([, c]) => c);
  const skip = new Set(t.labelRows ?? []);
  const last = lastDataRow(sheet, t.firstRow, keyCols, skip);
  const hasFormulas = !!sheet.formulas && sheet.formulas.length > 0;
  const rows: SmelterRow[] = [];
  for (let r = t.firstRow; r <= last; r++) {
    const line = sheet.values[r - 1];
    if (!line || skip.has(r)) continue;
    const v: Partial<SmelterRowValues> = {};
    let errors: SmelterRow['errors'];
    let any = false;
    for (const [key, c] of cols) {
      if (!c) {
        v[key] = null;
        continue;
      }
      const raw = line[c - 1] ?? null;
      if (isErrorValue(raw)) {
        (errors ??= {})[key] = String(raw);
        v[key] = null;
        continue;
      }
      const text = cleanText(raw);
      v[key] = text;
      if (text !== null && keyCols.includes(c)) any = true;
    }
    if (!any) continue;
    if (v.metal) v.metal = canonicalMineral(v.metal, minerals);
    const row: SmelterRow = {
      row: r,
      ...(v as SmelterRowValues),
      lookupKind: lookupKind(v.lookup ?? null, v.name ?? null, v.id ?? v.typedId ?? null),
    };
    if (errors) {
      row.errors = errors;
      for (const [key, err] of Object.entries(errors)) {
        if (key === 'id' || key === 'country') continue; // an unresolved look-up shows #N/A there: reported by the ID rules
        notes.add({ code: 'error-value', severity: 'warning', sheet: t.sheet, cell: a1(r, colIndex(t.columns[key as SmelterColumnKey]!)), row: r, message: `Smelter List row ${r} shows the error ${err} in its ${key} column.` });
      }
    }
    // What the template's Checker sees that the cleaned values hide: exact text, and formulas showing nothing.
    for (const key of CHECKER_COLUMNS) {
      const col = t.columns[key];
      if (!col) continue;
      const c = colIndex(col);
      const raw = line[c - 1] ?? null;
      if (typeof raw === 'string' && raw !== '' && !isErrorValue(raw) && raw !== cleanText(raw)) (row.rawText ??= {})[key] = raw;
      if ((raw === null || raw === '') && formulaAt(sheet, r, c) !== null) (row.emptyFormula ??= []).push(key);
    }
    if (hasFormulas) {
      const typed: (keyof SmelterRowValues)[] = [];
      for (const key of LISTED_FORMULA_COLUMNS) {
        const col = t.columns[key];
        if (!col || v[key] === null || v[key] === undefined) continue;
        if (formulaAt(sheet, r, colIndex(col)) === null && sheet.formulas![r - 1] !== undefined) typed.push(key);
      }
      if (typed.length && row.lookupKind === 'listed') row.typedOver = typed;
    }
    rows.push(row);
  }
  return rows;
}

function readTable<K extends string, R>(sheet: SheetGrid | undefined, t: TableLayout<K> | undefined, keys: readonly K[], required: readonly K[], make: (row: number, v: Record<K, string | null>) => R): R[] {
  if (!sheet || !t) return [];
  const cols = keys.map((k) => [k, t.columns[k] ? colIndex(t.columns[k]!) : 0] as const);
  const reqCols = cols.filter(([k, c]) => c > 0 && required.includes(k)).map(([, c]) => c);
  const skip = new Set(t.labelRows ?? []);
  const last = lastDataRow(sheet, t.firstRow, reqCols, skip);
  const out: R[] = [];
  for (let r = t.firstRow; r <= last; r++) {
    const line = sheet.values[r - 1];
    if (!line || skip.has(r)) continue;
    const v = {} as Record<K, string | null>;
    let any = false;
    for (const [k, c] of cols) {
      v[k] = c ? cleanText(line[c - 1] ?? null) : null;
      if (v[k] !== null && reqCols.includes(c)) any = true;
    }
    if (any) out.push(make(r, v));
  }
  return out;
}

const PRODUCT_KEYS = ['number', 'name', 'requesterNumber', 'requesterName', 'comments'] as const;
const MINE_KEYS = ['metal', 'smelterName', 'mineName', 'mineId', 'mineIdSource', 'country', 'street', 'city', 'state', 'contactName', 'contactEmail', 'nextSteps', 'comments'] as const;
const LOOKUP_KEYS = ['metal', 'lookupName', 'standardName', 'country', 'id', 'source', 'street', 'city', 'state'] as const;

/** The raw cells the template's Checker reads (src/core/checker), as the host reported them. */
function readCheckerInputs(wb: WorkbookGrid, layout: TemplateLayout): CheckerInputs {
  const cells: Record<string, RawCell> = {};
  for (const key of checkerInputCells(layout)) {
    const bang = key.lastIndexOf('!');
    const sheet = getSheet(wb, key.slice(0, bang));
    const { row, col } = parseA1(key.slice(bang + 1));
    const raw = cellAt(sheet, row, col);
    cells[key] = formulaAt(sheet, row, col) !== null ? { raw, formula: true } : { raw };
  }
  return { cells, smelterFormulasKnown: !!getSheet(wb, layout.smelterList.sheet)?.formulas };
}

/** Reads a workbook's grids into the model. Throws TemplateError when the workbook is not a template. */
export function readTemplate(wb: WorkbookGrid): ReadResult {
  const info = detectTemplate(wb);
  const choice = chooseLayout(info.family, info.version);
  if (!choice) throw new TemplateError('unknown-family', `No layout is known for the ${info.family} family.`);
  const { layout } = choice;
  const notes = new Notes();
  if (!choice.exact) {
    notes.add({
      code: 'unknown-version', severity: 'warning', sheet: 'Declaration', cell: layout.declaration.versionCell, row: parseA1(layout.declaration.versionCell).row,
      message: `${info.family} version ${info.version} is not one this tool knows (newest known: ${newestVersion(info.family)}); it was read with the ${layout.version} layout, so check positions by eye.`,
    });
  }
  const decl = getSheet(wb, 'Declaration')!;
  const template: TemplateInfo = { ...info, layoutVersion: layout.version };
  const inScope = mineralsInScope(decl, layout);
  const products = readTable(getSheet(wb, layout.productList.sheet), layout.productList, PRODUCT_KEYS, ['number', 'name', 'requesterNumber', 'requesterName'], (row, v): ProductRow => ({
    row, number: v.number, name: v.name,
    ...(layout.productList.columns.requesterNumber ? { requesterNumber: v.requesterNumber, requesterName: v.requesterName } : {}),
    comments: v.comments,
  }));
  const mines = readTable(getSheet(wb, layout.mineList?.sheet ?? 'Mine List'), layout.mineList, MINE_KEYS, ['metal', 'smelterName', 'mineName', 'mineId', 'country'], (row, v): MineRow => ({ row, ...v }));
  const lookup = readTable(getSheet(wb, layout.lookup?.sheet ?? 'Smelter Look-up'), layout.lookup, LOOKUP_KEYS, ['id'], (row, v): LookupEntry | null => (
    v.id && v.metal ? { row, metal: v.metal, lookupName: v.lookupName ?? v.standardName ?? '', standardName: v.standardName ?? v.lookupName ?? '', country: v.country ?? '', id: v.id, source: v.source, street: v.street, city: v.city, state: v.state } : null
  )).filter((e): e is LookupEntry => e !== null);
  const declaration: Declaration = {
    template,
    company: readCompany(decl, layout, notes),
    mineralsInScope: inScope,
    answers: readAnswers(decl, layout, inScope, info.family, notes),
    companyQuestions: readCompanyQuestions(decl, layout, inScope, info.family, notes),
    smelters: readSmelters(getSheet(wb, layout.smelterList.sheet), layout.smelterList, layout.declaration.minerals, notes),
    products,
    mines,
    notes: notes.list,
    checkerInputs: readCheckerInputs(wb, layout),
  };
  return { declaration, lookup };
}

/** The layout a read declaration was read with. */
export function layoutFor(template: TemplateInfo): TemplateLayout {
  return chooseLayout(template.family, template.layoutVersion)!.layout;
}

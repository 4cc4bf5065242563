/**
 * The add-in's own sheets (the follow-up request, the review log, the findings fallback) and navigation.
 * Supplier sheets are never written here: only the add-in's named sheets ("Follow-up request", "Review log") and
 * sheets whose names start with "CMRT Review" are, and never a sheet of the RMI template itself.
 */
import { rectA1 } from './address';
import { errorMessage, Syncer } from './capabilities';

export const REVIEW_SHEET_PREFIX = 'CMRT Review';
/** Where findings go when marks cannot be applied (a sheet protected with a password). */
export const FINDINGS_SHEET = 'CMRT Review findings';

/** Excel's limit for the text of one cell. */
const MAX_CELL_TEXT = 32_767;

export type SheetRow = readonly (string | number)[];

export class SheetWriteError extends Error {
  override readonly name = 'SheetWriteError';
}

/** The add-in's sheets with names of their own (issue #8 names them). */
export const ADDIN_SHEETS: readonly string[] = ['Follow-up request', 'Review log'];

/** Sheets of the RMI templates themselves (every family): never written, whatever their name looks like. */
const TEMPLATE_SHEETS = new Set(['revision', 'instructions', 'definitions', 'declaration', 'minerals scope', 'smelter list', 'checker', 'mine list', 'product list', 'smelter look-up', 'l', 'c', 'sorp']);

export function isOwnSheet(name: string): boolean {
  if (TEMPLATE_SHEETS.has(name.trim().toLowerCase())) return false;
  return name.startsWith(REVIEW_SHEET_PREFIX) || ADDIN_SHEETS.includes(name);
}

export function assertOwnSheet(name: string): void {
  if (!isOwnSheet(name)) {
    throw new SheetWriteError(`The add-in only writes its own sheets (${ADDIN_SHEETS.map((n) => `"${n}"`).join(', ')} and "${REVIEW_SHEET_PREFIX} ..."), not "${name}".`);
  }
}

/**
 * Queues the writing of `rows` at `startRow` (1-based) of an add-in sheet - no sync. Text is written with the
 * Text number format ("@"), so that "=..." or "00123" stay as typed instead of becoming a formula or a number.
 */
export function queueWriteRows(sheet: Excel.Worksheet, rows: readonly SheetRow[], startRow: number): void {
  if (!rows.length) return;
  const width = Math.max(1, ...rows.map((r) => r.length));
  const values = rows.map((r) => Array.from({ length: width }, (_, i) => {
    const v = r[i] ?? '';
    return typeof v === 'string' && v.length > MAX_CELL_TEXT ? v.slice(0, MAX_CELL_TEXT) : v;
  }));
  const range = sheet.getRange(rectA1({ r1: startRow, c1: 1, r2: startRow + rows.length - 1, c2: width }));
  range.numberFormat = values.map((r) => r.map((v) => (typeof v === 'number' ? 'General' : '@')));
  range.values = values;
}

/**
 * Queues replacing the content of an add-in sheet (adding it when missing), unprotecting the workbook structure
 * around the add when it is protected without a password. No sync.
 */
export function queueReplaceSheet(workbook: Excel.Workbook, name: string, exists: boolean, structureProtected: boolean, rows: readonly SheetRow[]): void {
  assertOwnSheet(name);
  let sheet: Excel.Worksheet;
  if (exists) {
    sheet = workbook.worksheets.getItem(name);
    sheet.getRange().clear();
  } else {
    if (structureProtected) workbook.protection.unprotect();
    sheet = workbook.worksheets.add(name);
    if (structureProtected) workbook.protection.protect();
  }
  queueWriteRows(sheet, rows, 1);
}

/** Re-protects the workbook structure if an interrupted batch left it unprotected (two syncs). */
export async function restoreStructureProtection(context: Excel.RequestContext, syncer: Syncer): Promise<void> {
  const p = context.workbook.protection;
  p.load('protected');
  await syncer.sync();
  if (!p.protected) {
    p.protect();
    await syncer.sync();
  }
}

export interface WriteSheetOptions {
  /** Append after the last used row instead of replacing the content. */
  append?: boolean;
}

export interface WriteSheetResult {
  syncs: number;
  /** 1-based first row written. */
  firstRow: number;
  created: boolean;
}

/**
 * Writes rows to an add-in sheet ("CMRT Review ..."), creating it when missing. Append mode writes after the last
 * used row and never overwrites. Two syncs (three when appending to an existing sheet).
 */
export async function writeSheet(context: Excel.RequestContext, name: string, rows: readonly SheetRow[], opts: WriteSheetOptions = {}): Promise<WriteSheetResult> {
  assertOwnSheet(name);
  let syncs = 0;
  const wb = context.workbook;
  wb.worksheets.load('items/name');
  wb.protection.load('protected');
  await context.sync();
  syncs += 1;
  const existing = wb.worksheets.items.find((w) => w.name.toLowerCase() === name.toLowerCase());
  const structureProtected = wb.protection.protected;

  if (existing && opts.append) {
    const used = existing.getUsedRangeOrNullObject(true);
    used.load('rowIndex,rowCount');
    await context.sync();
    syncs += 1;
    const firstRow = used.isNullObject ? 1 : used.rowIndex + used.rowCount + 1;
    queueWriteRows(existing, rows, firstRow);
    await context.sync();
    return { syncs: syncs + 1, firstRow, created: false };
  }

  queueReplaceSheet(wb, existing?.name ?? name, Boolean(existing), structureProtected, rows);
  try {
    await context.sync();
    syncs += 1;
  } catch (e) {
    if (!existing && structureProtected) {
      // The unprotect may have worked and a later command failed: put the protection back.
      await restoreStructureProtection(context, new Syncer(context)).catch(() => undefined);
      throw new SheetWriteError(`Could not add the sheet "${name}": the workbook structure is protected, and the add-in only unprotects it when it has no password. (${errorMessage(e)})`);
    }
    throw e;
  }
  return { syncs, firstRow: 1, created: !existing };
}

export interface GoToResult {
  ok: boolean;
  message?: string;
}

/** Activates the sheet and selects the cell (one sync). A hidden or missing sheet gives a message, not an error. */
export async function goTo(context: Excel.RequestContext, sheet: string, cell: string): Promise<GoToResult> {
  const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
  ws.load('visibility');
  try {
    await context.sync();
  } catch (e) {
    return { ok: false, message: errorMessage(e) };
  }
  if (ws.isNullObject) return { ok: false, message: `The sheet "${sheet}" does not exist in this workbook.` };
  if (ws.visibility !== 'Visible') return { ok: false, message: `The sheet "${sheet}" is hidden; unhide it to see ${cell}.` };
  ws.activate();
  ws.getRange(cell).select();
  try {
    await context.sync();
    return { ok: true };
  } catch (e) {
    return { ok: false, message: errorMessage(e) };
  }
}

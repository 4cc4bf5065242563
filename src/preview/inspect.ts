/**
 * What the preview's side panel shows about the simulated workbook (and what browser tests read through
 * window.__cmrtPreview.inspect()): active sheet, selection, the add-in's marks and notes, the add-in's sheets.
 */
import { a1 } from '../core/grid';
import { rectA1 } from '../excel/address';
import { MARK_STYLES, isOwnNote } from '../excel/plan';
import { isOwnSheet } from '../excel/sheets';
import type { FakeWorkbook } from '../excel/fake';
import { unkey } from '../excel/fake/state';

export interface WorkbookView {
  sheets: string[];
  activeSheet: string | null;
  /** "Smelter List!D12" */
  selection: string | null;
  /** Cells whose fill is one of the add-in's mark colours, per sheet. */
  markedCells: Record<string, number>;
  markedTotal: number;
  /** The add-in's notes and comments (text starting with "[CMRT Review]"), as "Sheet!A1". */
  addinNotes: string[];
  /** Sheets the add-in wrote ("CMRT Review ..."), with their first column's text. */
  addinSheets: { name: string; rows: number; firstCells: string[] }[];
  /** Custom XML parts (the record of original formats lives in one). */
  customXmlParts: number;
}

const MARK_FILLS = new Set(Object.values(MARK_STYLES).map((s) => s.fill.toUpperCase()));

export function inspectWorkbook(wb: FakeWorkbook): WorkbookView {
  const doc = wb.doc;
  const byId = new Map(doc.sheets.map((s) => [s.id, s]));
  const markedCells: Record<string, number> = {};
  let markedTotal = 0;
  const addinNotes: string[] = [];
  const addinSheets: WorkbookView['addinSheets'] = [];
  for (const s of doc.sheets) {
    let n = 0;
    for (const c of s.cells.values()) if (c.fmt?.fill && MARK_FILLS.has(c.fmt.fill.color.toUpperCase())) n++;
    if (n) markedCells[s.name] = n;
    markedTotal += n;
    for (const [k, note] of s.notes) {
      if (!isOwnNote(note.content)) continue;
      const { row, col } = unkey(k);
      addinNotes.push(`${s.name}!${a1(row, col)}`);
    }
    if (isOwnSheet(s.name)) {
      const rows = new Set<number>();
      const first: string[] = [];
      for (const [k, c] of [...s.cells].sort((x, y) => x[0] - y[0])) {
        const { row, col } = unkey(k);
        rows.add(row);
        if (col === 1 && c.v !== null && first.length < 8) first.push(String(c.v));
      }
      addinSheets.push({ name: s.name, rows: rows.size, firstCells: first });
    }
  }
  for (const c of doc.comments) {
    if (isOwnNote(c.content)) addinNotes.push(`${byId.get(c.sheetId)?.name ?? '?'}!${a1(c.row, c.col)}`);
  }
  const sel = doc.selection;
  return {
    sheets: doc.sheets.map((s) => s.name),
    activeSheet: doc.activeSheetId ? (byId.get(doc.activeSheetId)?.name ?? null) : null,
    selection: sel ? `${byId.get(sel.sheetId)?.name ?? '?'}!${rectA1(sel.rect)}` : null,
    markedCells,
    markedTotal,
    addinNotes,
    addinSheets,
    customXmlParts: doc.customXmlParts.length,
  };
}

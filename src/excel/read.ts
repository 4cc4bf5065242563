/**
 * Reads what the core needs from the open workbook into a WorkbookGrid, in two round trips whatever the row count:
 *
 *   sync 1  every worksheet's name, visibility and protection;
 *   sync 2  for each sheet of the plan: the used part of its bounded range - values, plus either the formula
 *           texts (small ranges such as the Declaration) or only WHERE formulas are (Range.getSpecialCells,
 *           ExcelApi 1.9), which keeps a full 2,500-row Smelter List far below Excel on the web's 5 MB response limit.
 *
 * Where only formula positions are known, `formulas` holds FORMULA_PLACEHOLDER ("=") at those cells: enough to tell
 * a literal the supplier typed over a template formula from the formula's result. Empty cells, which Office.js
 * reports as "", become null as in every WorkbookGrid.
 */
import type { CellValue, SheetGrid, WorkbookGrid } from '../core/grid';
import { MAX_ROWS, parseArea, rectA1, splitAreas, type Rect } from './address';
import { capabilities, Syncer, type HostOptions } from './capabilities';

/** Stands in for a formula whose text was not loaded (only its position is known). */
export const FORMULA_PLACEHOLDER = '=';

export interface SheetReadSpec {
  /** Sheet name as templates name it; matched ignoring case and surrounding spaces. */
  name: string;
  /** Bounds: a range ("A1:AH200") or whole columns ("A:Q", then rows 1..plan.maxRows). */
  range: string;
  /** "text": formula texts (small ranges only); "cells": where formulas are (ExcelApi 1.9); "none". */
  formulas: 'text' | 'cells' | 'none';
}

export interface ReadPlan {
  sheets: readonly SheetReadSpec[];
  /** Last row read from column-bounded ranges (default 10,000: templates prepare 2,500 rows). */
  maxRows?: number;
}

/** Sheets and bounds the reader needs from CMRT, EMRT, CRT and AMRT templates. */
export const DEFAULT_READ_PLAN: ReadPlan = {
  sheets: [
    { name: 'Declaration', range: 'A1:AH200', formulas: 'text' },
    { name: 'Smelter List', range: 'A:Q', formulas: 'cells' },
    { name: 'Product List', range: 'A:F', formulas: 'none' },
    { name: 'Mine List', range: 'A:M', formulas: 'cells' },
    { name: 'Minerals Scope', range: 'A1:F60', formulas: 'text' },
    { name: 'Checker', range: 'A1:L200', formulas: 'none' },
    { name: 'Smelter Look-up', range: 'A:K', formulas: 'none' },
  ],
  maxRows: 10_000,
};

export interface ReadWorkbookResult {
  grid: WorkbookGrid;
  syncs: number;
  /** Sheets whose data reached the plan's last row (more rows may exist below). */
  truncated: string[];
  /** Sheets read with "cells" whose formula positions could not be known (ExcelApi below 1.9). */
  formulasUnknown: string[];
}

const VISIBILITY: Record<string, SheetGrid['visibility']> = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' };

function norm(name: string): string {
  return name.trim().toLowerCase();
}

function bounds(spec: SheetReadSpec, maxRows: number): Rect {
  const r = parseArea(spec.range);
  return r.r2 === MAX_ROWS ? { ...r, r2: Math.min(maxRows, MAX_ROWS) } : r;
}

function emptyToNull(v: unknown): CellValue {
  return v === '' || v === undefined ? null : (v as CellValue);
}

export async function readWorkbook(context: Excel.RequestContext, plan: ReadPlan = DEFAULT_READ_PLAN, opts: HostOptions = {}): Promise<ReadWorkbookResult> {
  const caps = capabilities(opts);
  const syncer = new Syncer(context);
  const maxRows = plan.maxRows ?? DEFAULT_READ_PLAN.maxRows!;

  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/visibility,items/protection/protected' + (caps.passwordInfo ? ',items/protection/isPasswordProtected' : ''));
  await syncer.sync();

  const grids: SheetGrid[] = worksheets.items.map((ws) => {
    const g: SheetGrid = { name: ws.name, values: [], visibility: VISIBILITY[ws.visibility] ?? 'visible', protection: { protected: ws.protection.protected } };
    if (caps.passwordInfo) g.protection!.passwordProtected = ws.protection.isPasswordProtected;
    return g;
  });

  interface Pending {
    grid: SheetGrid;
    spec: SheetReadSpec;
    rect: Rect;
    used: Excel.Range;
    areas: Excel.RangeAreas | null;
  }
  const pending: Pending[] = [];
  const formulasUnknown: string[] = [];
  for (const spec of plan.sheets) {
    const i = grids.findIndex((g) => norm(g.name) === norm(spec.name));
    if (i < 0) continue;
    const ws = worksheets.items[i]!;
    const rect = bounds(spec, maxRows);
    const range = ws.getRange(rectA1(rect));
    const used = range.getUsedRangeOrNullObject(true);
    if (spec.formulas === 'text') used.load('address,values,formulas');
    else used.load('address,values');
    let areas: Excel.RangeAreas | null = null;
    if (spec.formulas === 'cells') {
      if (caps.api19) {
        areas = range.getSpecialCellsOrNullObject('Formulas');
        areas.load('address');
      } else formulasUnknown.push(grids[i]!.name);
    }
    pending.push({ grid: grids[i]!, spec, rect, used, areas });
  }
  if (pending.length) await syncer.sync();

  const truncated: string[] = [];
  for (const p of pending) {
    if (p.used.isNullObject) continue;
    const at = parseArea(p.used.address);
    if (at.r2 >= p.rect.r2 && p.rect.r2 < MAX_ROWS && parseArea(p.spec.range).r2 === MAX_ROWS) truncated.push(p.grid.name);
    const values: CellValue[][] = [];
    for (let r = 1; r < at.r1; r++) values.push([]);
    for (const row of p.used.values) {
      const out: CellValue[] = new Array<CellValue>(at.c1 - 1).fill(null);
      for (const v of row) out.push(emptyToNull(v));
      values.push(out);
    }
    p.grid.values = values;
    if (p.spec.formulas === 'text') {
      const formulas: (string | null)[][] = [];
      for (let r = 1; r < at.r1; r++) formulas.push([]);
      for (const row of p.used.formulas) {
        const out: (string | null)[] = new Array<string | null>(at.c1 - 1).fill(null);
        for (const f of row) out.push(typeof f === 'string' && f.startsWith('=') ? f : null);
        formulas.push(out);
      }
      p.grid.formulas = formulas;
    } else if (p.areas) {
      const formulas: (string | null)[][] = [];
      if (!p.areas.isNullObject) {
        for (const area of splitAreas(p.areas.address)) {
          const a = parseArea(area);
          for (let r = a.r1; r <= a.r2; r++) {
            const row = (formulas[r - 1] ??= []);
            for (let c = a.c1; c <= a.c2; c++) row[c - 1] = FORMULA_PLACEHOLDER;
          }
        }
      }
      // Every row read gets a (possibly empty) formula row: "no formula here" is then known, not missing.
      for (let r = 0; r < Math.max(formulas.length, values.length); r++) {
        const row = (formulas[r] ??= []);
        for (let c = 0; c < row.length; c++) row[c] ??= null;
      }
      p.grid.formulas = formulas;
    }
  }
  return { grid: { sheets: grids }, syncs: syncer.count, truncated, formulasUnknown };
}

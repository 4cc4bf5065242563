/**
 * Reading the current format of cells before marking them, and writing formats (marks, restores) in few, small
 * requests: every group of cells that gets the same format is written with one RangeAreas per few hundred row
 * segments (ExcelApi 1.9), or one Range per segment on older Excel; a writer splits the batch when the estimated
 * request approaches Excel on the web's 5 MB limit.
 */
import { rectA1, runsByKey, type Run } from './address';
import type { Capabilities, Syncer } from './capabilities';
import { MARK_STYLES, type MarkKind } from './plan';
import { formatKey, keyCell, type CellFormat, type MarkedCell } from './store';

export function runA1(run: Run): string {
  return rectA1({ r1: run.row, r2: run.row, c1: run.c1, c2: run.c2 });
}

// ---- Capture (before marking) ----

export interface Capture {
  run: Run;
  range: Excel.Range;
  /** Per-cell results when the segment's cells differ (ExcelApi 1.9). */
  cellProps?: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
  /** Per-cell ranges when they differ (older Excel). */
  cellRanges?: Excel.Range[];
}

/** Queues the load of the format properties marks change (the fill pattern needs ExcelApi 1.9). */
function loadFormat(range: Excel.Range, caps: Capabilities): void {
  if (caps.api19) range.load('format/fill/color,format/fill/pattern,format/font/color,format/font/bold');
  else range.load('format/fill/color,format/font/color,format/font/bold');
}

/** First sync: one load per row segment. */
export function queueCapture(sheet: Excel.Worksheet, run: Run, caps: Capabilities): Capture {
  const range = sheet.getRange(runA1(run));
  loadFormat(range, caps);
  return { run, range };
}

/**
 * Second sync: per-cell loads of the properties a segment does not share (Excel reports null for those).
 * Returns the estimated request bytes queued.
 */
export function queueCellCapture(c: Capture, caps: Capabilities): number {
  const f = c.range.format;
  const m = { fillColor: f.fill.color === null, pattern: caps.api19 && f.fill.pattern === null, fontColor: f.font.color === null, bold: f.font.bold === null };
  if (!m.fillColor && !m.pattern && !m.fontColor && !m.bold) return 0;
  if (caps.api19) {
    const fill = { ...(m.fillColor ? { color: true } : {}), ...(m.pattern ? { pattern: true } : {}) };
    const font = { ...(m.fontColor ? { color: true } : {}), ...(m.bold ? { bold: true } : {}) };
    c.cellProps = c.range.getCellProperties({ format: { ...(Object.keys(fill).length ? { fill } : {}), ...(Object.keys(font).length ? { font } : {}) } });
    return COMMAND_BYTES;
  }
  c.cellRanges = [];
  for (let i = 0; i <= c.run.c2 - c.run.c1; i++) {
    const cell = c.range.getCell(0, i);
    loadFormat(cell, caps);
    c.cellRanges.push(cell);
  }
  return c.cellRanges.length * (COMMAND_BYTES + 200);
}

/** The fill as recorded: `null` for no fill. Without ExcelApi 1.9, no fill and white cannot be told apart: white is taken as no fill. */
function fillOf(color: string | null | undefined, pattern: string | null | undefined, caps: Capabilities): { fill: string | null; pattern?: string } {
  if (caps.api19) {
    if (pattern === 'None') return { fill: null };
    return pattern && pattern !== 'Solid' ? { fill: color ?? '#FFFFFF', pattern } : { fill: color ?? '#FFFFFF' };
  }
  return { fill: !color || color.toUpperCase() === '#FFFFFF' ? null : color };
}

/** After the second sync: the current format of each cell of the segment. */
export function capturedFormats(c: Capture, caps: Capabilities): CellFormat[] {
  const f = c.range.format;
  if (c.cellRanges) {
    return c.cellRanges.map((r) => ({ ...fillOf(r.format.fill.color, null, caps), fontColor: r.format.font.color ?? null, bold: r.format.font.bold ?? null }));
  }
  const props = c.cellProps?.value[0];
  return Array.from({ length: c.run.c2 - c.run.c1 + 1 }, (_, i) => {
    const p = props?.[i]?.format;
    const pattern = caps.api19 ? (p?.fill?.pattern ?? f.fill.pattern) : null;
    return { ...fillOf(p?.fill?.color ?? f.fill.color, pattern, caps), fontColor: p?.font?.color ?? f.font.color ?? null, bold: p?.font?.bold ?? f.font.bold ?? null };
  });
}

// ---- Writing ----

/** Request budget per sync: below 5 MB with room for the estimate's error. */
export const WRITE_BUDGET_BYTES = 3_000_000;
/** Areas per RangeAreas call, to keep addresses short. */
const AREAS_PER_CALL = 250;

/**
 * Queues writes and syncs when the estimated request reaches the budget - so a batch of any size stays under the
 * limit; typical reviews (2,500 rows) fit in one sync.
 */
export class Writer {
  private spent = 0;
  constructor(
    private readonly context: Excel.RequestContext,
    private readonly syncer: Syncer,
    private readonly caps: Capabilities,
    private readonly budget: number = WRITE_BUDGET_BYTES,
  ) {
    this.suspend();
  }

  private suspend(): void {
    this.context.application.suspendApiCalculationUntilNextSync();
    if (this.caps.suspendScreenUpdating) this.context.application.suspendScreenUpdatingUntilNextSync();
  }

  /** Accounts for a queued command of about `bytes` in the request; syncs first when the budget is reached. */
  async spend(bytes: number): Promise<void> {
    if (this.spent > 0 && this.spent + bytes > this.budget) {
      await this.syncer.sync();
      this.spent = 0;
      this.suspend();
    }
    this.spent += bytes;
  }

  async flush(): Promise<void> {
    await this.syncer.sync();
    this.spent = 0;
  }
}

/** Estimated request bytes of one command on a new object path chain (Office.js sends paths and actions as JSON). */
export const COMMAND_BYTES = 400;

type Apply = (format: Excel.RangeFormat) => number;

/** Queues `apply` on every run, grouped into RangeAreas (ExcelApi 1.9) or one Range per run. */
async function queueOnRuns(writer: Writer, sheet: Excel.Worksheet, runs: readonly Run[], apply: Apply, caps: Capabilities): Promise<void> {
  if (caps.api19) {
    for (let i = 0; i < runs.length; i += AREAS_PER_CALL) {
      const address = runs.slice(i, i + AREAS_PER_CALL).map(runA1).join(',');
      const commands = apply(sheet.getRanges(address).format);
      await writer.spend(COMMAND_BYTES + commands * 100 + address.length);
    }
  } else {
    for (const run of runs) {
      const commands = apply(sheet.getRange(runA1(run)).format);
      await writer.spend(COMMAND_BYTES + commands * 100);
    }
  }
}

/** Groups cells by key into row runs, then runs by key. */
function groupRuns<T>(cells: readonly { row: number; col: number; value: T }[], key: (v: T) => string): Map<string, { value: T; runs: Run[] }> {
  const groups = new Map<string, { value: T; runs: Run[] }>();
  for (const { run, value } of runsByKey(cells, key)) {
    const k = key(value);
    const g = groups.get(k) ?? { value, runs: [] };
    g.runs.push(run);
    groups.set(k, g);
  }
  return groups;
}

/** Whether a kind of mark changes the font (then the font is restored too). Unknown kinds: assume it does. */
export function changesFont(kind: string | undefined): boolean {
  const style = kind ? MARK_STYLES[kind as MarkKind] : undefined;
  return !style || style.fontColor !== undefined || style.bold !== undefined;
}

/** Queues the original formats back (the font only where the mark changed it). Returns the number of cells. */
export async function queueRestore(writer: Writer, sheet: Excel.Worksheet, cells: ReadonlyMap<number, MarkedCell>, caps: Capabilities, skip?: ReadonlyMap<number, unknown>): Promise<number> {
  const sorted = [...cells].filter(([k]) => !skip?.has(k)).sort((a, b) => a[0] - b[0]).map(([k, value]) => ({ ...keyCell(k), value }));
  const groups = groupRuns(sorted, (m) => `${formatKey(m.orig)}|${changesFont(m.kind)}`);
  for (const { value, runs } of groups.values()) {
    const f = value.orig;
    const font = changesFont(value.kind);
    await queueOnRuns(writer, sheet, runs, (format) => {
      let n = 1;
      if (f.fill === null) format.fill.clear();
      else {
        format.fill.color = f.fill;
        if (caps.api19 && f.pattern && f.pattern !== 'Solid') {
          format.fill.pattern = f.pattern as Excel.FillPattern;
          n++;
        }
      }
      if (font && f.fontColor !== null) {
        format.font.color = f.fontColor;
        n++;
      }
      if (font && f.bold !== null) {
        format.font.bold = f.bold;
        n++;
      }
      return n;
    }, caps);
  }
  return sorted.length;
}

export interface CellToMark {
  row: number;
  col: number;
  kind: MarkKind;
  orig: CellFormat;
  /** Set the font: the mark changes it, or the previous mark had changed it and it must go back. */
  font: boolean;
}

/** Queues marks: the style's fill; the style's font where it has one, else (when `font`) the original font. */
export async function queueMarks(writer: Writer, sheet: Excel.Worksheet, cells: readonly CellToMark[], caps: Capabilities): Promise<void> {
  const groups = groupRuns(
    cells.map((c) => ({ row: c.row, col: c.col, value: c })),
    (c) => (c.font ? `${c.kind}|${c.orig.fontColor}|${c.orig.bold}` : c.kind),
  );
  for (const { value, runs } of groups.values()) {
    const style = MARK_STYLES[value.kind];
    const fontColor = value.font ? (style.fontColor ?? value.orig.fontColor) : null;
    const bold = value.font ? (style.bold ?? value.orig.bold) : null;
    await queueOnRuns(writer, sheet, runs, (format) => {
      format.fill.color = style.fill;
      if (fontColor !== null) format.font.color = fontColor;
      if (bold !== null) format.font.bold = bold;
      return 1 + (fontColor !== null ? 1 : 0) + (bold !== null ? 1 : 0);
    }, caps);
  }
}

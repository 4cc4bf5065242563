/**
 * What to mark, decided without Excel: findings and smelters of interest become cell marks (a fill style per cell)
 * and notes (text per anchor cell). Pure, so that it is tested apart from the Excel round trips in mark.ts.
 */
import { colIndex, parseA1 } from '../core/grid';
import type { Finding, Severity } from '../core/model';
import type { Review } from '../core/review';

/** Prefix of every note or comment the add-in writes; only those are ever updated or removed. */
export const MARKER = '[CMRT Review]';

export type MarkKind = 'interest' | 'error' | 'warning' | 'info';

export interface MarkStyle {
  fill: string;
  /** Font changes, when the kind has them (the original font is restored on clear). */
  fontColor?: string;
  bold?: boolean;
}

export const MARK_STYLES: Readonly<Record<MarkKind, MarkStyle>> = {
  interest: { fill: '#FFC000' },
  error: { fill: '#FFC7CE', fontColor: '#9C0006', bold: true },
  warning: { fill: '#FFEB9C', fontColor: '#9C5700' },
  info: { fill: '#DDEBF7' },
};

/** A stronger kind wins where marks overlap (an error cell inside a smelter-of-interest row stays red). */
const RANK: Readonly<Record<MarkKind, number>> = { info: 1, interest: 2, warning: 3, error: 4 };

export const LEGEND_LINES: readonly string[] = [
  'Marks added by the CMRT Review add-in:',
  '- orange row: smelter of interest (its note lists the reasons)',
  '- red cell: error (e.g. a smelter ID problem, a missing or invalid answer)',
  '- yellow cell: warning',
  "Use the add-in's 'Clear marks' to restore the original formatting.",
];

export interface SmelterOfInterest {
  /** Defaults to "Smelter List". */
  sheet?: string;
  /** 1-based sheet row. */
  row: number;
  reasons: readonly string[];
}

export interface MarkRequest {
  findings?: readonly Finding[];
  smeltersOfInterest?: readonly SmelterOfInterest[];
  /** Severities of findings that get marks (default error and warning; the rest stay in the task pane). */
  severities?: readonly Severity[];
  /** Columns a row mark spans, per sheet (default: DEFAULT_ROW_COLUMNS, else A:Q). */
  rowColumns?: Readonly<Record<string, readonly [string, string]>>;
  /** Add a legend note to each marked sheet (default true). */
  legend?: boolean;
  /** Cell of the legend note (default A1). */
  legendCell?: string;
}

export const DEFAULT_ROW_COLUMNS: Readonly<Record<string, readonly [string, string]>> = {
  'Smelter List': ['A', 'Q'],
  'Mine List': ['A', 'M'],
  'Product List': ['A', 'F'],
};

export interface CellMark {
  row: number;
  col: number;
  kind: MarkKind;
}

export interface NoteMark {
  row: number;
  col: number;
  lines: string[];
  legend?: boolean;
}

export interface SheetPlan {
  sheet: string;
  /** Sorted by row, then column; one entry per cell. */
  cells: CellMark[];
  /** One per anchor cell, sorted like cells. */
  notes: NoteMark[];
}

export interface MarkPlan {
  sheets: SheetPlan[];
}

function severityLabel(s: Severity): string {
  return s === 'error' ? 'Error' : s === 'warning' ? 'Warning' : 'Note';
}

/** Longest note text written (Excel allows 32,767 characters; a note that long helps nobody). */
const MAX_NOTE_TEXT = 8_000;

export function noteText(lines: readonly string[]): string {
  const text = [MARKER, ...lines].join('\n');
  return text.length > MAX_NOTE_TEXT ? `${text.slice(0, MAX_NOTE_TEXT - 40)}\n… (more in the CMRT Review task pane)` : text;
}

export function isOwnNote(content: unknown): boolean {
  return typeof content === 'string' && content.startsWith(MARKER);
}

/** The marks of a review: its findings, and its smelters of interest with their reasons. */
export function markRequestFromReview(review: Pick<Review, 'findings' | 'smelters' | 'layout'>, extra: Omit<MarkRequest, 'findings' | 'smeltersOfInterest'> = {}): MarkRequest {
  return {
    ...extra,
    findings: review.findings,
    smeltersOfInterest: review.smelters.filter((s) => s.interest).map((s) => ({ sheet: review.layout.smelterList.sheet, row: s.row, reasons: s.reasons.map((r) => r.message) })),
  };
}

export function planMarks(req: MarkRequest): MarkPlan {
  const severities = new Set(req.severities ?? ['error', 'warning']);
  const sheets = new Map<string, { cells: Map<string, CellMark>; notes: Map<string, NoteMark> }>();
  const sheetOf = (name: string) => {
    let s = sheets.get(name);
    if (!s) sheets.set(name, (s = { cells: new Map(), notes: new Map() }));
    return s;
  };
  const span = (sheet: string): [number, number] => {
    const [a, b] = req.rowColumns?.[sheet] ?? DEFAULT_ROW_COLUMNS[sheet] ?? ['A', 'Q'];
    return [colIndex(a), colIndex(b)];
  };
  const mark = (sheet: string, row: number, col: number, kind: MarkKind) => {
    const cells = sheetOf(sheet).cells;
    const k = `${row}:${col}`;
    const prev = cells.get(k);
    if (!prev || RANK[kind] > RANK[prev.kind]) cells.set(k, { row, col, kind });
  };
  const note = (sheet: string, row: number, col: number, line: string) => {
    const notes = sheetOf(sheet).notes;
    const k = `${row}:${col}`;
    const n = notes.get(k) ?? { row, col, lines: [] };
    if (!n.lines.includes(line)) n.lines.push(line);
    notes.set(k, n);
  };

  for (const s of req.smeltersOfInterest ?? []) {
    const sheet = s.sheet ?? 'Smelter List';
    const [c1, c2] = span(sheet);
    for (let c = c1; c <= c2; c++) mark(sheet, s.row, c, 'interest');
    for (const reason of s.reasons) note(sheet, s.row, c1, `Smelter of interest: ${reason}`);
    if (!s.reasons.length) note(sheet, s.row, c1, 'Smelter of interest');
  }
  for (const f of req.findings ?? []) {
    if (!severities.has(f.severity)) continue;
    const kind: MarkKind = f.severity;
    const line = `${severityLabel(f.severity)}: ${f.message}${f.fix ? ` Fix: ${f.fix}` : ''}`;
    if (f.cell) {
      const { row, col } = parseA1(f.cell);
      mark(f.sheet, row, col, kind);
      note(f.sheet, row, col, line);
    } else if (f.row) {
      const [c1, c2] = span(f.sheet);
      for (let c = c1; c <= c2; c++) mark(f.sheet, f.row, c, kind);
      note(f.sheet, f.row, c1, line);
    }
  }
  if (req.legend ?? true) {
    const at = parseA1(req.legendCell ?? 'A1');
    for (const [name, s] of sheets) {
      if (!s.cells.size) continue;
      const k = `${at.row}:${at.col}`;
      const n = s.notes.get(k) ?? { row: at.row, col: at.col, lines: [] };
      n.lines.push(...LEGEND_LINES);
      n.legend = true;
      sheetOf(name).notes.set(k, n);
    }
  }
  const byPos = (a: { row: number; col: number }, b: { row: number; col: number }) => a.row - b.row || a.col - b.col;
  return {
    sheets: [...sheets]
      .map(([sheet, s]) => ({ sheet, cells: [...s.cells.values()].sort(byPos), notes: [...s.notes.values()].sort(byPos) }))
      .filter((s) => s.cells.length || s.notes.length),
  };
}

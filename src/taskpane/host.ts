/**
 * ExcelHost: everything the task pane asks of the workbook, behind one interface, so that the same components run
 * over real Excel (office.js, Excel.run) and over the simulated workbook of the preview harness and the browser tests
 * (src/excel/fake). Components reach it through HostContext (context.tsx), never through a global.
 *
 * `createExcelHost` builds one from an Excel.run-like function; the adapter in src/excel does the work.
 */
import type { WorkbookGrid } from '../core/grid';
import type { ClearResult, MarkResult } from '../excel/mark';
import type { MarkRequest } from '../excel/plan';
import type { GoToResult, SheetRow, WriteSheetResult } from '../excel/sheets';
import type { IsSetSupported } from '../excel/capabilities';
import type { SettingsStore } from './settings';
import type { ThemeSource } from './theme';

export type { ClearResult, GoToResult, MarkRequest, MarkResult, SheetRow, WriteSheetResult };

export interface GridRead {
  grid: WorkbookGrid;
  /** Sheets whose data reached the read limit (more rows may exist below). */
  truncated: string[];
}

export interface ExcelHost {
  /** "excel": office.js in Excel; "preview": the simulated workbook (no Excel, no network). */
  readonly kind: 'excel' | 'preview';
  /** The sheets the core needs, as cell grids (a few round trips whatever the row count). */
  readGrid(): Promise<GridRead>;
  /** Fills and notes for findings and smelters of interest; the original formatting is recorded for clear(). */
  mark(request: MarkRequest): Promise<MarkResult>;
  /** Removes the add-in's marks and notes, restoring the recorded formatting. */
  clear(): Promise<ClearResult>;
  /** Activates the sheet and selects the cell; a hidden or missing sheet gives a message, not an error. */
  goTo(sheet: string, cell: string): Promise<GoToResult>;
  /** Writes rows to one of the add-in's own sheets ("CMRT Review ..."), creating or replacing it. */
  writeSheet(name: string, rows: readonly SheetRow[], options?: { append?: boolean }): Promise<WriteSheetResult>;
  readonly settings: SettingsStore;
  readonly theme: ThemeSource;
}

/** An Excel.run look-alike: the real one, or a FakeWorkbook's run. */
export type RunBatch = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface HostParts {
  kind: ExcelHost['kind'];
  run: RunBatch;
  /** Office.context.requirements.isSetSupported, or the fake's. */
  isSetSupported: IsSetSupported;
  settings: SettingsStore;
  theme: ThemeSource;
}

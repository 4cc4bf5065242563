/**
 * The ExcelHost over the Excel adapter (src/excel): one implementation for real Excel and the fake, differing only
 * in the `run` function and the capability check they are given.
 */
import { readWorkbook, DEFAULT_READ_PLAN } from '../excel/read';
import { clearMarks, markWorkbook } from '../excel/mark';
import { goTo, writeSheet } from '../excel/sheets';
import { officeIsSetSupported, officeRun } from '../excel/capabilities';
import type { ExcelHost, HostParts } from './host';
import { officeThemeSource } from './theme';
import { storageStore } from './settings';

export function createExcelHost(parts: HostParts): ExcelHost {
  const opts = { isSetSupported: parts.isSetSupported };
  return {
    kind: parts.kind,
    settings: parts.settings,
    theme: parts.theme,
    async readGrid() {
      const r = await parts.run((ctx) => readWorkbook(ctx, DEFAULT_READ_PLAN, opts));
      return { grid: r.grid, truncated: r.truncated };
    },
    mark: (request) => parts.run((ctx) => markWorkbook(ctx, request, opts)),
    clear: () => parts.run((ctx) => clearMarks(ctx, opts)),
    goTo: (sheet, cell) => parts.run((ctx) => goTo(ctx, sheet, cell)),
    writeSheet: (name, rows, options) => parts.run((ctx) => writeSheet(ctx, name, rows, options)),
  };
}

function localStorageOrNull(): Storage | null {
  try {
    const s = window.localStorage;
    const probe = '__cmrt-review-probe__';
    s.setItem(probe, '1');
    s.removeItem(probe);
    return s;
  } catch {
    return null;
  }
}

/** The host inside Excel: Excel.run, Office's requirement sets and theme, settings in the pane's localStorage. */
export function createOfficeHost(): ExcelHost {
  return createExcelHost({
    kind: 'excel',
    run: officeRun,
    isSetSupported: officeIsSetSupported,
    settings: storageStore(localStorageOrNull(), "Kept in the add-in's storage on this computer (not in the workbook)."),
    theme: officeThemeSource(),
  });
}

export { localStorageOrNull };

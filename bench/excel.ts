/**
 * The Excel adapter on the real RMI CMRT 6.5 with 2,500 smelter rows (filled by test/support/fill.ts), in the fake
 * Excel: read, review, mark (the review's findings and smelters of interest, plus every 3rd smelter row of interest,
 * ID errors and Declaration findings), clear. Reports round trips, the largest request/response per step,
 * and whether supplier values were left alone and formats restored exactly.
 *
 *   npm run bench -- excel
 */
import { reviewWorkbook } from '../src/core/review';
import type { Finding } from '../src/core/model';
import { FakeWorkbook } from '../src/excel/fake';
import { clearMarks, markWorkbook } from '../src/excel/mark';
import { readWorkbook } from '../src/excel/read';
import { markRequestFromReview, type SmelterOfInterest } from '../src/excel/plan';
import { realCmrt } from '../test/excel/support/real';
import { fakeCmrt, manyMarks } from '../test/excel/support/workbooks';

export interface ExcelBenchResult {
  rows: number;
  source: string;
  syncs: { read: number; mark: number; clear: number };
  /** Largest request or response of one sync, per step, in bytes (Excel on the web allows 5 MB). */
  maxPayloadBytes: { read: number; mark: number; clear: number };
  cellsMarked: number;
  notesWritten: number;
  valuesUnchanged: boolean;
  formatsRestored: boolean;
  ms: { read: number; mark: number; clear: number };
}

const ROWS = 2500;

function contents(wb: FakeWorkbook): string {
  return JSON.stringify(wb.doc.sheets.map((s) => wb.contents(s.name)));
}

function maxPayload(wb: FakeWorkbook): number {
  return Math.max(...wb.lastContext.syncs.map((s) => Math.max(s.requestBytes, s.responseBytes)));
}

/** The real CMRT 6.5 filled with 2,500 rows when the templates are there (../shared), else the synthetic shape. */
function workbook(): { wb: FakeWorkbook; source: string } {
  try {
    return { wb: realCmrt({ rows: ROWS }).workbook, source: 'RMI_CMRT_6.5.xlsx, Smelter List filled with 2,500 rows' };
  } catch {
    return { wb: fakeCmrt({ rows: ROWS }), source: 'synthetic CMRT 6.5 shape (shared/templates not found)' };
  }
}

export async function benchExcel(): Promise<ExcelBenchResult> {
  const { wb, source } = workbook();
  const opts = { isSetSupported: wb.isSetSupported };
  const start = JSON.stringify(wb.snapshot());
  const values = contents(wb);
  const ms = { read: 0, mark: 0, clear: 0 };

  let t = performance.now();
  const read = await wb.run((ctx) => readWorkbook(ctx, undefined, opts));
  ms.read = performance.now() - t;
  const readPayload = maxPayload(wb);

  // The core's review, plus every 3rd smelter row of interest and Declaration findings.
  const fromReview = markRequestFromReview(reviewWorkbook(read.grid));
  const synthetic = manyMarks(ROWS);
  const findings: Finding[] = [...(fromReview.findings ?? []), ...synthetic.findings];
  const smeltersOfInterest: SmelterOfInterest[] = [...(fromReview.smeltersOfInterest ?? []), ...synthetic.smeltersOfInterest];

  t = performance.now();
  const marked = await wb.run((ctx) => markWorkbook(ctx, { findings, smeltersOfInterest }, opts));
  ms.mark = performance.now() - t;
  const markPayload = maxPayload(wb);
  const valuesUnchanged = contents(wb) === values;

  t = performance.now();
  const cleared = await wb.run((ctx) => clearMarks(ctx, opts));
  ms.clear = performance.now() - t;
  const clearPayload = maxPayload(wb);

  return {
    rows: ROWS,
    source,
    syncs: { read: read.syncs, mark: marked.syncs, clear: cleared.syncs },
    maxPayloadBytes: { read: readPayload, mark: markPayload, clear: clearPayload },
    cellsMarked: marked.cellsMarked,
    notesWritten: marked.notesWritten,
    valuesUnchanged: valuesUnchanged && contents(wb) === values,
    formatsRestored: JSON.stringify(wb.snapshot()) === start,
    ms: { read: Math.round(ms.read), mark: Math.round(ms.mark), clear: Math.round(ms.clear) },
  };
}

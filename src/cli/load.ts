/**
 * File loading for the CLI (Node): bytes from disk through the xlsx reader into cell grids, with a one-line,
 * specific reason when a file cannot be read as a template.
 */
import { readFileSync, statSync } from 'node:fs';
import { readXlsx, XlsxError, type XlsxWorkbook } from '../xlsx/read';
import { storedZipCopy } from './stored-zip';
import { NEEDED_SHEETS, TemplateError } from '../core/read';
import { reviewWorkbook, type Review, type ReviewOptions } from '../core/review';

export interface LoadError {
  code: string;
  message: string;
}

export type Loaded = { review: Review; error: null } | { review: null; error: LoadError };

export function reviewFile(path: string, options: ReviewOptions): Loaded {
  let bytes: Uint8Array;
  try {
    const st = statSync(path);
    if (st.isDirectory()) return { review: null, error: { code: 'is-directory', message: `${path} is a folder, not a file.` } };
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { review: null, error: { code: 'unreadable', message: code === 'ENOENT' ? 'No such file.' : `Cannot read the file (${code ?? 'error'}).` } };
  }
  return reviewBytes(bytes, options);
}

/**
 * The CLI's read of a workbook: the XML parts are inflated with Node's native zlib first (see stored-zip.ts), then
 * parsed by the same browser-safe reader the task pane uses. If that copy cannot be had or read, the original bytes
 * are read, so errors are always the reader's own.
 */
export function readWorkbookBytes(bytes: Uint8Array): XlsxWorkbook {
  const options = { sheets: [...NEEDED_SHEETS], formulas: true };
  const copy = storedZipCopy(bytes);
  if (copy) {
    try {
      return readXlsx(copy, options);
    } catch {
      // fall through to the original bytes
    }
  }
  return readXlsx(bytes, options);
}

export function reviewBytes(bytes: Uint8Array, options: ReviewOptions): Loaded {
  try {
    const wb = readWorkbookBytes(bytes);
    return { review: reviewWorkbook(wb, options), error: null };
  } catch (e) {
    if (e instanceof XlsxError) return { review: null, error: { code: e.code, message: e.message } };
    if (e instanceof TemplateError) return { review: null, error: { code: e.code, message: e.message } };
    return { review: null, error: { code: 'internal', message: `Unexpected error while reading: ${(e as Error).message}` } };
  }
}

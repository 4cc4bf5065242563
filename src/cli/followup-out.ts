/**
 * `cmrt-review check --out DIR`: for each reviewed file that needs follow-up, DIR/<base>.followup.txt (the request,
 * first line "Subject: ...") and, for a buyer, DIR/<base>.followup.csv (the smelters of interest, UTF-8 with BOM).
 * A supplier gets the "fix before sending" list as the .txt. Files that need nothing, or could not be read, get
 * nothing. Two inputs with the same base name get "<base>-2", "<base>-3", ... so that none overwrites another.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { buildFollowUp, type FollowUpOptions } from '../core/followup/request';
import { renderText, smelterCsv } from '../core/followup/render';
import type { Review } from '../core/review';

export interface FollowUpOutInput {
  file: string;
  review: Review | null;
}

export interface FollowUpOutResult {
  /** Paths written, in order. */
  written: string[];
  /** Files with nothing to follow up. */
  skipped: string[];
}

export class FollowUpWriteError extends Error {
  override readonly name = 'FollowUpWriteError';
}

/** "suppliers/Acme CMRT.xlsx" -> "Acme CMRT". */
export function followUpBaseName(file: string): string {
  const b = basename(file);
  const ext = extname(b);
  const stem = ext && ext !== b ? b.slice(0, -ext.length) : b;
  return stem || 'template';
}

/** `options`: the role and "today", and what the user set for the buyer's request (parts, contact, due days, wording). */
export function writeFollowUps(dir: string, inputs: readonly FollowUpOutInput[], options: FollowUpOptions): FollowUpOutResult {
  const result: FollowUpOutResult = { written: [], skipped: [] };
  const used = new Set<string>();
  let dirReady = false;
  for (const { file, review } of inputs) {
    if (!review) continue;
    const request = buildFollowUp(review, options);
    if (!request.needsFollowUp) {
      result.skipped.push(file);
      continue;
    }
    const stem = followUpBaseName(file);
    let base = stem;
    for (let n = 2; used.has(base.toLowerCase()); n++) base = `${stem}-${n}`;
    used.add(base.toLowerCase());
    const outputs: [string, string][] = [[join(dir, `${base}.followup.txt`), renderText(request)]];
    if (options.role === 'buyer') outputs.push([join(dir, `${base}.followup.csv`), smelterCsv(review)]);
    for (const [path, content] of outputs) {
      try {
        if (!dirReady) {
          mkdirSync(dir, { recursive: true });
          dirReady = true;
        }
        writeFileSync(path, content, 'utf8');
      } catch (e) {
        throw new FollowUpWriteError(`Cannot write ${path} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`);
      }
      result.written.push(path);
    }
  }
  return result;
}

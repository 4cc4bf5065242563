/**
 * Worker thread of `cmrt-review rollup`: reads and reviews the files the main thread sends, one at a time, and
 * posts back only each file's compact roll-up summary (never the model or the grids).
 *
 * Protocol: workerData is a `RollupWorkerData`; the worker posts `{ type: 'ready' }` once its reference data is
 * loaded, then answers each `{ id, file }` with `{ type: 'result', id, summary }`. Any failure on one file becomes
 * that file's "unreadable" summary; the worker itself keeps going.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { buildReference } from './main';
import { reviewForRollup, type RollupReviewContext, type RollupWorkerData } from './rollup';

export interface RollupTask {
  id: number;
  file: string;
}

function start(data: RollupWorkerData): void {
  const port = parentPort!;
  const now = new Date(data.now);
  // The main thread has already loaded these files once (and reported any problem): stay quiet here.
  const ctx: RollupReviewContext = { role: data.role, now, reference: buildReference(data, now, () => undefined) };
  port.on('message', (task: RollupTask) => {
    port.postMessage({ type: 'result', id: task.id, summary: reviewForRollup(task.file, ctx) });
  });
  port.postMessage({ type: 'ready' });
}

if (parentPort && (workerData as RollupWorkerData | undefined)?.kind === 'cmrt-review-rollup') start(workerData as RollupWorkerData);

/**
 * The review engine (src/taskpane/engine.ts and the core behind it), loaded once with a dynamic import so that its
 * reference data does not delay the pane's first paint. Everything that needs the core's rules or reference data
 * (the review, the reference-file importers, the shipped sources) goes through it, so no core module is bundled twice.
 */
export type Engine = typeof import('./engine');

let enginePromise: Promise<Engine> | null = null;

export function loadEngine(): Promise<Engine> {
  enginePromise ??= import(/* webpackChunkName: "engine" */ './engine').catch((e: unknown) => {
    enginePromise = null;
    throw e;
  });
  return enginePromise;
}

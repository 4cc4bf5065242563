/**
 * Benchmarks: `npm run bench`. Each section prints a line as it finishes; the LAST line is one JSON object:
 *
 *   {
 *     "cli":    { msPerFile, baselineMsPerFile, ratio, peakRssMiB, ... }   reading a full CMRT (2,500 rows) vs exceljs
 *     "core":   { smelterChecksMs, ... }                                  all smelter rules + assessment, 2,500 rows
 *     "excel":  { rows, syncs: {read, mark, clear}, valuesUnchanged, formatsRestored, ... }
 *     "bundle": { initialJsGzipBytes, totalJsGzipBytes }
 *     "rollup": { files, seconds, ... }
 *   }
 *
 * Targets (checked by eye, and by CI only where a test asserts a count, never a time): cli ratio <= 0.10 and
 * peakRssMiB < 150; smelterChecksMs < 20; syncs <= 4 each; initial JS <= 165 KB and all JS <= 250 KB gzip;
 * rollup <= 0.25 s per file. Run one section with `npm run bench -- cli` (or core, excel, bundle, rollup).
 */
import { benchXlsx } from './xlsx';
import { benchSmelterChecks } from './smelters';
import { benchExcel } from './excel';
import { benchBundle } from './bundle';
import { benchRollup } from './rollup';

const SECTIONS: Record<string, () => Promise<object> | object> = {
  cli: benchXlsx,
  core: benchSmelterChecks,
  excel: benchExcel,
  bundle: () => benchBundle(),
  rollup: () => benchRollup(),
};

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((a) => a in SECTIONS);
  const names = wanted.length ? wanted : Object.keys(SECTIONS);
  const out: Record<string, object> = {};
  for (const name of names) {
    const t0 = performance.now();
    out[name] = await SECTIONS[name]!();
    console.log(`${name}: ${JSON.stringify(out[name])} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  }
  console.log(JSON.stringify(out));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});

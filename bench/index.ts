/**
 * Benchmarks: `npm run bench`. Prints one line per benchmark, then ONE JSON object as the very last line
 * ({ "<name>": { "ms": ..., "ops_per_s": ..., ... }, ... }) for tools to read.
 *
 * To add a benchmark, push to BENCHES below (or import a module that does). Keep each one short (well under a
 * second or two on a 2-core machine).
 */
import { colLetters, parseA1 } from '../src/core/grid';

export interface BenchResult {
  ms: number;
  iterations: number;
  ops_per_s: number;
  [extra: string]: number | string;
}

export interface Bench {
  name: string;
  /** Runs the workload once; may return extra numbers to report. */
  run: () => void | Record<string, number | string> | Promise<void | Record<string, number | string>>;
  iterations?: number;
}

export const BENCHES: Bench[] = [
  {
    name: 'core.a1_roundtrip_10k',
    iterations: 20,
    run: () => {
      let sum = 0;
      for (let i = 1; i <= 10_000; i++) sum += parseA1(`${colLetters((i % 16384) + 1)}${i}`).col;
      return { checksum: sum };
    },
  },
];

async function measure(bench: Bench): Promise<BenchResult> {
  const iterations = bench.iterations ?? 1;
  await bench.run(); // warm-up
  let extra: Record<string, number | string> = {};
  const start = performance.now();
  for (let i = 0; i < iterations; i++) extra = (await bench.run()) ?? extra;
  const ms = (performance.now() - start) / iterations;
  return { ...extra, ms: Number(ms.toFixed(3)), iterations, ops_per_s: Number((1000 / ms).toFixed(1)) };
}

async function main(): Promise<void> {
  const results: Record<string, BenchResult> = {};
  for (const bench of BENCHES) {
    const r = await measure(bench);
    results[bench.name] = r;
    console.log(`${bench.name}: ${r.ms} ms/iteration (${r.iterations} iterations)`);
  }
  console.log(JSON.stringify(results));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});

/**
 * Load helpers shared by the bench parts: an autocannon run against the local stack and a raw
 * DynamoDB Local loop with the same concurrency, each reduced to ops/s and p50/p99 latency.
 */
import autocannon from 'autocannon';
import { performance } from 'node:perf_hooks';

export interface LoadRun {
  opsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  total: number;
  errors: number;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

/** autocannon with one worker thread, so the portal keeps the main event loop to itself. */
export async function apiRun(url: string, seconds: number, connections: number, headers?: Record<string, string>): Promise<LoadRun> {
  const result = await autocannon({ url, connections, duration: seconds, workers: 1, timeout: 10, ...(headers ? { headers } : {}) });
  return {
    opsPerSec: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    total: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/** `connections` concurrent loops of `operation` for `seconds`; an operation that returns false counts as an error. */
export async function rawRun(operation: () => Promise<boolean>, seconds: number, connections: number): Promise<LoadRun> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        try {
          if (!(await operation())) errors++;
        } catch {
          errors++;
        }
        latencies.push(performance.now() - t);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { opsPerSec: latencies.length / elapsed, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), total: latencies.length, errors };
}

export function combine(runs: LoadRun[]): LoadRun {
  return {
    opsPerSec: mean(runs.map((r) => r.opsPerSec)),
    p50Ms: mean(runs.map((r) => r.p50Ms)),
    p99Ms: mean(runs.map((r) => r.p99Ms)),
    total: runs.reduce((a, r) => a + r.total, 0),
    errors: runs.reduce((a, r) => a + r.errors, 0),
  };
}

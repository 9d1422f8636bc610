/**
 * What every part of `npm run bench` hands back to the runner (test/bench/run.ts): rows for the
 * report's main table, free notes, and raw numbers for bench/results.json. A part measures its
 * figure beside its baseline in the same run and never throws for a missed target: a missed
 * target is a row with `met: false` and a note saying why.
 */
import type { TestPortal } from '../helpers/portal';

export interface BenchRow {
  figure: string;
  measured: string;
  /** The baseline measured in the same run, or '—' when the issue names none. */
  baseline: string;
  /** measured / baseline, when a ratio makes sense. */
  ratio?: number;
  target: string;
  /** undefined: a figure with no pass/fail target. */
  met?: boolean;
}

export interface BenchSection {
  id: string;
  title: string;
  rows: BenchRow[];
  /** Extra markdown shown under the section's rows (tables, reasons for a missed target). */
  notes: string[];
  /** Raw figures, written to bench/results.json under the section's id. */
  json: unknown;
}

export interface BenchContext {
  /** The repository root. */
  root: string;
  /** A scratch folder for this run (removed afterwards); node_modules is linked inside it. */
  work: string;
  /** DynamoDB Local started for this run (loopback). */
  dynamoEndpoint: string;
  /** The run's one portal on loopback (own table, demo seed, real handlers, jobs off; the built site when the pages part runs), shared by every part. */
  startPortal(): Promise<TestPortal>;
  log(message: string): void;
  /** Seconds per load run (BENCH_DURATION, default 10). */
  durationS: number;
  connections: number;
}

export type BenchPart = (ctx: BenchContext) => Promise<BenchSection>;

export const fmtInt = (n: number) => Math.round(n).toLocaleString('en-US');
export const ratioText = (r: number | undefined) => (r === undefined ? '' : `${r.toFixed(2)}×`);

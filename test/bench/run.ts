/**
 * `npm run bench`: figures, not pass/fail. Each part (test/bench/*.ts, listed in PARTS) measures
 * its figure beside a baseline in the same run and reports the ratio, because these machines are
 * shared and noisy. Writes bench/results.json (git-ignored) and bench/REPORT.md. Loopback only.
 *
 * Knobs: BENCH_DURATION (s per load run, default 10), BENCH_CONNECTIONS (10), BENCH_INIT_RUNS (7),
 * BENCH_ONLY (comma-separated part ids, e.g. `BENCH_ONLY=bundles npm run bench`).
 */
import { cpus, tmpdir } from 'node:os';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { javaProblem, startDynamoDbLocal, type RunningDynamoDb } from '../../functions/src/local/dynamodb-local';
import { startTestPortal, type TestPortal } from '../helpers/portal';
import { measureBundlesAndInit } from './bundles';
import { measureHotSpot } from './hot-spot';
import { capacityPart } from './capacity';
import { builtSite, pagesPart } from './pages';
import { contentionPart } from './contention';
import { throughputPart } from './throughput';
import { vnpaySignPart } from './vnpay-sign';
import type { BenchContext, BenchPart, BenchSection } from './section';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const OUT_DIR = resolve(ROOT, 'bench');

/** Every part of the bench, in the order the report shows them. */
const PARTS: Array<{ id: string; run: BenchPart }> = [
  { id: 'bundles', run: measureBundlesAndInit },
  { id: 'capacity', run: capacityPart },
  { id: 'throughput', run: throughputPart },
  { id: 'contention', run: contentionPart },
  { id: 'vnpaySign', run: vnpaySignPart },
  { id: 'hotspot', run: measureHotSpot },
  { id: 'pages', run: pagesPart },
];

const positiveInt = (value: string | undefined, fallback: number) => (Number.isInteger(Number(value)) && Number(value) > 0 ? Number(value) : fallback);
const DURATION_S = positiveInt(process.env.BENCH_DURATION, 10);
const CONNECTIONS = positiveInt(process.env.BENCH_CONNECTIONS, 10);
const ONLY = process.env.BENCH_ONLY?.split(',').map((s) => s.trim()).filter(Boolean);
/** Hard stop: the bench must never hang a CI machine. */
const HARD_LIMIT_MS = 25 * 60_000;

const log = (message: string) => console.log(`[bench] ${message}`);
const cell = (text: string) => text.replace(/\|/g, '\\|');

function report(date: string, machine: Record<string, string | number>, sections: BenchSection[], failed: Array<{ id: string; error: string }>): string {
  const status = (met: boolean | undefined) => (met === undefined ? '' : met ? ' (met)' : ' (**not met**)');
  const lines = [
    '# Benchmarks',
    '',
    'Figures, not pass/fail: each is measured beside its baseline in the same run and read as a ratio',
    '(these machines are shared and noisy). Re-run with `npm run bench`; raw numbers go to `bench/results.json`.',
    '',
    `- Date: ${date}`,
    `- Machine: ${machine.cores} cores (${machine.cpu}), Node ${machine.node}, ${machine.platform}`,
    `- Load runs: ${CONNECTIONS} connections × ${DURATION_S} s`,
    '',
    '| Figure | Measured | Baseline (same run) | Ratio | Target |',
    '|---|---|---|---|---|',
    ...sections.flatMap((s) => s.rows.map((r) => `| ${cell(r.figure)} | ${cell(r.measured)} | ${cell(r.baseline)} | ${r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}×`} | ${cell(r.target)}${status(r.met)} |`)),
    '',
    ...sections.flatMap((s) => (s.notes.length ? [`## ${s.title}`, '', ...s.notes, ''] : [])),
    ...(failed.length ? ['## Parts that could not run', '', ...failed.map((f) => `- \`${f.id}\`: ${f.error}`), ''] : []),
  ];
  return lines.join('\n');
}

async function main(): Promise<void> {
  setTimeout(() => {
    console.error(`[bench] stopped: took longer than ${HARD_LIMIT_MS / 60_000} minutes`);
    process.exit(1);
  }, HARD_LIMIT_MS).unref();
  const started = performance.now();
  const java = javaProblem();
  if (java) throw new Error(java);
  mkdirSync(OUT_DIR, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'portal-bench-'));
  // Bundles keep `@aws-sdk/*` external (the Lambda runtime provides it): resolve it from here.
  symlinkSync(resolve(ROOT, 'node_modules'), join(work, 'node_modules'), 'dir');

  let dynamo: RunningDynamoDb | undefined;
  let portal: Promise<TestPortal> | undefined;
  const parts = PARTS.filter((p) => !ONLY || ONLY.includes(p.id));
  const sections: BenchSection[] = [];
  const failed: Array<{ id: string; error: string }> = [];
  try {
    dynamo = await startDynamoDbLocal();
    const ctx: BenchContext = {
      root: ROOT,
      work,
      dynamoEndpoint: dynamo.endpoint,
      // One portal for the whole run: the handlers read their configuration (table, keys) once per
      // process, as in a Lambda container, so a second portal's requests would meet the first one's
      // keys. It serves the built site when the pages part runs; a part "closing" it leaves it open.
      async startPortal() {
        portal ??= startTestPortal({ endpoint: dynamo!.endpoint, webDist: parts.some((p) => p.id === 'pages') ? builtSite(ctx) : undefined });
        return { ...(await portal), close: async () => {} };
      },
      log,
      durationS: DURATION_S,
      connections: CONNECTIONS,
    };
    for (const part of parts) {
      log(`— ${part.id}`);
      const t = performance.now();
      try {
        sections.push(await part.run(ctx));
      } catch (error) {
        // One broken part must not hide the others' figures: it is named in the report instead.
        const message = error instanceof Error ? error.message : String(error);
        console.error(`[bench] part ${part.id} failed:`, error);
        failed.push({ id: part.id, error: message.split('\n')[0]!.slice(0, 300) });
      }
      log(`  ${part.id} took ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
  } finally {
    await (await portal?.catch(() => undefined))?.close();
    await dynamo?.stop();
    // Unlink the node_modules symlink first, so nothing can ever walk into the real one.
    unlinkSync(join(work, 'node_modules'));
    rmSync(work, { recursive: true, force: true });
  }

  const date = new Date().toISOString();
  const machine = { cores: cpus().length, cpu: cpus()[0]?.model.trim() ?? 'unknown', node: process.version, platform: `${process.platform} ${process.arch}` };
  const elapsedS = Number(((performance.now() - started) / 1000).toFixed(1));
  const results = { date, machine, settings: { connections: CONNECTIONS, durationS: DURATION_S }, elapsedS, failed, ...Object.fromEntries(sections.map((s) => [s.id, { rows: s.rows, ...((s.json ?? {}) as object) }])) };
  const markdown = report(date, machine, sections, failed);
  writeFileSync(join(OUT_DIR, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  // A partial run (BENCH_ONLY) prints its report but keeps the committed full one.
  if (!ONLY) writeFileSync(join(OUT_DIR, 'REPORT.md'), markdown);
  console.log(`\n${markdown}`);
  log(`wrote bench/results.json${ONLY ? '' : ' and bench/REPORT.md'} in ${elapsedS}s`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('[bench] failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);

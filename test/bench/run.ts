/**
 * `npm run bench`: figures, not pass/fail. Every figure is measured beside its baseline in the
 * same run and read as a ratio, because these machines are noisy.
 *
 *  (a) bundle size of every Lambda (esbuild as CDK bundles it; the AWS SDK stays external);
 *  (b) module initialisation of the heaviest handler vs a bare handler that only creates a
 *      DynamoDB client, each `await import()`ed in a fresh node process, alternating;
 *  (c) GET /api/procedures and GET /api/procedures/{code} throughput on the local stack (autocannon)
 *      vs a raw DynamoDB Local GetItem loop with the same concurrency and duration, run ABBA.
 *
 * Writes bench/results.json (git-ignored) and bench/REPORT.md. Loopback only; bounded in time.
 * Knobs: BENCH_DURATION (s, default 10), BENCH_CONNECTIONS (10), BENCH_INIT_RUNS (15).
 */
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '@portal/shared/table';
import autocannon from 'autocannon';
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { cpus, tmpdir } from 'node:os';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { javaProblem, localClient, startDynamoDbLocal, type RunningDynamoDb } from '../../functions/src/local/dynamodb-local';
import { startTestPortal, type TestPortal } from '../helpers/portal';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const LAMBDAS_DIR = resolve(ROOT, 'functions/src/lambdas');
const OUT_DIR = resolve(ROOT, 'bench');

const DURATION_S = positiveInt(process.env.BENCH_DURATION, 10);
const CONNECTIONS = positiveInt(process.env.BENCH_CONNECTIONS, 10);
const INIT_RUNS = positiveInt(process.env.BENCH_INIT_RUNS, 15);
const WARMUP_S = 3;
const BUNDLE_TARGET_BYTES = 300 * 1024;
const INIT_TARGET_RATIO = 1.5;
const THROUGHPUT_TARGET_RATIO = 0.5;
/** Hard stop: the bench must never hang a CI machine. */
const HARD_LIMIT_MS = 6 * 60_000;

/** The same esbuild settings as the CDK functions (infra/lib/functions.ts). */
const ESM_REQUIRE_BANNER = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

/** What the handlers parse at cold start; the URLs are never called during init. */
const HANDLER_ENV = {
  TABLE_NAME: 'bench-table',
  AWS_REGION: 'ap-southeast-1',
  AUTH_ISSUER: 'https://auth.bench.invalid/',
  AUTH_AUDIENCE: 'portal-bench',
  AUTH_JWKS_URL: 'https://auth.bench.invalid/.well-known/jwks.json',
  POWERTOOLS_SERVICE_NAME: 'portal-bench',
  LOG_LEVEL: 'WARN',
  PUBLIC_BASE_URL: 'https://bench.invalid',
  VNPAY_PAY_URL: 'https://bench.invalid/vpcpay.html',
  VNPAY_API_URL: 'https://bench.invalid/api/transaction',
};

/** Runs in the child: time only `await import(bundle)`, print milliseconds. */
const IMPORT_TIMER = `
const { pathToFileURL } = await import('node:url');
const file = process.argv[1];
const start = process.hrtime.bigint();
const mod = await import(pathToFileURL(file).href);
const ms = Number(process.hrtime.bigint() - start) / 1e6;
if (typeof mod.handler !== 'function') throw new Error('no handler export in ' + file);
process.stdout.write(String(ms));
`;

const BARE_HANDLER = `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
const client = new DynamoDBClient({});
export const handler = async () => ({ statusCode: 200, body: client ? 'ok' : '' });
`;

interface BundleFigure {
  name: string;
  file: string;
  bytes: number;
  gzipBytes: number;
  withinTarget: boolean;
  /** The five largest contributors (packages, or the project's own code). */
  largest: Breakdown;
}

interface LoadRun {
  opsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  total: number;
  errors: number;
}

function positiveInt(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const round = (n: number, digits = 2) => Number(n.toFixed(digits));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

function log(message: string): void {
  console.log(`[bench] ${message}`);
}

/** Bytes each package contributes to a bundle's output, largest first. */
type Breakdown = Array<{ source: string; bytes: number }>;

function sourceOf(input: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  return match ? match[1]! : input.startsWith('shared/') ? '@portal/shared' : input.startsWith('functions/') ? '@portal/functions' : input;
}

async function bundle(entry: string, outfile: string): Promise<Breakdown> {
  const result = await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    minify: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    mainFields: ['module', 'main'],
    external: ['@aws-sdk/*'],
    banner: { js: ESM_REQUIRE_BANNER },
    absWorkingDir: ROOT,
    logLevel: 'warning',
    metafile: true,
  });
  const bySource = new Map<string, number>();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) bySource.set(sourceOf(input), (bySource.get(sourceOf(input)) ?? 0) + bytesInOutput);
  }
  return [...bySource].map(([source, bytes]) => ({ source, bytes })).sort((a, b) => b.bytes - a.bytes);
}

/** (a) Every Lambda entry point, plus the bare baseline handler, bundled into `dir`. */
async function measureBundles(dir: string): Promise<{ lambdas: BundleFigure[]; bare: BundleFigure }> {
  const figure = (name: string, file: string, breakdown: Breakdown): BundleFigure => {
    const content = readFileSync(file);
    const bytes = content.length;
    return { name, file, bytes, gzipBytes: gzipSync(content, { level: 9 }).length, withinTarget: bytes <= BUNDLE_TARGET_BYTES, largest: breakdown.slice(0, 5) };
  };
  const entries = readdirSync(LAMBDAS_DIR).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.endsWith('.test.ts')).sort();
  const lambdas: BundleFigure[] = [];
  for (const entry of entries) {
    const name = basename(entry, '.ts');
    const outfile = join(dir, `${name}.mjs`);
    lambdas.push(figure(name, outfile, await bundle(join(LAMBDAS_DIR, entry), outfile)));
  }
  const bareSource = join(dir, 'bare-handler.ts');
  writeFileSync(bareSource, BARE_HANDLER);
  const bareBreakdown = await bundle(bareSource, join(dir, 'bare-handler.mjs'));
  return { lambdas, bare: figure('bare (DynamoDBClient only)', join(dir, 'bare-handler.mjs'), bareBreakdown) };
}

function importOnce(file: string): number {
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', IMPORT_TIMER, file], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'production', ...HANDLER_ENV },
    encoding: 'utf8',
    timeout: 30_000,
  });
  const ms = Number(child.stdout);
  if (child.status !== 0 || !Number.isFinite(ms)) throw new Error(`Importing ${file} failed (${child.status ?? child.signal}): ${child.stderr.trim().slice(-800)}`);
  return ms;
}

/** (b) Alternating fresh-process imports, after one discarded warm-up each (disk cache). */
function measureInit(heavy: string, bare: string): { heavyMs: number[]; bareMs: number[] } {
  importOnce(heavy);
  importOnce(bare);
  const heavyMs: number[] = [];
  const bareMs: number[] = [];
  for (let i = 0; i < INIT_RUNS; i++) {
    // Alternate which goes first so drift hits both equally.
    if (i % 2 === 0) {
      heavyMs.push(importOnce(heavy));
      bareMs.push(importOnce(bare));
    } else {
      bareMs.push(importOnce(bare));
      heavyMs.push(importOnce(heavy));
    }
  }
  return { heavyMs, bareMs };
}

async function apiRun(url: string, seconds: number): Promise<LoadRun> {
  // One worker thread generates load, so the portal keeps the main event loop to itself.
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, workers: 1, timeout: 10 });
  return {
    opsPerSec: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    total: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

async function getItemRun(db: DynamoDBDocumentClient, tableName: string, code: string, seconds: number): Promise<LoadRun> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        try {
          const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: keys.procedure(code) }));
          if (!Item) errors++;
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

function combine(runs: LoadRun[]): LoadRun {
  return {
    opsPerSec: mean(runs.map((r) => r.opsPerSec)),
    p50Ms: mean(runs.map((r) => r.p50Ms)),
    p99Ms: mean(runs.map((r) => r.p99Ms)),
    total: runs.reduce((a, r) => a + r.total, 0),
    errors: runs.reduce((a, r) => a + r.errors, 0),
  };
}

interface Throughput {
  /** The API routes measured, each beside the same raw baseline. */
  routes: { path: string; note: string; api: LoadRun; runs: LoadRun[] }[];
  raw: LoadRun;
  rawRuns: LoadRun[];
  code: string;
  items: number;
}

/**
 * (c) Raw GetItem, then each route, then each route again in reverse order, then raw again, after
 * a warm-up of each. The list is cached 10 s per container (the product's design); the single
 * procedure is one GetItem per request, the same work as the raw baseline plus the whole stack.
 */
async function measureThroughput(portal: TestPortal, endpoint: string): Promise<Throughput> {
  const first = await fetch(`${portal.url}/api/procedures`);
  if (!first.ok) throw new Error(`GET /api/procedures answered ${first.status}`);
  const { items } = (await first.json()) as { items: Array<{ code: string }> };
  const code = items[0]?.code;
  if (!code) throw new Error('GET /api/procedures returned no procedures');
  const routes = [
    { path: '/api/procedures', note: `${items.length} items, cached 10 s per container`, api: undefined as unknown as LoadRun, runs: [] as LoadRun[] },
    { path: `/api/procedures/${code}`, note: 'one GetItem per request', api: undefined as unknown as LoadRun, runs: [] as LoadRun[] },
  ];

  const client = localClient(endpoint);
  const db = DynamoDBDocumentClient.from(client);
  try {
    log(`warm-up ${WARMUP_S}s each`);
    await getItemRun(db, portal.tableName, code, WARMUP_S);
    for (const route of routes) await apiRun(`${portal.url}${route.path}`, WARMUP_S);
    const rawRuns: LoadRun[] = [];
    const order = ['raw', ...routes.map((_, i) => i), ...routes.map((_, i) => i).reverse(), 'raw'] as const;
    for (const which of order) {
      if (which === 'raw') {
        log(`raw GetItem loop: ${CONNECTIONS} connections × ${DURATION_S}s`);
        rawRuns.push(await getItemRun(db, portal.tableName, code, DURATION_S));
      } else {
        const route = routes[which]!;
        log(`GET ${route.path}: ${CONNECTIONS} connections × ${DURATION_S}s`);
        route.runs.push(await apiRun(`${portal.url}${route.path}`, DURATION_S));
      }
    }
    for (const route of routes) route.api = combine(route.runs);
    return { routes, raw: combine(rawRuns), rawRuns, code, items: items.length };
  } finally {
    client.destroy();
  }
}

function report(results: {
  date: string;
  machine: { cores: number; cpu: string; node: string; platform: string };
  bundles: { lambdas: BundleFigure[]; bare: BundleFigure };
  init: { heaviest: string; heavyMedianMs: number; bareMedianMs: number; ratio: number };
  throughput: Throughput;
}): string {
  const { bundles, init, throughput } = results;
  const check = (ok: boolean) => (ok ? 'met' : '**not met**');
  const heaviest = bundles.lambdas.find((b) => b.name === init.heaviest);
  const lines = [
    '# Benchmarks',
    '',
    'Figures, not pass/fail: each is measured beside its baseline in the same run and read as a ratio',
    '(these machines are noisy). Re-run with `npm run bench`; raw numbers go to `bench/results.json`.',
    '',
    `- Date: ${results.date}`,
    `- Machine: ${results.machine.cores} cores (${results.machine.cpu}), Node ${results.machine.node}, ${results.machine.platform}`,
    `- Load: ${CONNECTIONS} connections × ${DURATION_S} s per run, ${WARMUP_S} s warm-up, runs ordered raw, routes, routes reversed, raw and averaged; init: ${INIT_RUNS} alternating fresh-process imports each, median`,
    '',
    '| Figure | Measured | Baseline (same run) | Ratio | Target |',
    '|---|---|---|---|---|',
    `| Module init, heaviest handler (\`${init.heaviest}\`) vs bare handler (DynamoDB client only) | ${init.heavyMedianMs.toFixed(1)} ms | ${init.bareMedianMs.toFixed(1)} ms | ${init.ratio.toFixed(2)}× | ≤ ${INIT_TARGET_RATIO}× (${check(init.ratio <= INIT_TARGET_RATIO)}) |`,
    ...throughput.routes.map((r) => {
      const ratio = r.api.opsPerSec / throughput.raw.opsPerSec;
      return `| \`GET ${r.path}\` (${r.note}) on the local stack vs raw DynamoDB Local GetItem | ${fmt(r.api.opsPerSec)} req/s, p50 ${r.api.p50Ms.toFixed(1)} ms, p99 ${r.api.p99Ms.toFixed(1)} ms | ${fmt(throughput.raw.opsPerSec)} op/s, p50 ${throughput.raw.p50Ms.toFixed(1)} ms, p99 ${throughput.raw.p99Ms.toFixed(1)} ms | ${ratio.toFixed(2)}× | ≥ ${THROUGHPUT_TARGET_RATIO}× (${check(ratio >= THROUGHPUT_TARGET_RATIO)}) |`;
    }),
    '',
    '| Lambda bundle (esbuild, minified, ESM, node22, AWS SDK external) | Size | Gzip | Target ≤ 300 KB |',
    '|---|---|---|---|',
    ...bundles.lambdas.map((b) => `| \`${b.name}\` | ${kb(b.bytes)} | ${kb(b.gzipBytes)} | ${check(b.withinTarget)} |`),
    `| _${bundles.bare.name}, baseline_ | ${kb(bundles.bare.bytes)} | ${kb(bundles.bare.gzipBytes)} | |`,
    '',
    ...(heaviest ? [`Largest parts of \`${heaviest.name}\` (minified bytes in the bundle): ${heaviest.largest.map((l) => `${l.source} ${kb(l.bytes)}`).join(', ')}.`, ''] : []),
  ];
  const apiErrors = throughput.routes.reduce((n, r) => n + r.api.errors, 0);
  if (apiErrors || throughput.raw.errors) lines.push(`Errors during the load runs: API ${apiErrors}, raw GetItem ${throughput.raw.errors}.`, '');
  return lines.join('\n');
}

async function main(): Promise<void> {
  const hardStop = setTimeout(() => {
    console.error(`[bench] stopped: took longer than ${HARD_LIMIT_MS / 60_000} minutes`);
    process.exit(1);
  }, HARD_LIMIT_MS);
  hardStop.unref();
  const started = performance.now();

  const java = javaProblem();
  if (java) throw new Error(java);
  mkdirSync(OUT_DIR, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'portal-bench-'));
  // Bundles keep `@aws-sdk/*` external (the Lambda runtime provides it): resolve it from here.
  symlinkSync(resolve(ROOT, 'node_modules'), join(work, 'node_modules'), 'dir');

  let dynamo: RunningDynamoDb | undefined;
  let portal: TestPortal | undefined;
  try {
    log('bundling every Lambda');
    const bundles = await measureBundles(work);
    for (const b of bundles.lambdas) log(`  ${b.name}: ${kb(b.bytes)} (gzip ${kb(b.gzipBytes)})`);
    const heaviest = bundles.lambdas.reduce((a, b) => (b.bytes > a.bytes ? b : a));

    log(`module init: ${heaviest.name} vs bare, ${INIT_RUNS} alternating fresh-process imports each`);
    const init = measureInit(heaviest.file, bundles.bare.file);
    const heavyMedianMs = median(init.heavyMs);
    const bareMedianMs = median(init.bareMs);

    log('starting DynamoDB Local and the portal');
    dynamo = await startDynamoDbLocal();
    portal = await startTestPortal({ endpoint: dynamo.endpoint });
    const throughput = await measureThroughput(portal, dynamo.endpoint);

    const results = {
      date: new Date().toISOString(),
      machine: { cores: cpus().length, cpu: cpus()[0]?.model.trim() ?? 'unknown', node: process.version, platform: `${process.platform} ${process.arch}` },
      settings: { connections: CONNECTIONS, durationS: DURATION_S, warmupS: WARMUP_S, initRuns: INIT_RUNS },
      bundles: {
        lambdas: bundles.lambdas.map(({ file: _file, ...b }) => b),
        bare: (({ file: _file, ...b }) => b)(bundles.bare),
        targetBytes: BUNDLE_TARGET_BYTES,
      },
      init: {
        heaviest: heaviest.name,
        heavyMedianMs: round(heavyMedianMs),
        bareMedianMs: round(bareMedianMs),
        ratio: round(heavyMedianMs / bareMedianMs),
        target: `<= ${INIT_TARGET_RATIO}`,
        samples: { heavyMs: init.heavyMs.map((n) => round(n)), bareMs: init.bareMs.map((n) => round(n)) },
      },
      throughput: {
        ...throughput,
        ratios: Object.fromEntries(throughput.routes.map((r) => [r.path, round(r.api.opsPerSec / throughput.raw.opsPerSec)])),
        target: `>= ${THROUGHPUT_TARGET_RATIO}`,
      },
      elapsedS: 0,
    };
    results.elapsedS = round((performance.now() - started) / 1000, 1);

    const markdown = report({ ...results, bundles });
    writeFileSync(join(OUT_DIR, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    writeFileSync(join(OUT_DIR, 'REPORT.md'), markdown);
    console.log(`\n${markdown}`);
    log(`wrote bench/results.json and bench/REPORT.md in ${results.elapsedS}s`);
  } finally {
    await portal?.close();
    await dynamo?.stop();
    // Unlink the node_modules symlink first, so nothing can ever walk into the real one.
    unlinkSync(join(work, 'node_modules'));
    rmSync(work, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('[bench] failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);

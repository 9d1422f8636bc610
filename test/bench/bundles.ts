/**
 * Bench part: the bundle of every Lambda (esbuild as CDK bundles it; the AWS SDK stays external)
 * and the module initialisation of every handler vs a bare handler that only creates a DynamoDB
 * client, each `await import()`ed in a fresh node process, alternating so drift hits both alike.
 * Knob: BENCH_INIT_RUNS (imports per handler, default 7).
 */
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { median } from './load';
import type { BenchContext, BenchSection } from './section';

const BUNDLE_TARGET_BYTES = 300 * 1024;
const INIT_TARGET_RATIO = 1.5;
const INIT_RUNS = Number(process.env.BENCH_INIT_RUNS) > 0 ? Number(process.env.BENCH_INIT_RUNS) : 7;

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
  // As in AWS (infra/lib): the jobs that store or sign documents name their bucket and key.
  DOCUMENTS_BUCKET: 'bench-documents',
  LICENCE_SIGNING_KEY_ID: 'arn:aws:kms:ap-southeast-1:111122223333:key/bench',
  PORTAL_SECRET_ARN: 'arn:aws:secretsmanager:ap-southeast-1:111122223333:secret:bench',
};

/**
 * Runs in the child: time only `await import(bundle)` and print the CPU milliseconds it used
 * (user + system). CPU time, not wall time, because on a shared 2-core machine the scheduler's
 * pauses would otherwise decide the ratio.
 */
const IMPORT_TIMER = `
const { pathToFileURL } = await import('node:url');
const file = process.argv[1];
const before = process.cpuUsage();
const mod = await import(pathToFileURL(file).href);
const used = process.cpuUsage(before);
if (typeof mod.handler !== 'function') throw new Error('no handler export in ' + file);
process.stdout.write(String((used.user + used.system) / 1000));
`;

const BARE_HANDLER = `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
const client = new DynamoDBClient({});
export const handler = async () => ({ statusCode: 200, body: client ? 'ok' : '' });
`;

type Breakdown = Array<{ source: string; bytes: number }>;

interface BundleFigure {
  name: string;
  file: string;
  bytes: number;
  gzipBytes: number;
  /** The five largest contributors (packages, or the project's own code). */
  largest: Breakdown;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function sourceOf(input: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  return match ? match[1]! : input.startsWith('shared/') ? '@portal/shared' : input.startsWith('functions/') ? '@portal/functions' : input;
}

async function bundle(root: string, entry: string, outfile: string): Promise<Breakdown> {
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
    absWorkingDir: root,
    logLevel: 'warning',
    metafile: true,
  });
  const bySource = new Map<string, number>();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) bySource.set(sourceOf(input), (bySource.get(sourceOf(input)) ?? 0) + bytesInOutput);
  }
  return [...bySource].map(([source, bytes]) => ({ source, bytes })).sort((a, b) => b.bytes - a.bytes);
}

async function bundleFigure(root: string, name: string, entry: string, outfile: string): Promise<BundleFigure> {
  const breakdown = await bundle(root, entry, outfile);
  const content = readFileSync(outfile);
  return { name, file: outfile, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length, largest: breakdown.slice(0, 5) };
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

/** Median init of each handler and of the bare baseline, imports alternating after one discarded warm-up each. */
function measureInit(files: string[], bare: string): { medians: number[]; bareMedian: number } {
  for (const file of [...files, bare]) importOnce(file);
  const samples = files.map(() => [] as number[]);
  const bareSamples: number[] = [];
  for (let run = 0; run < INIT_RUNS; run++) {
    files.forEach((file, i) => {
      // Bare before and after alternately, so neither side always runs on a cooler cache.
      if (run % 2 === 0) samples[i]!.push(importOnce(file));
      bareSamples.push(importOnce(bare));
      if (run % 2 === 1) samples[i]!.push(importOnce(file));
    });
  }
  return { medians: samples.map(median), bareMedian: median(bareSamples) };
}

export async function measureBundlesAndInit(ctx: BenchContext): Promise<BenchSection> {
  // HTTP functions (functions/src/lambdas) and jobs (functions/src/jobs): every Lambda CDK deploys.
  const entries = ['lambdas', 'jobs'].flatMap((kind) => {
    const dir = join(ctx.root, 'functions/src', kind);
    return readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.endsWith('.test.ts'))
      .sort()
      .map((f) => ({ name: kind === 'jobs' ? `job ${basename(f, '.ts')}` : basename(f, '.ts'), path: join(dir, f), out: join(ctx.work, `${kind}-${basename(f, '.ts')}.mjs`) }));
  });
  ctx.log(`bundling ${entries.length} Lambdas`);
  const lambdas: BundleFigure[] = [];
  for (const entry of entries) lambdas.push(await bundleFigure(ctx.root, entry.name, entry.path, entry.out));
  writeFileSync(join(ctx.work, 'bare-handler.ts'), BARE_HANDLER);
  const bare = await bundleFigure(ctx.root, 'bare (DynamoDBClient only)', join(ctx.work, 'bare-handler.ts'), join(ctx.work, 'bare-handler.mjs'));

  ctx.log(`module init: ${lambdas.length} handlers vs bare, ${INIT_RUNS} fresh-process imports each`);
  const init = measureInit(lambdas.map((l) => l.file), bare.file);
  const figures = lambdas.map((l, i) => ({ ...l, initMs: init.medians[i]!, initRatio: init.medians[i]! / init.bareMedian }));
  const largest = figures.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  const slowest = figures.reduce((a, b) => (b.initRatio > a.initRatio ? b : a));
  const bundlesOver = figures.filter((f) => f.bytes > BUNDLE_TARGET_BYTES);
  const initOver = figures.filter((f) => f.initRatio > INIT_TARGET_RATIO);

  return {
    id: 'bundles',
    title: 'Lambda bundles and module initialisation',
    rows: [
      {
        figure: `Bundle size, largest of ${figures.length} Lambdas (\`${largest.name}\`)`,
        measured: `${kb(largest.bytes)} (gzip ${kb(largest.gzipBytes)})`,
        baseline: '—',
        target: '≤ 300 KB each',
        met: bundlesOver.length === 0,
      },
      {
        figure: `Module init (CPU time of the import), slowest of ${figures.length} handlers (\`${slowest.name}\`) vs bare handler`,
        measured: `${slowest.initMs.toFixed(1)} ms`,
        baseline: `${init.bareMedian.toFixed(1)} ms`,
        ratio: slowest.initRatio,
        target: `≤ ${INIT_TARGET_RATIO}× each`,
        met: initOver.length === 0,
      },
    ],
    notes: [
      '| Lambda (esbuild, minified, ESM, node22, AWS SDK external) | Size | Gzip | Init (median CPU ms) | Init ÷ bare | Largest parts |',
      '|---|---|---|---|---|---|',
      ...figures.map(
        (f) =>
          `| \`${f.name}\` | ${kb(f.bytes)}${f.bytes > BUNDLE_TARGET_BYTES ? ' **over**' : ''} | ${kb(f.gzipBytes)} | ${f.initMs.toFixed(1)} ms | ${f.initRatio.toFixed(2)}×${f.initRatio > INIT_TARGET_RATIO ? ' **over**' : ''} | ${f.largest
            .slice(0, 3)
            .map((l) => `${l.source} ${kb(l.bytes)}`)
            .join(', ')} |`,
      ),
      `| _${bare.name}, baseline_ | ${kb(bare.bytes)} | ${kb(bare.gzipBytes)} | ${init.bareMedian.toFixed(1)} ms | 1.00× | |`,
    ],
    json: {
      targetBytes: BUNDLE_TARGET_BYTES,
      initTargetRatio: INIT_TARGET_RATIO,
      initRuns: INIT_RUNS,
      bareInitMs: init.bareMedian,
      bare: { bytes: bare.bytes, gzipBytes: bare.gzipBytes },
      lambdas: figures.map(({ file: _file, ...f }) => f),
    },
  };
}

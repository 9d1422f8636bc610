/**
 * Bench part: throughput and p50/p99 of three read routes on the local stack (real handlers over
 * HTTP, autocannon) beside a raw DynamoDB Local loop doing the same item access over the same
 * loopback with the same concurrency:
 *  - GET /api/procedures                  vs Query of the catalogue partition (the route caches 10 s);
 *  - GET /api/hospitals/{id}/sessions     vs Query of the specialty's sessions partition, same dates;
 *  - GET /api/payments/{id}               vs GetItem of the PAYMENT# item (an attempt opened through
 *                                           the real flow, read with its opener's bearer token).
 * Per route: raw, API, API, raw (each half the load duration), after a warm-up of both, averaged.
 */
import { DynamoDBDocumentClient, GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { keys } from '@portal/shared/table';
import { localClient } from '../../functions/src/local/dynamodb-local';
import { pushBill } from '../helpers/payments';
import type { TestPortal } from '../helpers/portal';
import { apiRun, combine, rawRun, type LoadRun } from './load';
import { fmtInt, ratioText, type BenchContext, type BenchRow, type BenchSection } from './section';

const TARGET_RATIO = 0.5;
const WARMUP_S = 2;

/** One route and the raw operation that does its item access. */
interface RouteLoad {
  label: string;
  path: string;
  headers?: Record<string, string>;
  note: string;
  rawLabel: string;
  raw: () => Promise<boolean>;
}

interface RouteFigure {
  label: string;
  path: string;
  note: string;
  rawLabel: string;
  api: LoadRun;
  raw: LoadRun;
  apiRuns: LoadRun[];
  rawRuns: LoadRun[];
  ratio: number;
}

async function getJson<T>(portal: TestPortal, path: string, as?: string): Promise<T> {
  const response = await portal.request(path, as ? { as } : {});
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
  return (await response.json()) as T;
}

function catalogueLoad(db: DynamoDBDocumentClient, tableName: string, count: number): RouteLoad {
  const input: QueryCommandInput = {
    TableName: tableName,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': keys.catalogue().pk, ':prefix': 'PROCEDURE#' },
  };
  return {
    label: 'GET /api/procedures',
    path: '/api/procedures',
    note: `${count} procedures; the route caches the list 10 s per container`,
    rawLabel: 'Query of the catalogue partition',
    raw: async () => ((await db.send(new QueryCommand(input))).Items?.length ?? 0) > 0,
  };
}

/** A seeded hospital and specialty, and a week of its dates that has sessions. */
async function sessionsLoad(portal: TestPortal, db: DynamoDBDocumentClient): Promise<RouteLoad> {
  const hospitalId = 'hosp-cho-ray';
  const specialty = 'tim-mach';
  const all = await getJson<Array<{ date: string }>>(portal, `/api/hospitals/${hospitalId}/sessions?specialty=${specialty}`);
  const dates = [...new Set(all.map((s) => s.date))].sort();
  if (dates.length === 0) throw new Error(`No seeded sessions for ${hospitalId}/${specialty}`);
  const from = dates[0]!;
  const to = dates[Math.min(dates.length, 6) - 1]!;
  const path = `/api/hospitals/${hospitalId}/sessions?specialty=${specialty}&from=${from}&to=${to}`;
  const expected = (await getJson<unknown[]>(portal, path)).length;
  const input: QueryCommandInput = {
    TableName: portal.tableName,
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': keys.specialtySessions(hospitalId, specialty).pk, ':from': `${from}#`, ':to': `${to}#~` },
  };
  return {
    label: 'GET /api/hospitals/{id}/sessions',
    path,
    note: `${hospitalId}, ${specialty}, ${from} … ${to}: ${expected} sessions`,
    rawLabel: 'Query of the same sessions partition and date range',
    raw: async () => (await db.send(new QueryCommand(input))).Items?.length === expected,
  };
}

/** A pending payment attempt opened by a citizen through the real flow (HIS bill → POST /api/payments). */
async function paymentLoad(portal: TestPortal, db: DynamoDBDocumentClient): Promise<RouteLoad> {
  const owner = 'citizen-an';
  const { payLinkToken } = await pushBill(portal);
  const opened = await portal.request('/api/payments', { as: owner, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ payLinkToken }) });
  if (opened.status !== 201) throw new Error(`POST /api/payments answered ${opened.status}`);
  const { paymentId } = (await opened.json()) as { paymentId: string };
  await getJson(portal, `/api/payments/${paymentId}`, owner);
  const key = keys.payment(paymentId);
  return {
    label: 'GET /api/payments/{id}',
    path: `/api/payments/${paymentId}`,
    headers: { authorization: `Bearer ${await portal.tokenFor(owner)}` },
    note: "a pending attempt read with its opener's bearer token; a paid one adds a receipt GetItem",
    rawLabel: 'GetItem of the PAYMENT# item',
    raw: async () => (await db.send(new GetCommand({ TableName: portal.tableName, Key: key }))).Item !== undefined,
  };
}

async function measureRoute(ctx: BenchContext, portal: TestPortal, route: RouteLoad): Promise<RouteFigure> {
  const url = `${portal.url}${route.path}`;
  const runS = Math.max(1, Math.round(ctx.durationS / 2));
  const api = () => apiRun(url, runS, ctx.connections, route.headers);
  const raw = () => rawRun(route.raw, runS, ctx.connections);
  ctx.log(`${route.label}: warm-up ${WARMUP_S}s each, then raw, API, API, raw (${ctx.connections} connections × ${runS}s)`);
  await rawRun(route.raw, WARMUP_S, ctx.connections);
  await apiRun(url, WARMUP_S, ctx.connections, route.headers);
  const rawRuns = [await raw()];
  const apiRuns = [await api(), await api()];
  rawRuns.push(await raw());
  const a = combine(apiRuns);
  const r = combine(rawRuns);
  return { label: route.label, path: route.path, note: route.note, rawLabel: route.rawLabel, api: a, raw: r, apiRuns, rawRuns, ratio: a.opsPerSec / r.opsPerSec };
}

const latency = (run: LoadRun) => `p50 ${run.p50Ms.toFixed(1)} ms, p99 ${run.p99Ms.toFixed(1)} ms`;

function row(f: RouteFigure): BenchRow {
  return {
    figure: `\`${f.label}\` (${f.note}) on the local stack vs raw DynamoDB Local: ${f.rawLabel}`,
    measured: `${fmtInt(f.api.opsPerSec)} req/s, ${latency(f.api)}`,
    baseline: `${fmtInt(f.raw.opsPerSec)} op/s, ${latency(f.raw)}`,
    ratio: f.ratio,
    target: `≥ ${TARGET_RATIO}×`,
    met: f.ratio >= TARGET_RATIO && f.api.errors === 0 && f.raw.errors === 0,
  };
}

export async function throughputPart(ctx: BenchContext): Promise<BenchSection> {
  const portal = await ctx.startPortal();
  const client = localClient(ctx.dynamoEndpoint);
  const db = DynamoDBDocumentClient.from(client);
  try {
    const { items } = await getJson<{ items: unknown[] }>(portal, '/api/procedures');
    const routes = [catalogueLoad(db, portal.tableName, items.length), await sessionsLoad(portal, db), await paymentLoad(portal, db)];
    const figures: RouteFigure[] = [];
    for (const route of routes) figures.push(await measureRoute(ctx, portal, route));
    const notes: string[] = [];
    for (const f of figures) {
      if (f.api.errors || f.raw.errors) notes.push(`Errors during the \`${f.label}\` runs: API ${f.api.errors} (non-2xx, timeouts), raw ${f.raw.errors}.`);
      if (f.ratio < TARGET_RATIO) notes.push(`\`${f.label}\` reached ${ratioText(f.ratio)} of its raw baseline (target ≥ ${TARGET_RATIO}×): the local server, the handler's HTTP layer${f.label.includes('payments') ? ', the bearer-token check' : ''} and JSON serialisation sit between the client and the same item access, all on this machine's shared cores.`);
    }
    return {
      id: 'throughput',
      title: 'Read throughput on the local stack vs raw DynamoDB Local',
      rows: figures.map(row),
      notes,
      json: {
        connections: ctx.connections,
        runS: Math.max(1, Math.round(ctx.durationS / 2)),
        warmupS: WARMUP_S,
        routes: figures.map((f) => ({ route: f.label, path: f.path.replace(/\/api\/payments\/[^/?]+/, '/api/payments/{id}'), note: f.note, raw: f.rawLabel, ratio: Number(f.ratio.toFixed(2)), api: f.api, rawLoop: f.raw, apiRuns: f.apiRuns, rawRuns: f.rawRuns })),
        target: `>= ${TARGET_RATIO}`,
      },
    };
  } finally {
    client.destroy();
    await portal.close();
  }
}

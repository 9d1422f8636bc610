/**
 * Bench part: DynamoDB calls and consumed capacity per request, for every route, beside the
 * minimum its access pattern needs (docs/access-patterns.md, machine-readable in access-minima.ts).
 *
 * One representative successful request per route (capacity-requests.ts) on a fresh portal; the
 * handlers' own client counts the calls of that request only (capacity-meter.ts) and asks DynamoDB
 * Local for ConsumedCapacity. Figures, not pass/fail: a route above its minimum is a row with
 * met: false and the reason in the notes.
 */
import { routes, type Route, type RouteId } from '../../shared/src/routes';
import { ACCESS_MINIMA, type Calls } from './access-minima';
import { attachMeter, countByOperation, labelRequests, MEASURE_HEADER, type MeteredCall } from './capacity-meter';
import type { Probe } from './capacity-requests';
import type { TestPortal } from '../helpers/portal';
import type { BenchContext, BenchPart, BenchRow, BenchSection } from './section';

/** What one route's request cost: the figures docs/scale.md prices requests with. */
export interface RouteCapacity {
  id: RouteId;
  route: string;
  /** The access pattern's row in docs/access-patterns.md. */
  pattern: string;
  status: number;
  calls: Record<string, number>;
  /** Items written (a transaction counts each of its items). */
  writes: number;
  /** As DynamoDB Local reports them. */
  rcu: number;
  wcu: number;
  /** As AWS bills them: transactional reads and writes cost double (DynamoDB Local does not double them). */
  awsRcu: number;
  awsWcu: number;
  minimum: Calls;
  met: boolean;
  note?: string;
  error?: string;
}

export interface CapacityFigures {
  routes: RouteCapacity[];
  /** Whether DynamoDB Local answered ConsumedCapacity on every measured call. */
  capacityReported: boolean;
}

const ORDER = ['GetItem', 'Query', 'BatchGetItem', 'TransactGetItems', 'PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems'];
const round = (n: number) => Math.round(n * 100) / 100;
const routeKey = (r: Route) => `${r.method} ${r.path}`;

function sortedEntries(calls: Record<string, number>): [string, number][] {
  const rank = (op: string) => (ORDER.includes(op) ? ORDER.indexOf(op) : ORDER.length);
  return Object.entries(calls).filter(([, n]) => n > 0).sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}

export function callsText(calls: Record<string, number>, writes?: number): string {
  const entries = sortedEntries(calls);
  if (!entries.length) return '0 calls';
  const text = entries.map(([op, n]) => `${n} ${op}`).join(' + ');
  const transactional = (calls.TransactWriteItems ?? 0) + (calls.BatchWriteItem ?? 0) > 0;
  return writes !== undefined && transactional ? `${text} (${writes} writes)` : text;
}

const sameCalls = (a: Record<string, number>, b: Calls) => callsText(a) === callsText(b as Record<string, number>);

async function send(portal: TestPortal, id: RouteId, probe: Probe): Promise<number> {
  const headers: Record<string, string> = { ...probe.headers, [MEASURE_HEADER]: id };
  if (probe.body !== undefined) headers['content-type'] = 'application/json';
  const response = await portal.request(probe.path, {
    method: probe.method ?? 'GET', as: probe.as, headers, redirect: 'manual',
    ...(probe.body === undefined ? {} : { body: JSON.stringify(probe.body) }),
  });
  await response.arrayBuffer();
  return response.status;
}

function figureOf(route: Route, status: number, calls: MeteredCall[], probe: Probe | undefined, error?: string): RouteCapacity {
  const minimum = ACCESS_MINIMA[route.id as RouteId];
  const counts = countByOperation(calls);
  const transactional = (c: MeteredCall) => c.operation.startsWith('Transact');
  const sum = (f: (c: MeteredCall) => number) => round(calls.reduce((n, c) => n + f(c), 0));
  const succeeded = !error && status === (probe?.status ?? status) && (probe?.status !== undefined || (status >= 200 && status < 300));
  const met = succeeded && [minimum.calls, ...(minimum.cached ?? [])].some((calls) => sameCalls(counts, calls));
  return {
    id: route.id as RouteId, route: routeKey(route), pattern: minimum.pattern, status, calls: counts,
    writes: calls.reduce((n, c) => n + c.writes, 0),
    rcu: sum((c) => c.rcu), wcu: sum((c) => c.wcu),
    awsRcu: sum((c) => (transactional(c) ? 2 : 1) * c.rcu), awsWcu: sum((c) => (transactional(c) ? 2 : 1) * c.wcu),
    minimum: minimum.calls, met, note: probe?.note, ...(error ? { error } : !succeeded ? { error: `answered ${status}` } : {}),
  };
}

export async function measureCapacity(ctx: BenchContext): Promise<CapacityFigures> {
  const portal = await ctx.startPortal();
  try {
    labelRequests(portal.server.server);
    // The handlers' own client, one per process as in a Lambda container: imported once the
    // portal has set the configuration it reads at load.
    const { db, tableName } = await import('../../functions/src/platform/dynamo');
    const meter = attachMeter(db);
    // Handlers read their configuration once per process, so they keep the first portal's table and
    // sign-in keys; the runner gives every part the same portal (run.ts). Should that ever change,
    // every signed-in request here would fail: say so plainly instead.
    if (tableName !== portal.tableName) {
      throw new Error(`the handlers are bound to an earlier portal of this process (table ${tableName}): every part must use the run's one portal (ctx.startPortal)`);
    }
    const { SCENARIOS } = await import('./capacity-requests');
    const figures: RouteCapacity[] = [];
    for (const route of routes) {
      const id = route.id as RouteId;
      let probe: Probe | undefined;
      try {
        probe = await SCENARIOS[id](portal);
        meter.reset();
        const status = await send(portal, id, probe);
        figures.push(figureOf(route, status, meter.calls.filter((c) => c.label === id), probe));
      } catch (error) {
        figures.push(figureOf(route, 0, [], probe, error instanceof Error ? error.message : String(error)));
      }
      const last = figures.at(-1)!;
      ctx.log(`  ${last.route}: ${callsText(last.calls, last.writes)}${last.error ? ` (${last.error})` : ''}`);
    }
    return { routes: figures, capacityReported: meter.allReported };
  } finally {
    await portal.close();
  }
}

function rowOf(f: RouteCapacity): BenchRow {
  const cached = ACCESS_MINIMA[f.id].cached;
  return {
    figure: `DynamoDB per request: \`${f.route}\``,
    measured: f.error ? `failed: ${f.error}` : `${callsText(f.calls, f.writes)} · ${f.rcu.toFixed(1)} RCU / ${f.wcu.toFixed(1)} WCU${f.note ? ` (${f.note})` : ''}`,
    baseline: `${callsText(f.minimum)}${cached ? ` (cached: ${cached.map((c) => callsText(c)).join(' or ')})` : ''} (pattern ${f.pattern})`,
    target: 'equal to the minimum',
    met: f.met,
  };
}

function notesOf(figures: CapacityFigures): string[] {
  const missed = figures.routes.filter((f) => !f.met);
  const totals = figures.routes.reduce((t, f) => ({ calls: t.calls + Object.values(f.calls).reduce((a, b) => a + b, 0), rcu: t.rcu + f.rcu, wcu: t.wcu + f.wcu }), { calls: 0, rcu: 0, wcu: 0 });
  return [
    `${figures.routes.length} routes, one successful request each; ${figures.routes.length - missed.length} at their documented minimum. ` +
      `All requests together: ${totals.calls} calls, ${totals.rcu.toFixed(1)} RCU, ${totals.wcu.toFixed(1)} WCU as DynamoDB Local reports them ` +
      '(AWS bills transactional items double: `awsRcu`/`awsWcu` in results.json).' +
      (figures.capacityReported ? '' : ' Some calls came back without ConsumedCapacity: their units count as 0.'),
    ...missed.map((f) => `- \`${f.route}\` (pattern ${f.pattern}): ${f.error ? f.error : `${callsText(f.calls)} against ${callsText(f.minimum)}`}.`),
  ];
}

export const capacityPart: BenchPart = async (ctx): Promise<BenchSection> => {
  ctx.log('DynamoDB calls and capacity per request, every route');
  const figures = await measureCapacity(ctx);
  return { id: 'capacity', title: 'DynamoDB calls and consumed capacity per request', rows: figures.routes.map(rowOf), notes: notesOf(figures), json: figures };
};

/**
 * Fuzz every route of the route table (issue 6, section 2): fast-check generated paths, queries,
 * headers, sign-ins and bodies (test/reliability/arbitraries.ts) sent over raw HTTP to the real
 * local portal. For every answer: no 5xx, and every 4xx is problem+json with a stable code whose
 * `status` is the HTTP status. The VNPay IPN answers its own protocol (always 200 with
 * {RspCode, Message}) and the VNPay return redirects to our result page.
 *
 * FUZZ_RUNS sets the runs per route (default 200, as CI runs it).
 */
import fc from 'fast-check';
import { Agent, request, type IncomingHttpHeaders } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERRORS } from '../../shared/src/errors';
import { matchRoute, routes, type Route } from '../../shared/src/routes';
import { startTestPortal, type TestPortal } from '../helpers/portal';
import { requestArb, type Auth, type FuzzRequest } from './arbitraries';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const STABLE_CODES = new Set(Object.keys(ERRORS));
const IPN = '/api/payments/vnpay/ipn';
const RETURN = '/api/payments/vnpay/return';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

let portal: TestPortal;
let origin: URL;
// Keep-alive sockets: thousands of requests without a TCP handshake each.
const agent = new Agent({ keepAlive: true, maxSockets: 16 });
beforeAll(async () => {
  portal = await startTestPortal();
  origin = new URL(portal.url);
});
afterAll(async () => {
  agent.destroy();
  await portal?.close();
});

// ---- sending ---------------------------------------------------------------------------------

/** node:http rather than fetch: the request line goes out exactly as generated (`..`, `%ZZ`). */
function send(req: FuzzRequest, authorization: string | undefined): Promise<Answer> {
  const headers: Record<string, string> = { ...req.headers, ...(authorization === undefined ? {} : { authorization }) };
  if (req.body !== undefined) headers['content-length'] = String(Buffer.byteLength(req.body));
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: origin.hostname, port: origin.port, method: req.method, path: req.path, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(req.body);
  });
}

/** A real token with some claims rewritten and its signature kept: what an attacker can make. */
function tampered(token: string, claims: Record<string, unknown>): string {
  const [header = '', payload = '', signature = ''] = token.split('.');
  const rewritten = { ...(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as object), ...claims };
  return [header, Buffer.from(JSON.stringify(rewritten)).toString('base64url'), signature].join('.');
}

async function authorizationFor(auth: Auth): Promise<string | undefined> {
  switch (auth.kind) {
    case 'none':
      return undefined;
    case 'raw':
      return auth.value;
    case 'user':
      return `Bearer ${await portal.tokenFor(auth.userId)}`;
    case 'tampered':
      return `Bearer ${tampered(await portal.tokenFor(auth.userId), auth.claims)}`;
  }
}

// ---- judging ---------------------------------------------------------------------------------

const tally = { requests: 0, serverErrors: 0, nonProblem: 0, gateway: 0, pastTheGate: 0, codes: new Map<string, number>() };
const count = (key: string) => tally.codes.set(key, (tally.codes.get(key) ?? 0) + 1);

function parseJson(body: Buffer): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** What is wrong with this answer (empty when nothing): the assertions of the suite. */
function faults(req: FuzzRequest, answer: Answer): string[] {
  const { pathname } = new URL(req.path, origin);
  if (answer.status >= 500) return [`HTTP ${answer.status}: ${answer.body.toString('utf8').slice(0, 300)}`];
  // `..` can carry the path out of /api/x: API Gateway's or the site's own 404, no route involved.
  if (!matchRoute(req.method, pathname)) {
    tally.gateway++;
    return answer.status === 404 ? [] : [`outside every route yet HTTP ${answer.status}`];
  }
  const type = String(answer.headers['content-type'] ?? '');
  if (req.method === 'GET' && pathname === IPN) {
    const reply = parseJson(answer.body);
    count(`ipn ${String(reply?.RspCode)}`);
    return answer.status === 200 && typeof reply?.RspCode === 'string' && typeof reply.Message === 'string' ? [] : [`IPN answered ${answer.status} ${answer.body.toString('utf8').slice(0, 200)}`];
  }
  if (req.method === 'GET' && pathname === RETURN) {
    count('return 303');
    return answer.status === 303 && String(answer.headers.location).startsWith('/thanh-toan/ket-qua/?') ? [] : [`return answered ${answer.status} → ${String(answer.headers.location)}`];
  }
  if (answer.status < 400) return (count(`${answer.status}`), []);
  if (!type.startsWith('application/problem+json')) return [`HTTP ${answer.status} as ${type || 'no content-type'}`];
  if (req.method === 'HEAD') return (count(`HEAD ${answer.status}`), []);
  const problem = parseJson(answer.body);
  const code = String(problem?.code);
  count(code);
  if (!STABLE_CODES.has(code)) return [`code ${code} is not one of shared/src/errors.ts`];
  if (problem?.status !== answer.status) return [`problem status ${String(problem?.status)} ≠ HTTP ${answer.status}`];
  if (ERRORS[code as keyof typeof ERRORS].status !== answer.status) return [`${code} is ${ERRORS[code as keyof typeof ERRORS].status} in the table, sent as ${answer.status}`];
  return [];
}

async function exercise(route: Route, req: FuzzRequest): Promise<void> {
  const answer = await send(req, await authorizationFor(req.auth));
  tally.requests++;
  if (answer.status >= 500) tally.serverErrors++;
  if (answer.status !== 401 && answer.status !== 403) tally.pastTheGate++;
  const found = faults(req, answer);
  if (found.length > 0 && answer.status < 500) tally.nonProblem++;
  if (found.length > 0) throw new Error(`${route.id}: ${found.join('; ')}`);
}

// ---- the suite -------------------------------------------------------------------------------

describe.concurrent('fuzz: generated requests to every route', () => {
  it.each(routes.map((route) => [route.id, route] as const))('%s', async (_id, route) => {
    await fc.assert(fc.asyncProperty(requestArb(route), (req) => exercise(route, req)), { numRuns: RUNS });
  });
});

describe('fuzz summary', () => {
  it('answered every route with 0 HTTP 5xx and 0 errors outside problem+json', () => {
    const codes = [...tally.codes].sort((a, b) => b[1] - a[1]).map(([code, n]) => `${code} ${n}`).join(', ');
    const reached = Math.round((100 * tally.pastTheGate) / Math.max(tally.requests, 1));
    console.log(`[fuzz] ${routes.length} routes × ${RUNS} runs: ${tally.requests} requests, ${tally.serverErrors} HTTP 5xx, ${tally.nonProblem} non-problem errors, ${tally.gateway} outside every route (gateway 404); ${reached} % past the sign-in gate\n[fuzz] answers: ${codes}`);
    expect(tally.requests).toBeGreaterThanOrEqual(routes.length * RUNS);
    expect({ serverErrors: tally.serverErrors, nonProblem: tally.nonProblem }).toEqual({ serverErrors: 0, nonProblem: 0 });
  });
});

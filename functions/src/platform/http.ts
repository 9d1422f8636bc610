/**
 * The one handler factory. Every HTTP route's handler is `httpHandler(routeId, fn)`: the
 * middleware below does logging with a correlation id, header normalisation, the CloudFront
 * origin check (AWS only), JSON body parsing with a size limit, authentication and the route's
 * auth rule, zod validation of path/query/body, security headers, and — outermost — the single
 * mapping of every error to problem+json. The schemas are the route's contract in the registry
 * (shared/src/api/registry.ts), the same the OpenAPI document is generated from (ADR 0024), and
 * `fn`'s reply is typed by the contract's responses. `fn` receives typed input and returns a
 * Reply; it never touches the raw event.
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy, { type MiddlewareObj } from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { BodyOf, PathOf, QueryOf, ReplyBodyOf, StatusOf } from '@portal/shared/api/contract';
import { contractOf, type ContractOf } from '@portal/shared/api/registry';
import type { Principal } from '@portal/shared/roles';
import { routeById, type Route, type RouteId } from '@portal/shared/routes';
import { SECURITY_HEADERS } from '@portal/shared/security-headers';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { $ZodError, $ZodType } from 'zod/v4/core';
import { safeParse } from 'zod/mini';
import english from 'zod/v4/locales/en.js';
import vietnamese from 'zod/v4/locales/vi.js';
import { authorize } from './auth';
import { config } from './config';
import { AppError, fieldErrors, toAppError, toProblem } from './errors';
import { logger } from './logger';
import { verifyOrigin } from './origin';

export type Lang = 'vi' | 'en';

export interface HttpRequest<P, Q, B> {
  path: P;
  query: Q;
  body: B;
  principal: Principal | undefined;
  requestId: string;
  lang: Lang;
  route: Route;
  /** Normalised (lower-case) request headers. */
  headers: Record<string, string | undefined>;
  /** The query exactly as sent (signed protocols such as VNPay's must not see it decoded). */
  rawQuery: string;
  /** The caller's address as API Gateway saw it. */
  sourceIp: string;
  /** Cookies by name (payload 2.0 carries them apart from the headers); only the sign-in relay reads any. */
  cookies: Record<string, string>;
}

export interface Reply<S extends number = number, B = unknown> {
  status?: S;
  /** JSON-serialised, except a Buffer, which is sent as is (set its content-type in `headers`). */
  body?: B;
  headers?: Record<string, string>;
  /** `Set-Cookie` values, one each (API Gateway's payload 2.0 `cookies`). */
  cookies?: string[];
}

/** A reply the route's contract allows: one of its statuses (required unless 200 is one) and bodies. */
export type ReplyFor<C> = Reply<StatusOf<C>, ReplyBodyOf<C>> & (200 extends StatusOf<C> ? unknown : { status: StatusOf<C> });
export type RequestFor<C> = HttpRequest<PathOf<C>, QueryOf<C>, BodyOf<C>>;

type Event = APIGatewayProxyEventV2;
type Result = APIGatewayProxyStructuredResultV2;
interface State {
  requestId: string;
  lang: Lang;
  startedAt: number;
  principal?: Principal;
  input?: { path: unknown; query: unknown; body: unknown };
}

const REQUEST_ID = /^[A-Za-z0-9-]{8,64}$/;
/** Field messages in the caller's language (zod ships both locales). */
const FIELD_MESSAGES = { vi: vietnamese().localeError, en: english().localeError };

export function httpHandler<Id extends RouteId>(routeId: Id, fn: (request: RequestFor<ContractOf<Id>>) => Promise<ReplyFor<ContractOf<Id>>>) {
  type C = ContractOf<Id>;
  const route = routeById(routeId);
  const contract = contractOf(routeId);
  const schemas = { path: contract.path, query: contract.query, body: contract.body?.schema };
  const states = new WeakMap<Event, State>();
  const state = (event: Event): State => {
    const existing = states.get(event);
    if (existing) return existing;
    const fresh: State = { requestId: event.requestContext?.requestId ?? 'unknown', lang: 'vi', startedAt: Date.now() };
    states.set(event, fresh);
    return fresh;
  };

  /** Outermost: its `after` runs last and its `onError` is the one mapping of failures. */
  const respond: MiddlewareObj<Event, Result> = {
    before: ({ event }) => {
      const s = state(event);
      const given = event.headers?.['x-request-id'] ?? event.headers?.['X-Request-Id'];
      if (given && REQUEST_ID.test(given)) s.requestId = given;
      logger.setCorrelationId(s.requestId);
      logger.appendKeys({ route: route.id });
    },
    after: (request) => {
      request.response = finish(request.event, request.response ?? { statusCode: 204 });
    },
    onError: (request) => {
      const s = state(request.event);
      const error = toAppError(request.error);
      if (error.code === 'internal_error') logger.error('Unhandled error', { error: request.error as Error });
      else if (error.code === 'service_unavailable') logger.warn('Transient failure', { error: (request.error as Error)?.name });
      const problem = toProblem(error, s.lang, s.requestId);
      request.response = finish(request.event, {
        statusCode: problem.status,
        headers: { 'content-type': 'application/problem+json; charset=utf-8', 'content-language': s.lang, ...error.headers },
        body: JSON.stringify(problem),
        ...(error.cookies?.length ? { cookies: error.cookies } : {}),
      });
    },
  };

  function finish(event: Event, response: Result): Result {
    const s = state(event);
    const result: Result = {
      ...response,
      headers: { ...SECURITY_HEADERS, 'cache-control': 'no-store', ...response.headers, 'x-request-id': s.requestId },
    };
    logger.info('request', { method: event.requestContext?.http?.method, status: result.statusCode, ms: Date.now() - s.startedAt, user: s.principal?.userId, role: s.principal?.role });
    return result;
  }

  const parseInput: MiddlewareObj<Event, Result> = {
    before: async ({ event }) => {
      const s = state(event);
      const headers = event.headers ?? {};
      s.lang = preferredLanguage(headers['accept-language']);
      // Only requests that came through CloudFront (AWS only; ADR 0007), before anything else.
      await verifyOrigin(headers);
      s.principal = await authorize(route.auth, headers);
      if (s.principal) logger.appendKeys({ user: s.principal.userId });
      s.input = {
        path: validate(schemas.path, event.pathParameters ?? {}, 'path', s.lang),
        query: validate(schemas.query, event.queryStringParameters ?? {}, 'query', s.lang),
        body: validate(schemas.body, parseBody(event), 'body', s.lang),
      };
    },
  };

  const handler = async (event: Event): Promise<Result> => {
    const s = state(event);
    const input = s.input ?? { path: {}, query: {}, body: undefined };
    const reply: Reply = await fn({
      path: input.path as PathOf<C>,
      query: input.query as QueryOf<C>,
      body: input.body as BodyOf<C>,
      principal: s.principal,
      requestId: s.requestId,
      lang: s.lang,
      route,
      headers: event.headers ?? {},
      rawQuery: event.rawQueryString ?? '',
      sourceIp: event.requestContext?.http?.sourceIp ?? '127.0.0.1',
      cookies: cookiesOf(event.cookies),
    });
    const status = reply.status ?? 200;
    const cookies = reply.cookies?.length ? { cookies: reply.cookies } : {};
    if (reply.body === undefined) return { statusCode: status, headers: reply.headers, ...cookies };
    // Files (a PDF receipt, a CSV report): bytes go base64-encoded, as API Gateway expects.
    if (Buffer.isBuffer(reply.body)) return { statusCode: status, headers: reply.headers, body: reply.body.toString('base64'), isBase64Encoded: true };
    return {
      statusCode: status,
      headers: { 'content-type': 'application/json; charset=utf-8', 'content-language': s.lang, ...reply.headers },
      body: JSON.stringify(reply.body),
      ...cookies,
    };
  };

  return middy<Event, Result, Error, Context>()
    .use(respond)
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(httpHeaderNormalizer() as MiddlewareObj<Event, Result>)
    .use(parseInput)
    .handler(handler);
}

function validate<T>(schema: $ZodType<T> | undefined, value: unknown, part: 'path' | 'query' | 'body', lang: Lang): unknown {
  if (!schema) {
    if (part === 'body' && value !== undefined) throw new AppError('validation_failed', { errors: [{ field: 'body', code: 'unexpected', message: lang === 'en' ? 'This address takes no body' : 'Địa chỉ này không nhận nội dung gửi lên' }] });
    return value;
  }
  const parsed = safeParse(schema, value, { error: FIELD_MESSAGES[lang] });
  if (!parsed.success) throw new AppError('validation_failed', { errors: fieldErrors(parsed.error as $ZodError, part) });
  return parsed.data;
}

function cookiesOf(list: string[] | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const pair of list ?? []) {
    const at = pair.indexOf('=');
    if (at > 0) cookies[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return cookies;
}

/** JSON only, within the size limit; an empty body is `undefined`. */
function parseBody(event: Event): unknown {
  if (event.body === undefined || event.body === null || event.body === '') return undefined;
  const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  if (Buffer.byteLength(raw, 'utf8') > config.MAX_BODY_BYTES) throw new AppError('payload_too_large');
  const type = (event.headers?.['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json' && !type?.endsWith('+json')) throw new AppError('unsupported_media_type', { detail: 'Send application/json' });
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new AppError('malformed_json');
  }
}

/** Vietnamese unless the caller prefers English. */
export function preferredLanguage(header: string | undefined): Lang {
  if (!header) return 'vi';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.split('=')[1] ?? '1');
      return { tag, q: Number.isFinite(q) ? q : 0 };
    })
    .filter((l) => l.tag.startsWith('vi') || l.tag.startsWith('en'))
    .sort((a, b) => b.q - a.q);
  return ranked[0]?.tag.startsWith('en') ? 'en' : 'vi';
}

/**
 * The local portal's listening socket, opened before anything else starts (ADR 0001, "Start-up").
 * Until the portal is ready every request is answered at once with 503 and `Retry-After` — the
 * API as problem+json, a page as a small Vietnamese "đang khởi động" page that reloads itself — so
 * a request that arrives early is never left waiting. Once ready, every request still ends in a
 * response or a closed socket within bounded time: explicit header/request timeouts for slow
 * clients, and a watchdog for a handler that never answers.
 */
import { ERRORS, problemType } from '@portal/shared/errors';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { send, sendJson } from './respond';

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** Seconds a client is told to wait before trying again while the portal starts. */
const RETRY_AFTER_SECONDS = 1;
export interface PortLimits {
  /** The headers must arrive within this, or the socket is closed (Node answers 408 when it can). */
  headersTimeoutMs: number;
  /** The whole request, body included, must arrive within this (Node answers 408). */
  requestTimeoutMs: number;
  /** A handler that has not answered by then gets API Gateway's integration-timeout answer, 503. */
  responseDeadlineMs: number;
}

/** API Gateway gives up on an integration after 30 s; CloudFront waits 30 s for a request's bytes. */
export const PORT_LIMITS: PortLimits = { headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, responseDeadlineMs: 31_000 };

export interface PortalPort {
  server: Server;
  origin: string;
  /** Starts serving with `handler`; until then requests get the starting-up answer. */
  ready(handler: RequestHandler): void;
}

export async function openPortalPort(port: number, host = '127.0.0.1', limits: PortLimits = PORT_LIMITS): Promise<PortalPort> {
  const server = createServer({
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    // Node checks the two timeouts above on this interval (30 s by default, which would double them).
    connectionsCheckingInterval: Math.min(1_000, limits.headersTimeoutMs / 4),
    keepAliveTimeout: 5_000,
  });
  let serve: RequestHandler | undefined;
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!serve) return startingUp(req, res);
    const watchdog = setTimeout(() => gaveUp(res), limits.responseDeadlineMs);
    res.once('close', () => clearTimeout(watchdog));
    serve(req, res).catch((error: unknown) => {
      if (res.destroyed) return; // the client went away mid-request: nobody to answer
      console.error('Local server error:', error);
      if (!res.headersSent) sendJson(res, 502, { message: 'Internal Server Error' });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  return { server, origin: `http://${host}:${bound}`, ready: (handler) => (serve = handler) };
}

/** What API Gateway answers when an integration runs out of time. */
function gaveUp(res: ServerResponse): void {
  if (res.writableEnded) return;
  if (res.headersSent) res.destroy();
  else sendJson(res, 503, { message: 'Service Unavailable' });
}

function startingUp(req: IncomingMessage, res: ServerResponse): void {
  // The request body is not wanted; drain it so the socket can be reused.
  req.resume();
  const headers = { 'retry-after': String(RETRY_AFTER_SECONDS), 'cache-control': 'no-store' };
  const path = req.url ?? '/';
  const wantsPage = !path.startsWith('/api') && (req.method === 'GET' || req.method === 'HEAD') && (req.headers.accept ?? '').includes('text/html');
  if (wantsPage) return send(res, 503, req.method === 'HEAD' ? '' : STARTING_PAGE, { ...headers, 'content-type': 'text/html; charset=utf-8' });
  const lang = /^\s*en\b/i.test(req.headers['accept-language'] ?? '') ? 'en' : 'vi';
  const known = ERRORS.service_unavailable;
  const detail = lang === 'en' ? 'The local portal is starting; try again in a moment.' : 'Cổng đang khởi động, vui lòng thử lại sau giây lát.';
  const problem = { type: problemType('service_unavailable'), title: known[lang], status: known.status, code: 'service_unavailable', detail, requestId: randomUUID() };
  send(res, 503, JSON.stringify(problem), { ...headers, 'content-type': 'application/problem+json; charset=utf-8', 'content-language': lang });
}

// No script and no inline style (the CSP forbids both): a meta refresh reloads the page.
const STARTING_PAGE = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${RETRY_AFTER_SECONDS + 1}">
<title>Đang khởi động — Cổng dịch vụ y tế</title>
</head>
<body>
<main>
<h1>Cổng dịch vụ y tế đang khởi động</h1>
<p>Trang sẽ tự tải lại sau vài giây.</p>
<p lang="en">The portal is starting; this page reloads by itself in a few seconds.</p>
</main>
</body>
</html>
`;

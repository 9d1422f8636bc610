/**
 * Issue 16: no path of the local server leaves a request without a response. The port module
 * with short limits and stand-in handlers (slow client, endless body, a handler that throws or
 * never answers, a client that goes away), then the real portal's answer to a request it cannot
 * even parse into a URL.
 */
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPortalPort, type PortalPort } from '../../functions/src/local/portal-port';
import { startTestPortal, type TestPortal } from '../helpers/portal';

/** Sends raw bytes, then waits for the server's answer or for it to close the socket. */
function raw(origin: string, bytes: string, keepOpenMs = 0): Promise<{ answer: string; closedAfterMs: number }> {
  const { hostname, port } = new URL(origin);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(bytes));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('close', () => resolve({ answer, closedAfterMs: Date.now() - started }));
    socket.on('error', reject);
    if (keepOpenMs) setTimeout(() => socket.end(), keepOpenMs);
  });
}

const firstLine = (answer: string) => answer.split('\r\n')[0];

describe('the local port with short limits', () => {
  let port: PortalPort;
  const limits = { headersTimeoutMs: 400, requestTimeoutMs: 800, responseDeadlineMs: 1_200 };

  beforeAll(async () => {
    port = await openPortalPort(0, '127.0.0.1', limits);
  });
  afterAll(() => {
    port.server.closeAllConnections();
    port.server.close();
  });

  it('answers 503 with Retry-After before it is ready: problem+json for the API, a reloading Vietnamese page for a browser', async () => {
    const api = await fetch(`${port.origin}/api/health`, { headers: { 'accept-language': 'en' } });
    expect(api.status).toBe(503);
    expect(api.headers.get('retry-after')).toBe('1');
    expect(api.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await api.json()).toMatchObject({ status: 503, code: 'service_unavailable', title: 'The service is temporarily unavailable; please try again' });

    const page = await fetch(`${port.origin}/dat-lich/`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(503);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('đang khởi động');
    expect(html).toMatch(/http-equiv="refresh"/);

    const post = await fetch(`${port.origin}/api/dossiers`, { method: 'POST', body: JSON.stringify({ a: 1 }), headers: { 'content-type': 'application/json' } });
    expect(post.status).toBe(503);
    expect((await post.json()) as { title: string }).toMatchObject({ title: 'Dịch vụ tạm thời gián đoạn, vui lòng thử lại sau' });
  });

  it('once ready: a throwing handler gives 502, a silent one 503 at the deadline, a slow or endless request is cut off', async () => {
    port.ready(async (req, res) => {
      if (req.url === '/throws') throw new Error('before any route is known');
      if (req.url === '/silent') return;
      if (req.url === '/echo') {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        res.end(Buffer.concat(chunks));
        return;
      }
      res.end('ok');
    });

    const throws = await fetch(`${port.origin}/throws`);
    expect(throws.status).toBe(502);

    const started = Date.now();
    const silent = await fetch(`${port.origin}/silent`);
    expect(silent.status).toBe(503);
    expect(Date.now() - started).toBeGreaterThanOrEqual(limits.responseDeadlineMs - 50);
    expect(Date.now() - started).toBeLessThan(limits.responseDeadlineMs + 1_500);

    // A body that never ends: Content-Length promises 100 bytes, 10 arrive.
    const endless = await raw(port.origin, 'POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n0123456789');
    expect(firstLine(endless.answer)).toBe('HTTP/1.1 408 Request Timeout');
    expect(endless.closedAfterMs).toBeLessThan(limits.requestTimeoutMs + 1_500);

    // Headers that never end.
    const slow = await raw(port.origin, 'GET /echo HTTP/1.1\r\nHost: x\r\n');
    expect(slow.closedAfterMs).toBeLessThan(limits.headersTimeoutMs + 1_500);

    // A client that disconnects mid-body leaves nothing behind: the next request is answered.
    await raw(port.origin, 'POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n01234', 50);
    await sleep(100);
    const after = await fetch(`${port.origin}/echo`, { method: 'POST', body: 'still here' });
    expect(await after.text()).toBe('still here');
  });
});

describe('the real local portal', () => {
  let portal: TestPortal;
  beforeAll(async () => {
    portal = await startTestPortal();
  });
  afterAll(() => portal.close());

  it('answers a request whose target is not even a URL, and a garbled request line, instead of hanging', async () => {
    const absurd = await raw(portal.url, 'GET //[::1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(firstLine(absurd.answer)).toBe('HTTP/1.1 400 Bad Request');
    const garbled = await raw(portal.url, 'NOT HTTP AT ALL\r\n\r\n');
    expect(firstLine(garbled.answer)).toBe('HTTP/1.1 400 Bad Request');
    const health = await portal.request('/api/health');
    expect(health.status).toBe(200);
  });
});

/** Small response helpers for the local server; every response carries the security headers. */
import { SECURITY_HEADERS } from '@portal/shared/security-headers';
import type { ServerResponse } from 'node:http';

export type ReadBody = () => Promise<Buffer>;

export function send(res: ServerResponse, status: number, body: string | Buffer, headers: Record<string, string | string[]> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, ...headers, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  send(res, status, JSON.stringify(body), { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
}

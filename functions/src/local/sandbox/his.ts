/**
 * A stand-in for hospitals' information systems: `/sandbox/his/<hospitalId>/callbacks` checks the
 * portal's signature exactly as a real HIS should (HMAC over `<t>.<body>`, recent `t`), records
 * what arrived, and can be told to fail the next N calls to exercise the retries. Local only.
 */
import { EVENT_ID_HEADER, SIGNATURE_HEADER, hospitalSigningKey, type HisCallback } from '@portal/shared/payments/his-callbacks';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson, type ReadBody } from '../respond';

interface Received {
  eventId: string;
  callback: HisCallback;
  receivedAt: string;
}

function verify(masterKey: string, hospitalId: string, header: string | undefined, body: string, now: Date): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header ?? '');
  if (!match) return false;
  const [, t = '0', given = ''] = match;
  if (Math.abs(now.getTime() / 1000 - Number(t)) > 300) return false;
  const expected = createHmac('sha256', hospitalSigningKey(masterKey, hospitalId)).update(`${t}.${body}`).digest('hex');
  return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

export function hisDouble(masterKey: string) {
  const received = new Map<string, Received[]>();
  let failNext = 0;

  return async (req: IncomingMessage, res: ServerResponse, url: URL, readBody: ReadBody): Promise<void> => {
    if (url.pathname === '/sandbox/his/control' && req.method === 'POST') {
      const body = JSON.parse((await readBody()).toString('utf8') || '{}') as { failNext?: number };
      failNext = Math.max(0, Math.trunc(body.failNext ?? 0));
      return sendJson(res, 200, { failNext });
    }
    const hospitalId = /^\/sandbox\/his\/([a-z0-9-]+)\/callbacks$/.exec(url.pathname)?.[1];
    if (!hospitalId) return sendJson(res, 404, { error: 'not_found' });
    if (req.method === 'GET') return sendJson(res, 200, { received: received.get(hospitalId) ?? [] });
    const body = (await readBody()).toString('utf8');
    if (!verify(masterKey, hospitalId, req.headers[SIGNATURE_HEADER] as string | undefined, body, new Date())) return sendJson(res, 401, { error: 'bad_signature' });
    if (failNext > 0) {
      failNext--;
      return sendJson(res, 503, { error: 'his_unavailable' });
    }
    const eventId = String(req.headers[EVENT_ID_HEADER] ?? '');
    const list = received.get(hospitalId) ?? [];
    // An HIS treats the event id as an idempotency key: a redelivery is acknowledged, not re-applied.
    if (!list.some((r) => r.eventId === eventId)) list.push({ eventId, callback: JSON.parse(body) as HisCallback, receivedAt: new Date().toISOString() });
    received.set(hospitalId, list);
    return sendJson(res, 200, { received: true });
  };
}

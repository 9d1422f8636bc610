/**
 * Telling hospitals' information systems about paid and refunded bills. Created from the outbox
 * (once per event), delivered at once, then retried on a schedule until the HIS answers 2xx or
 * three days pass. Signed per hospital; the HIS must treat `eventId` as an idempotency key.
 */
import { EVENT_ID_HEADER, RETRY_DELAYS_MS, SIGNATURE_HEADER, hospitalSigningKey, signCallback, type HisCallback } from '@portal/shared/payments/his-callbacks';
import { logger } from '../platform/logger';
import type { Deps } from '../repositories/bills';
import { createCallback, dueCallbacks, getCallback, recordAttempt, type StoredCallback } from '../repositories/his-callbacks';

export interface CallbackDeps extends Deps {
  now: () => Date;
  /** hospitalId → the HIS endpoint; a hospital without one gets no callbacks. */
  callbackUrls: Record<string, string>;
  signingKey: () => Promise<string>;
}

/** From the outbox consumer: record the delivery and try it once now. */
export async function scheduleCallback(deps: CallbackDeps, callback: HisCallback): Promise<void> {
  const url = deps.callbackUrls[callback.hospitalId];
  if (!url) return;
  const createdAt = deps.now().toISOString();
  const stored: StoredCallback = { callback, url, status: 'pending', attempts: 0, nextAttemptAt: createdAt, createdAt };
  if (!(await createCallback(deps, stored))) return;
  await deliver(deps, stored);
}

async function deliver(deps: CallbackDeps, stored: StoredCallback): Promise<StoredCallback['status']> {
  const body = JSON.stringify(stored.callback);
  const key = hospitalSigningKey(await deps.signingKey(), stored.callback.hospitalId);
  const now = deps.now();
  let result: string;
  let delivered = false;
  try {
    const response = await fetch(stored.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signCallback(key, body, now), [EVENT_ID_HEADER]: stored.callback.eventId },
      body,
      signal: AbortSignal.timeout(5_000),
    });
    delivered = response.status >= 200 && response.status < 300;
    result = `HTTP ${response.status}`;
  } catch (error) {
    result = (error as Error).name;
  }
  const delay = RETRY_DELAYS_MS[stored.attempts];
  const status = delivered ? 'delivered' : delay === undefined ? 'failed' : 'pending';
  const nextAttemptAt = status === 'pending' && delay !== undefined ? new Date(now.getTime() + delay).toISOString() : undefined;
  try {
    await recordAttempt(deps, stored, { status, result, nextAttemptAt });
  } catch (error) {
    if ((error as { name?: string }).name !== 'TransactionCanceledException') throw error;
  }
  if (status === 'failed') logger.error('HIS callback given up', { eventId: stored.callback.eventId, hospitalId: stored.callback.hospitalId, result });
  return status;
}

export interface CallbackRunReport {
  attempted: number;
  delivered: number;
  pending: number;
  failed: number;
}

/** The retry job: every callback whose next attempt is due. */
export async function retryDueCallbacks(deps: CallbackDeps, asOf: Date, batch = 100): Promise<CallbackRunReport> {
  const report: CallbackRunReport = { attempted: 0, delivered: 0, pending: 0, failed: 0 };
  for (const eventId of await dueCallbacks(deps, asOf.toISOString(), batch)) {
    const stored = await getCallback(deps, eventId);
    if (!stored || stored.status !== 'pending') continue;
    report.attempted++;
    report[await deliver(deps, stored)]++;
  }
  return report;
}

/**
 * Retries an operation that lost a race to another transaction on the same item (DynamoDB's
 * TransactionConflict, mapped to `service_unavailable`) or whose optimistic condition went stale
 * (`conflict`), with a short jittered pause. For steps that must not be abandoned half-way.
 */
import type { ErrorCode } from '@portal/shared/errors';
import { setTimeout as sleep } from 'node:timers/promises';
import { toAppError } from './errors';

export async function withRetries<T>(operation: () => Promise<T>, retryOn: readonly ErrorCode[], attempts = 8): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (attempt >= attempts || !retryOn.includes(toAppError(error).code)) throw error;
      await sleep(10 * attempt + Math.floor(Math.random() * 40));
    }
  }
}

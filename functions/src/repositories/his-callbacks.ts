/**
 * Callback deliveries to hospitals' information systems: one item per event with its attempts,
 * and a marker ordered by the next attempt time for the retry job (the same pattern as the
 * payments sweep). Delivered or given-up callbacks keep their item for support, lose the marker.
 */
import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { HisCallback } from '@portal/shared/payments/his-callbacks';
import { keys } from '@portal/shared/table';
import type { Deps } from './bills';

export interface StoredCallback {
  callback: HisCallback;
  url: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt?: string;
  lastResult?: string;
  createdAt: string;
}

const marker = (at: string, eventId: string) => ({ pk: 'SWEEP#HISCALLBACKS', sk: `${at}#${eventId}` });

/** Creates the delivery once (a redelivered outbox event finds it and does nothing). */
export async function createCallback(deps: Deps, stored: StoredCallback): Promise<boolean> {
  try {
    await deps.db.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: deps.tableName, Item: { ...keys.hisCallback(stored.callback.eventId), type: 'hisCallback', ...stored }, ConditionExpression: 'attribute_not_exists(pk)' } },
          { Put: { TableName: deps.tableName, Item: { ...marker(stored.nextAttemptAt ?? stored.createdAt, stored.callback.eventId), type: 'hisCallbackDue', eventId: stored.callback.eventId } } },
        ],
      }),
    );
    return true;
  } catch (error) {
    if ((error as { name?: string }).name === 'TransactionCanceledException') return false;
    throw error;
  }
}

export async function getCallback(deps: Deps, eventId: string): Promise<StoredCallback | undefined> {
  const { Item } = await deps.db.send(new GetCommand({ TableName: deps.tableName, Key: keys.hisCallback(eventId) }));
  return Item as StoredCallback | undefined;
}

/** Records one attempt; moves the marker to the next attempt time, or removes it when done. */
export async function recordAttempt(deps: Deps, stored: StoredCallback, outcome: { status: StoredCallback['status']; result: string; nextAttemptAt?: string }): Promise<void> {
  const current = marker(stored.nextAttemptAt ?? stored.createdAt, stored.callback.eventId);
  await deps.db.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Update: {
            TableName: deps.tableName,
            Key: keys.hisCallback(stored.callback.eventId),
            UpdateExpression: outcome.nextAttemptAt
              ? 'SET #status = :status, attempts = attempts + :one, lastResult = :result, nextAttemptAt = :next'
              : 'SET #status = :status, attempts = attempts + :one, lastResult = :result REMOVE nextAttemptAt',
            // Two runners delivering the same callback at once: only the first records its attempt.
            ConditionExpression: 'attempts = :attempts',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':status': outcome.status, ':one': 1, ':result': outcome.result, ':attempts': stored.attempts, ...(outcome.nextAttemptAt ? { ':next': outcome.nextAttemptAt } : {}) },
          },
        },
        { Delete: { TableName: deps.tableName, Key: current } },
        ...(outcome.nextAttemptAt ? [{ Put: { TableName: deps.tableName, Item: { ...marker(outcome.nextAttemptAt, stored.callback.eventId), type: 'hisCallbackDue', eventId: stored.callback.eventId } } }] : []),
      ],
    }),
  );
}

export async function dueCallbacks(deps: Deps, asOf: string, limit: number): Promise<string[]> {
  const { Items = [] } = await deps.db.send(
    new QueryCommand({ TableName: deps.tableName, KeyConditionExpression: 'pk = :pk AND sk <= :asOf', ExpressionAttributeValues: { ':pk': 'SWEEP#HISCALLBACKS', ':asOf': asOf }, Limit: limit }),
  );
  return Items.map((i) => String(i.eventId));
}


/**
 * Guessing protection for public lookups by a code and a second factor (a bill, a dossier): wrong
 * second factors are counted on the looked-up item, the fifth in a row locks its lookups for 15
 * minutes, a right one clears the count. The attributes sit on whichever item the lookup reads.
 */
import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Keys } from '@portal/shared/table';

interface Deps {
  db: DynamoDBDocumentClient;
  tableName: string;
}

export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MS = 15 * 60_000;

/** Counts a wrong second factor; the `lockAfter`-th in a row locks lookups of this item until `lockUntil`. */
export async function recordLookupFailure(deps: Deps, key: Keys, lockAfter: number, lockUntil: string): Promise<void> {
  const { Attributes } = await deps.db.send(
    new UpdateCommand({
      TableName: deps.tableName,
      Key: key,
      UpdateExpression: 'ADD lookupFailures :one',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':one': 1 },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  if (Number(Attributes?.lookupFailures ?? 0) >= lockAfter) {
    await deps.db.send(
      new UpdateCommand({
        TableName: deps.tableName,
        Key: key,
        UpdateExpression: 'SET lookupLockedUntil = :until, lookupFailures = :zero',
        ExpressionAttributeValues: { ':until': lockUntil, ':zero': 0 },
      }),
    );
  }
}

export async function clearLookupFailures(deps: Deps, key: Keys): Promise<void> {
  await deps.db.send(
    new UpdateCommand({
      TableName: deps.tableName,
      Key: key,
      UpdateExpression: 'SET lookupFailures = :zero REMOVE lookupLockedUntil',
      ConditionExpression: 'lookupFailures > :zero',
      ExpressionAttributeValues: { ':zero': 0 },
    }),
  ).catch((error: unknown) => {
    if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error;
  });
}

/** Seconds until a lock ends, or undefined when the item is not locked now. */
export function lockedFor(lockedUntil: string | undefined, now: Date): number | undefined {
  if (!lockedUntil || lockedUntil <= now.toISOString()) return undefined;
  return Math.ceil((Date.parse(lockedUntil) - now.getTime()) / 1000);
}

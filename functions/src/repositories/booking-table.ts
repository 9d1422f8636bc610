/**
 * What the booking repositories share (booking-schedule.ts, appointments.ts): the single-item read,
 * the paged query, the transaction item type and the outbox event put inside a transaction.
 */
import { GetCommand, QueryCommand, type TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { keys, type Keys } from '@portal/shared/table';
import type { Deps } from './bills';

export type { Deps };
export type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

export const get = async <T>(deps: Deps, key: Keys, consistent = false): Promise<T | undefined> =>
  (await deps.db.send(new GetCommand({ TableName: deps.tableName, Key: key, ConsistentRead: consistent }))).Item as T | undefined;

export async function queryAll<T>(deps: Deps, input: Omit<ConstructorParameters<typeof QueryCommand>[0], 'TableName'>, cap = 2_000): Promise<T[]> {
  const items: T[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await deps.db.send(new QueryCommand({ TableName: deps.tableName, ...input, ExclusiveStartKey: startKey }));
    items.push(...((page.Items ?? []) as T[]));
    startKey = page.LastEvaluatedKey;
  } while (startKey && items.length < cap);
  return items;
}

export function outboxPut(deps: Deps, eventId: string, item: Record<string, unknown>): TransactItem {
  return { Put: { TableName: deps.tableName, Item: { ...keys.outbox(eventId), type: 'outbox', ...item }, ConditionExpression: 'attribute_not_exists(pk)' } };
}

/** Catalogue items: one partition (`CATALOGUE`), one item per procedure, a version per change. */
import { GetCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { procedureByCode, procedureSchema, type Procedure } from '@portal/shared/procedures/catalogue';
import { keys } from '@portal/shared/table';
import { auditEntry, type AuditContext } from './audit';

export interface StoredProcedure extends Procedure {
  version: number;
}

/**
 * The definition (form, documents, fee…) comes from the catalogue in code, the same the static pages
 * are built from; the item adds what changes at run time (availability, version). A procedure only
 * in the table is parsed as a whole; one that no longer parses (an older shape) reads as absent.
 */
function fromItem(item: Record<string, unknown>): StoredProcedure | undefined {
  const version = Number(item.version ?? 1);
  const definition = procedureByCode(String(item.code));
  if (definition) return { ...definition, available: typeof item.available === 'boolean' ? item.available : definition.available, version };
  const parsed = procedureSchema.safeParse(item);
  return parsed.success ? { ...parsed.data, version } : undefined;
}

export async function listProcedures(db: DynamoDBDocumentClient, tableName: string): Promise<StoredProcedure[]> {
  const items: StoredProcedure[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.catalogue().pk, ':prefix': 'PROCEDURE#' },
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) {
      const procedure = fromItem(item);
      if (procedure) items.push(procedure);
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

export async function getProcedure(db: DynamoDBDocumentClient, tableName: string, code: string): Promise<StoredProcedure | undefined> {
  const result = await db.send(new GetCommand({ TableName: tableName, Key: keys.procedure(code) }));
  return result.Item ? fromItem(result.Item) : undefined;
}

/**
 * Change a procedure's availability if it is still at `expectedVersion`, with its audit entry in
 * the same transaction. Throws TransactionCanceledException when someone else changed it first.
 */
export async function setProcedureAvailability(
  db: DynamoDBDocumentClient,
  tableName: string,
  code: string,
  available: boolean,
  expectedVersion: number,
  ctx: AuditContext,
): Promise<void> {
  await db.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Update: {
            TableName: tableName,
            Key: keys.procedure(code),
            UpdateExpression: 'SET available = :available, version = :next, updatedAt = :now',
            ConditionExpression: 'attribute_exists(pk) AND (version = :expected OR (attribute_not_exists(version) AND :expected = :one))',
            ExpressionAttributeValues: { ':available': available, ':next': expectedVersion + 1, ':expected': expectedVersion, ':one': 1, ':now': ctx.now.toISOString() },
          },
        },
        auditEntry(tableName, ctx, available ? 'procedure.resume' : 'procedure.suspend', { type: 'procedure', id: code }, { available }),
      ],
    }),
  );
}

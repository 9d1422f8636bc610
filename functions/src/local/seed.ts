/**
 * Demo data for the local stack. Idempotent: an item is written only if it is not there yet, so
 * a restart keeps what the previous run changed (an administrator's edits survive).
 */
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { catalogue } from '@portal/shared/procedures/catalogue';
import { keys } from '@portal/shared/table';

export async function seedDemoData(db: DynamoDBDocumentClient, tableName: string): Promise<{ written: number }> {
  let written = 0;
  for (const procedure of catalogue) {
    try {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...keys.procedure(procedure.code), type: 'procedure', ...procedure, version: 1 },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      written++;
    } catch (error) {
      if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error;
    }
  }
  return { written };
}

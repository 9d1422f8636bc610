/**
 * Demo data for the local stack. Idempotent: an item is written only if it is not there yet, so
 * a restart keeps what the previous run changed (an administrator's edits survive).
 */
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { catalogue } from '@portal/shared/procedures/catalogue';
import { keys } from '@portal/shared/table';
import { newId } from '../platform/ids';
import { insertBill } from '../repositories/bills';
import { insertHisKey } from '../repositories/his-keys';
import { demoHisKey } from './demo-bills';
import { hospitals } from '@portal/shared/hospitals';
import { demoBills } from './demo-bills';
import { seedDossiers } from './demo-dossiers';
import { seedBooking, seedRatedVisits } from './demo-booking';
import { seedDataAccess } from './demo-data-access';

/** The seed acts as the hospitals' information systems; its audit entries say so. */
const SEED_ACTOR = { principal: { userId: 'seed', role: 'admin' as const, name: 'Dữ liệu mẫu', duties: [] }, requestId: 'seed' };

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
  for (const bill of demoBills) {
    const createdAt = new Date().toISOString();
    try {
      await insertBill(
        { db, tableName },
        { ...bill, billId: newId(), status: 'unpaid', amountPaid: 0, amountRefunded: 0, lookupFailures: 0, version: 1, createdAt },
        { ...SEED_ACTOR, now: new Date(createdAt) },
      );
      written++;
    } catch (error) {
      // The bill-code guard already exists: seeded on an earlier start.
      if ((error as { name?: string }).name !== 'TransactionCanceledException') throw error;
    }
  }
  for (const { hospitalId } of hospitals) {
    try {
      await insertHisKey({ db, tableName }, demoHisKey(hospitalId), { keyId: `demo-${hospitalId}`, hospitalId, createdAt: new Date().toISOString(), createdBy: 'seed', label: 'Khóa mẫu cho máy chủ HIS thử nghiệm (demo key)' });
      written++;
    } catch (error) {
      if ((error as { name?: string }).name !== 'TransactionCanceledException') throw error;
    }
  }
  written += await seedBooking(db, tableName);
  written += await seedDossiers(db, tableName);
  written += await seedDataAccess(db, tableName);
  written += await seedRatedVisits(db, tableName);
  return { written };
}

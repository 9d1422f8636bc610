/** Work lists of a hospital: bills and payment attempts of a Vietnam day, a patient's bills. */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '@portal/shared/table';
import type { StoredBill, Deps } from './bills';
import type { StoredAttempt } from './payments';

async function queryAll<T>(deps: Deps, input: ConstructorParameters<typeof QueryCommand>[0], cap = 2_000): Promise<T[]> {
  const items: T[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await deps.db.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }));
    items.push(...((page.Items ?? []) as T[]));
    startKey = page.LastEvaluatedKey;
  } while (startKey && items.length < cap);
  return items;
}

const byQueue = (deps: Deps, queuePk: string) =>
  ({ TableName: deps.tableName, IndexName: 'byWorkQueue', KeyConditionExpression: 'queuePk = :q', ExpressionAttributeValues: { ':q': queuePk } }) as const;

export const billsOfDay = (deps: Deps, hospitalId: string, day: string) => queryAll<StoredBill>(deps, byQueue(deps, keys.hospitalBillsQueue(hospitalId, day).queuePk));

export const paymentsOfDay = (deps: Deps, hospitalId: string, day: string) => queryAll<StoredAttempt>(deps, byQueue(deps, keys.hospitalPaymentsQueue(hospitalId, day).queuePk));

export async function billIdsOfPatient(deps: Deps, hospitalId: string, patientCode: string): Promise<string[]> {
  const items = await queryAll<{ billId: string }>(deps, {
    TableName: deps.tableName,
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.patientBills(hospitalId, patientCode).pk },
    ScanIndexForward: false,
    Limit: 50,
  }, 50);
  return items.map((i) => i.billId);
}

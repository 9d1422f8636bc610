/** Bills pushed by hospitals: the bill item, its bill-code guard, and the lookup-failure counter. */
import { GetCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { BillItem, BillStatus, HisBill } from '@portal/shared/payments/bills';
import { keys } from '@portal/shared/table';
import { vietnamDate } from '@portal/shared/vietnamese';
import { auditEntry, type AuditContext } from './audit';
import { clearLookupFailures as clearFailuresOn, recordLookupFailure as recordFailureOn } from './lookup-locks';

export interface StoredBill extends HisBill {
  billId: string;
  items: BillItem[];
  status: BillStatus;
  amountPaid: number;
  amountRefunded: number;
  openAttemptId?: string;
  openAttemptExpiresAt?: string;
  lookupFailures: number;
  lookupLockedUntil?: string;
  version: number;
  createdAt: string;
}

export interface Deps {
  db: DynamoDBDocumentClient;
  tableName: string;
}

/** Writes the bill and its guard together, with the pusher's audit entry. Throws TransactionCanceled if the code exists. */
export async function insertBill(deps: Deps, bill: StoredBill, ctx: AuditContext): Promise<void> {
  await deps.db.send(
    new TransactWriteCommand({
      TransactItems: [
        { Put: { TableName: deps.tableName, Item: { ...keys.billCode(bill.hospitalId, bill.billCode), type: 'billCode', billId: bill.billId }, ConditionExpression: 'attribute_not_exists(pk)' } },
        {
          Put: {
            TableName: deps.tableName,
            Item: { ...keys.bill(bill.billId), type: 'bill', ...bill, ...keys.hospitalBillsQueue(bill.hospitalId, vietnamDate(new Date(bill.createdAt))), queueSk: `${bill.createdAt}#${bill.billId}` },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        { Put: { TableName: deps.tableName, Item: { ...keys.patientBill(bill.hospitalId, bill.patientCode, bill.createdAt, bill.billId), type: 'patientBill', billId: bill.billId } } },
        auditEntry(deps.tableName, ctx, 'bill.push', { type: 'bill', id: bill.billId }, { billCode: bill.billCode, amountDue: bill.amountDue }),
      ],
    }),
  );
}

export async function billIdByCode(deps: Deps, hospitalId: string, billCode: string): Promise<string | undefined> {
  const { Item } = await deps.db.send(new GetCommand({ TableName: deps.tableName, Key: keys.billCode(hospitalId, billCode) }));
  return Item?.billId as string | undefined;
}

export async function getBill(deps: Deps, billId: string): Promise<StoredBill | undefined> {
  const { Item } = await deps.db.send(new GetCommand({ TableName: deps.tableName, Key: keys.bill(billId) }));
  return Item as StoredBill | undefined;
}

/** Counts a wrong second factor; the fifth in a row locks lookups of this bill until `lockUntil` (lookup-locks.ts). */
export const recordLookupFailure = (deps: Deps, billId: string, lockAfter: number, lockUntil: string): Promise<void> => recordFailureOn(deps, keys.bill(billId), lockAfter, lockUntil);

export const clearLookupFailures = (deps: Deps, billId: string): Promise<void> => clearFailuresOn(deps, keys.bill(billId));

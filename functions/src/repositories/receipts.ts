/**
 * Receipts: the per-payment guard (`RECEIPTOF#<paymentId>`: the number once allocated, then where
 * the PDF is), the yearly counter per prefix, and the receipt item (`RECEIPT#<number>`) that the
 * public verification reads. None of them holds personal data.
 */
import { GetCommand, PutCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { RECEIPT_PREFIX, formatReceiptNumber, type PaymentMethod, type ReceiptKind } from '@portal/shared/receipts/receipt';
import { keys } from '@portal/shared/table';
import { toAppError } from '../platform/errors';

export interface Deps {
  db: DynamoDBDocumentClient;
  tableName: string;
}

export interface ReceiptGuard {
  paymentId: string;
  number: string;
  status: 'allocated' | 'issued';
  allocatedAt: string;
  documentKey?: string;
  issuedAt?: string;
}

export interface StoredReceipt {
  number: string;
  kind: ReceiptKind;
  paymentId: string;
  hospitalId?: string;
  issuerName: string;
  amountVnd: number;
  paidAt: string;
  paymentMethod: PaymentMethod;
  billCode: string;
  documentKey: string;
  issuedAt: string;
  /** What the licensed e-invoice provider answered (`none` while no provider is configured). */
  legalInvoice: { provider: string; status: string; reference?: string };
}

export async function getReceiptGuard(deps: Deps, paymentId: string): Promise<ReceiptGuard | undefined> {
  const { Item } = await deps.db.send(new GetCommand({ TableName: deps.tableName, Key: keys.receiptOfPayment(paymentId), ConsistentRead: true }));
  return Item as ReceiptGuard | undefined;
}

export async function getReceipt(deps: Deps, number: string): Promise<StoredReceipt | undefined> {
  const { Item } = await deps.db.send(new GetCommand({ TableName: deps.tableName, Key: keys.receipt(number) }));
  return Item as StoredReceipt | undefined;
}

/**
 * The payment's receipt number, allocated exactly once: an existing guard wins; otherwise the
 * year's counter is incremented atomically (ADD) and the guard is written on condition that none
 * exists. A concurrent or repeated run that loses the guard race reads the winner's number (the
 * counter value it took stays unused: a gap, never a duplicate).
 */
export async function allocateReceiptNumber(deps: Deps, paymentId: string, kind: ReceiptKind, year: number, at: string): Promise<ReceiptGuard> {
  const existing = await getReceiptGuard(deps, paymentId);
  if (existing) return existing;
  const { Attributes } = await deps.db.send(
    new UpdateCommand({
      TableName: deps.tableName,
      Key: keys.receiptCounter(RECEIPT_PREFIX[kind], year),
      UpdateExpression: 'ADD #seq :one SET #type = :type',
      ExpressionAttributeNames: { '#seq': 'sequence', '#type': 'type' },
      ExpressionAttributeValues: { ':one': 1, ':type': 'receiptCounter' },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  const guard: ReceiptGuard = { paymentId, number: formatReceiptNumber(kind, year, Number(Attributes?.sequence)), status: 'allocated', allocatedAt: at };
  try {
    await deps.db.send(new PutCommand({ TableName: deps.tableName, Item: { ...keys.receiptOfPayment(paymentId), type: 'receiptOf', ...guard }, ConditionExpression: 'attribute_not_exists(pk)' }));
    return guard;
  } catch (error) {
    if (toAppError(error).code !== 'conflict') throw error;
    const winner = await getReceiptGuard(deps, paymentId);
    if (!winner) throw error;
    return winner;
  }
}

/** The receipt item and the guard's "issued" mark together; repeating it with the same receipt is harmless. */
export async function recordReceipt(deps: Deps, receipt: StoredReceipt): Promise<void> {
  await deps.db.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: deps.tableName,
            Item: { ...keys.receipt(receipt.number), type: 'receipt', ...receipt },
            ConditionExpression: 'attribute_not_exists(pk) OR paymentId = :paymentId',
            ExpressionAttributeValues: { ':paymentId': receipt.paymentId },
          },
        },
        {
          Update: {
            TableName: deps.tableName,
            Key: keys.receiptOfPayment(receipt.paymentId),
            UpdateExpression: 'SET #status = :issued, documentKey = :key, issuedAt = if_not_exists(issuedAt, :at)',
            ConditionExpression: '#number = :number',
            ExpressionAttributeNames: { '#status': 'status', '#number': 'number' },
            ExpressionAttributeValues: { ':issued': 'issued', ':key': receipt.documentKey, ':at': receipt.issuedAt, ':number': receipt.number },
          },
        },
      ],
    }),
  );
}

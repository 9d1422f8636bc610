/**
 * Payment attempts and the payable they pay (ADR 0008). Every payable item has the same payment
 * attributes (status, amountDue, openAttemptId, openAttemptExpiresAt), so these transactions work
 * for any kind. Each state change is one conditional transaction with its sweep marker and outbox item.
 */
import { DeleteCommand, GetCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { PayableRef, PaymentStatus } from '@portal/shared/payments/payments';
import { keys, type Keys } from '@portal/shared/table';
import { vietnamDate } from '@portal/shared/vietnamese';

export interface Deps {
  db: DynamoDBDocumentClient;
  tableName: string;
}

export interface StoredAttempt {
  paymentId: string;
  txnRef: string;
  payable: PayableRef;
  hospitalId?: string;
  amountVnd: number;
  status: PaymentStatus;
  createdAt: string;
  expiresAt: string;
  /** vnp_CreateDate, needed again by QueryDR and Refund as vnp_TransactionDate. */
  vnpCreateDate: string;
  orderInfo: string;
  /** What the payer and the finance office recognise it by (the bill code). */
  reference?: string;
  paymentUrl: string;
  paidAt?: string;
  responseCode?: string;
  transactionStatus?: string;
  transactionNo?: string;
  bankCode?: string;
  settledBy?: 'ipn' | 'querydr' | 'sweep';
  /** Paid amount not yet refunded or reserved by an approved refund. */
  amountAvailable?: number;
  amountRefunded?: number;
}

/** The payment fields every payable item carries. */
export interface PayableState {
  key: Keys;
  amountDue: number;
  status: 'unpaid' | 'paid' | 'partially_refunded' | 'refunded';
  openAttemptId?: string;
  openAttemptExpiresAt?: string;
  hospitalId?: string;
}

export async function getAttempt(deps: Deps, paymentId: string): Promise<StoredAttempt | undefined> {
  const { Item } = await deps.db.send(new GetCommand({ TableName: deps.tableName, Key: keys.payment(paymentId) }));
  return Item as StoredAttempt | undefined;
}

/**
 * The attempt, its sweep marker, and the payable's `openAttemptId`, together — only if the payable
 * is still unpaid at this amount and has no open attempt. Throws TransactionCanceled otherwise.
 */
export async function insertAttempt(deps: Deps, attempt: StoredAttempt, payable: PayableState): Promise<void> {
  const day = vietnamDate(new Date(attempt.createdAt));
  await deps.db.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: deps.tableName,
            Item: {
              ...keys.payment(attempt.paymentId),
              type: 'payment',
              ...attempt,
              ...(attempt.hospitalId ? { ...keys.hospitalPaymentsQueue(attempt.hospitalId, day), queueSk: `${attempt.createdAt}#${attempt.paymentId}` } : {}),
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        { Put: { TableName: deps.tableName, Item: { ...keys.pendingPayment(attempt.expiresAt, attempt.paymentId), type: 'pendingPayment', paymentId: attempt.paymentId } } },
        {
          Update: {
            TableName: deps.tableName,
            Key: payable.key,
            UpdateExpression: 'SET openAttemptId = :id, openAttemptExpiresAt = :expires, version = version + :one',
            ConditionExpression: '#status = :unpaid AND amountDue = :amount AND (attribute_not_exists(openAttemptId) OR openAttemptId = :none)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':id': attempt.paymentId, ':expires': attempt.expiresAt, ':one': 1, ':unpaid': 'unpaid', ':amount': attempt.amountVnd, ':none': '' },
          },
        },
      ],
    }),
  );
}

export interface Settlement {
  status: Extract<PaymentStatus, 'paid' | 'failed' | 'held' | 'expired'>;
  at: string;
  by: NonNullable<StoredAttempt['settledBy']>;
  responseCode?: string;
  transactionStatus?: string;
  transactionNo?: string;
  bankCode?: string;
  paidAt?: string;
}

/**
 * Settles a pending attempt in one transaction: the attempt (only if still pending), the payable
 * (paid → marked paid; failed/expired → its open attempt released; held → left blocked), the sweep
 * marker removed, and — for a payment — an outbox event whose id is derived from the attempt, so
 * it can never be written twice. `payable` is what the caller read: the payable update is
 * conditioned on that state, and a concurrent change cancels the whole transaction.
 */
export type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

/** `extra`: what the payable's kind adds to the same transaction (e.g. a held booking confirmed). */
export async function settleAttempt(deps: Deps, attempt: StoredAttempt, payable: PayableState, settlement: Settlement, extra: readonly TransactItem[] = []): Promise<void> {
  const set: string[] = ['#status = :status', 'settledAt = :at', 'settledBy = :by'];
  const values: Record<string, unknown> = { ':status': settlement.status, ':at': settlement.at, ':by': settlement.by, ':pending': 'pending' };
  if (settlement.status === 'paid') {
    // What refunds may still take; a condition on it keeps concurrent refunds within the payment.
    set.push('amountAvailable = :available', 'amountRefunded = :zero');
    values[':available'] = attempt.amountVnd;
    values[':zero'] = 0;
  }
  for (const field of ['responseCode', 'transactionStatus', 'transactionNo', 'bankCode', 'paidAt'] as const) {
    if (settlement[field] !== undefined) {
      set.push(`${field} = :${field}`);
      values[`:${field}`] = settlement[field];
    }
  }
  const items: TransactItem[] = [
    {
      Update: {
        TableName: deps.tableName,
        Key: keys.payment(attempt.paymentId),
        UpdateExpression: `SET ${set.join(', ')}`,
        ConditionExpression: '#status = :pending',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: values,
      },
    },
    { Delete: { TableName: deps.tableName, Key: keys.pendingPayment(attempt.expiresAt, attempt.paymentId) } },
  ];
  const ownsPayable = payable.openAttemptId === attempt.paymentId;
  if (settlement.status === 'paid' && payable.status === 'unpaid') {
    items.push({
      Update: {
        TableName: deps.tableName,
        Key: payable.key,
        UpdateExpression: 'SET #status = :paid, amountPaid = :amount, paidAt = :at, paidBy = :id, version = version + :one REMOVE openAttemptId, openAttemptExpiresAt',
        ConditionExpression: '#status = :unpaid',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':paid': 'paid', ':unpaid': 'unpaid', ':amount': attempt.amountVnd, ':at': settlement.at, ':id': attempt.paymentId, ':one': 1 },
      },
    });
  } else if ((settlement.status === 'failed' || settlement.status === 'expired') && ownsPayable) {
    items.push({
      Update: {
        TableName: deps.tableName,
        Key: payable.key,
        UpdateExpression: 'REMOVE openAttemptId, openAttemptExpiresAt SET version = version + :one',
        ConditionExpression: 'openAttemptId = :id',
        ExpressionAttributeValues: { ':id': attempt.paymentId, ':one': 1 },
      },
    });
  }
  if (settlement.status === 'paid' || settlement.status === 'held') {
    // Paid twice (the payable was already paid by another attempt) is an incident for a refund.
    const event = settlement.status === 'held' ? 'payment.held' : payable.status === 'unpaid' ? 'payment.paid' : 'payment.duplicate';
    items.push({
      Put: {
        TableName: deps.tableName,
        Item: {
          ...keys.outbox(`${event}#${attempt.paymentId}`),
          type: 'outbox',
          event,
          paymentId: attempt.paymentId,
          payable: attempt.payable,
          hospitalId: attempt.hospitalId,
          amountVnd: attempt.amountVnd,
          createdAt: settlement.at,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    });
  }
  items.push(...extra);
  await deps.db.send(new TransactWriteCommand({ TransactItems: items }));
}

/** Removes a marker left behind (e.g. an attempt settled before its marker was read). */
export async function deleteSweepMarker(deps: Deps, attempt: Pick<StoredAttempt, 'expiresAt' | 'paymentId'>): Promise<void> {
  await deps.db.send(new DeleteCommand({ TableName: deps.tableName, Key: keys.pendingPayment(attempt.expiresAt, attempt.paymentId) }));
}

/** Markers of attempts that expired before `cutoff` (ISO), oldest first: the sweep's work list. */
export async function expiredPendingMarkers(deps: Deps, cutoff: string, limit: number): Promise<{ paymentId: string; expiresAt: string }[]> {
  const { Items } = await deps.db.send(
    new QueryCommand({
      TableName: deps.tableName,
      KeyConditionExpression: 'pk = :pk AND sk < :cutoff',
      ExpressionAttributeValues: { ':pk': keys.pendingPayment('', '').pk, ':cutoff': cutoff },
      Limit: limit,
    }),
  );
  return (Items ?? []).map((item) => ({ paymentId: String(item.paymentId), expiresAt: String(item.sk).split('#')[0] ?? '' }));
}

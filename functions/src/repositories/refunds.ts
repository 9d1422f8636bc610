/**
 * Refunds (maker–checker). The amount a payment can still refund lives on the payment as
 * `amountAvailable`; approving a refund takes from it under a condition, so concurrent approvals
 * can never refund more than was paid. Every staff decision carries its audit entry.
 */
import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { RefundStatus, RefundView } from '@portal/shared/payments/refunds';
import { keys, type Keys } from '@portal/shared/table';
import { auditEntry, type AuditContext } from './audit';
import type { Deps } from './payments';

export interface StoredRefund extends RefundView {
  version: number;
  /** VNPay's refund answer code when it refused. */
  responseCode?: string;
}

const queueSk = (status: RefundStatus, requestedAt: string, refundId: string) => `${status}#${requestedAt}#${refundId}`;

export async function getRefund(deps: Deps, refundId: string): Promise<StoredRefund | undefined> {
  const { Item } = await deps.db.send(new GetCommand({ TableName: deps.tableName, Key: keys.refund(refundId) }));
  return Item as StoredRefund | undefined;
}

export async function insertRefund(deps: Deps, refund: StoredRefund, ctx: AuditContext): Promise<void> {
  await deps.db.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: deps.tableName,
            Item: { ...keys.refund(refund.refundId), type: 'refund', ...refund, ...keys.hospitalRefundsQueue(refund.hospitalId), queueSk: queueSk('requested', refund.requestedAt, refund.refundId) },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        auditEntry(deps.tableName, ctx, 'refund.request', { type: 'refund', id: refund.refundId }, { paymentId: refund.paymentId, amountVnd: refund.amountVnd }),
      ],
    }),
  );
}

function moveRefund(deps: Deps, refund: StoredRefund, to: RefundStatus, from: RefundStatus, extra: Record<string, unknown>, condition = '') {
  const names: Record<string, string> = { '#status': 'status' };
  const values: Record<string, unknown> = { ':to': to, ':from': from, ':sk': queueSk(to, refund.requestedAt, refund.refundId), ':one': 1 };
  const sets = ['#status = :to', 'queueSk = :sk', 'version = version + :one'];
  for (const [field, value] of Object.entries(extra)) {
    sets.push(`${field} = :${field}`);
    values[`:${field}`] = value;
  }
  return {
    Update: {
      TableName: deps.tableName,
      Key: keys.refund(refund.refundId),
      UpdateExpression: `SET ${sets.join(', ')}`,
      ConditionExpression: `#status = :from${condition}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

/** Approve: only someone other than the requester, only while requested, only within what is left. */
export async function approveRefund(deps: Deps, refund: StoredRefund, ctx: AuditContext, note: string | undefined): Promise<void> {
  const approve = moveRefund(deps, refund, 'approved', 'requested', { decidedBy: ctx.principal.userId, decidedAt: ctx.now.toISOString(), ...(note ? { note } : {}) }, ' AND requestedBy <> :me');
  approve.Update.ExpressionAttributeValues[':me'] = ctx.principal.userId;
  await deps.db.send(
    new TransactWriteCommand({
      TransactItems: [
        approve,
        {
          Update: {
            TableName: deps.tableName,
            Key: keys.payment(refund.paymentId),
            UpdateExpression: 'SET amountAvailable = amountAvailable - :amount',
            ConditionExpression: 'amountAvailable >= :amount',
            ExpressionAttributeValues: { ':amount': refund.amountVnd },
          },
        },
        auditEntry(deps.tableName, ctx, 'refund.approve', { type: 'refund', id: refund.refundId }, { paymentId: refund.paymentId, amountVnd: refund.amountVnd }),
      ],
    }),
  );
}

export async function rejectRefund(deps: Deps, refund: StoredRefund, ctx: AuditContext, note: string): Promise<void> {
  const reject = moveRefund(deps, refund, 'rejected', 'requested', { decidedBy: ctx.principal.userId, decidedAt: ctx.now.toISOString(), note }, ' AND requestedBy <> :me');
  reject.Update.ExpressionAttributeValues[':me'] = ctx.principal.userId;
  await deps.db.send(new TransactWriteCommand({ TransactItems: [reject, auditEntry(deps.tableName, ctx, 'refund.reject', { type: 'refund', id: refund.refundId }, { paymentId: refund.paymentId })] }));
}

/**
 * VNPay accepted the refund: the refund completes, the payment's refunded total grows (condition
 * on the total read, so two completions never overwrite each other), the payable follows.
 */
export async function completeRefund(deps: Deps, refund: StoredRefund, payment: { amountVnd: number; amountRefunded: number }, payableKey: Keys, at: string): Promise<void> {
  const refunded = payment.amountRefunded + refund.amountVnd;
  const status = refunded >= payment.amountVnd ? 'refunded' : 'partially_refunded';
  await deps.db.send(
    new TransactWriteCommand({
      TransactItems: [
        moveRefund(deps, refund, 'completed', 'approved', { completedAt: at }),
        {
          Update: {
            TableName: deps.tableName,
            Key: keys.payment(refund.paymentId),
            UpdateExpression: 'SET amountRefunded = :refunded, #status = :status',
            ConditionExpression: 'amountRefunded = :before',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':refunded': refunded, ':before': payment.amountRefunded, ':status': status },
          },
        },
        {
          Update: {
            TableName: deps.tableName,
            Key: payableKey,
            UpdateExpression: 'SET amountRefunded = :refunded, #status = :status, version = version + :one',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':refunded': refunded, ':status': status, ':one': 1 },
          },
        },
        {
          Put: {
            TableName: deps.tableName,
            Item: { ...keys.outbox(`refund.completed#${refund.refundId}`), type: 'outbox', event: 'refund.completed', refundId: refund.refundId, paymentId: refund.paymentId, amountVnd: refund.amountVnd, createdAt: at },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      ],
    }),
  );
}

/** VNPay refused: the refund fails and its reservation goes back to the payment. */
export async function failRefund(deps: Deps, refund: StoredRefund, responseCode: string, at: string): Promise<void> {
  await deps.db.send(
    new TransactWriteCommand({
      TransactItems: [
        moveRefund(deps, refund, 'failed', 'approved', { failedAt: at, responseCode }),
        {
          Update: {
            TableName: deps.tableName,
            Key: keys.payment(refund.paymentId),
            UpdateExpression: 'SET amountAvailable = amountAvailable + :amount',
            ExpressionAttributeValues: { ':amount': refund.amountVnd },
          },
        },
      ],
    }),
  );
}

export async function listRefunds(deps: Deps, hospitalId: string, status: RefundStatus | undefined): Promise<StoredRefund[]> {
  const { Items = [] } = await deps.db.send(
    new QueryCommand({
      TableName: deps.tableName,
      IndexName: 'byWorkQueue',
      KeyConditionExpression: status ? 'queuePk = :q AND begins_with(queueSk, :status)' : 'queuePk = :q',
      ExpressionAttributeValues: { ':q': keys.hospitalRefundsQueue(hospitalId).queuePk, ...(status ? { ':status': `${status}#` } : {}) },
      ScanIndexForward: false,
      Limit: 200,
    }),
  );
  return Items as StoredRefund[];
}

/**
 * Side effects of committed changes. A change writes an outbox item in its own transaction; the
 * table's stream delivers it here. Every effect is idempotent (its id derives from the event), so
 * a redelivered or replayed event changes nothing the second time.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '@portal/shared/table';
import { formatVnd, vietnamDate } from '@portal/shared/vietnamese';
import { toAppError } from '../platform/errors';
import { logger } from '../platform/logger';
import { getBill } from '../repositories/bills';
import { getAttempt } from '../repositories/payments';
import { bookingMessages, type BookingEvent } from './booking-jobs';
import { dossierMessages, type DossierEvent } from './dossier-messages';
import { scheduleCallback, type CallbackDeps } from './his-callbacks';
import { licenceMessages, type LicenceEvent } from './licence-messages';

export interface OutboxEvent {
  event: string;
  eventId: string;
  paymentId?: string;
  refundId?: string;
  payable?: { kind: string; id: string };
  amountVnd?: number;
  createdAt: string;
}

export interface OutboxDeps extends CallbackDeps {
  publicBaseUrl: string;
}

interface Message {
  channel: 'sms' | 'email';
  to: string;
  text: string;
}

/** What an event makes the portal say, and to whom. Texts are Vietnamese, without personal data beyond the recipient. */
async function messagesFor(deps: OutboxDeps, event: OutboxEvent): Promise<Message[]> {
  if (event.event.startsWith('appointment.') || event.event === 'session.closed') return bookingMessages(deps, event as BookingEvent);
  if (event.event.startsWith('dossier.')) return dossierMessages(deps, event as DossierEvent);
  if (event.event.startsWith('licence.')) return licenceMessages(deps, event as LicenceEvent);
  if (event.event === 'payment.paid' && event.payable?.kind === 'bill') {
    const bill = await getBill(deps, event.payable.id);
    if (!bill) return [];
    return [{
      channel: 'sms',
      to: bill.patientPhone,
      text: `Đã nhận thanh toán ${formatVnd(event.amountVnd ?? bill.amountDue)} cho hóa đơn ${bill.billCode}. Kết quả và biên lai điện tử: ${deps.publicBaseUrl}/thanh-toan/ket-qua/?ma=${event.paymentId}`,
    }];
  }
  return [];
}

/** The hospital's information system hears about its own bills being paid or refunded. */
async function tellHospital(deps: OutboxDeps, event: OutboxEvent): Promise<void> {
  const isPaid = event.event === 'payment.paid' && event.payable?.kind === 'bill';
  if (!isPaid && event.event !== 'refund.completed') return;
  const payment = event.paymentId ? await getAttempt(deps, event.paymentId) : undefined;
  if (!payment || payment.payable.kind !== 'bill') return;
  const bill = await getBill(deps, payment.payable.id);
  if (!bill) return;
  await scheduleCallback(deps, {
    eventId: event.eventId,
    event: isPaid ? 'bill.paid' : 'bill.refunded',
    hospitalId: bill.hospitalId,
    billId: bill.billId,
    billCode: bill.billCode,
    paymentId: payment.paymentId,
    amountVnd: payment.amountVnd,
    ...(isPaid ? {} : { amountRefundedVnd: bill.amountRefunded }),
    occurredAt: event.createdAt,
  });
}

export async function handleOutboxEvent(deps: OutboxDeps, event: OutboxEvent): Promise<number> {
  await tellHospital(deps, event);
  const messages = await messagesFor(deps, event);
  let written = 0;
  for (const [i, message] of messages.entries()) {
    const messageId = `${event.eventId}#${i}`;
    const createdAt = deps.now().toISOString();
    try {
      await deps.db.send(
        new PutCommand({
          TableName: deps.tableName,
          Item: { ...keys.message(messageId), type: 'message', messageId, ...message, event: event.event, status: 'queued', createdAt, ...keys.messagesQueue(vietnamDate(new Date(createdAt))), queueSk: `${createdAt}#${messageId}` },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      written++;
    } catch (error) {
      if (toAppError(error).code !== 'conflict') throw error;
    }
  }
  logger.info('Outbox event handled', { event: event.event, eventId: event.eventId, messages: written });
  return written;
}

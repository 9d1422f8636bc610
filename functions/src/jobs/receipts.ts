/**
 * Stream consumer: issues the e-receipt of each paid payment (outbox item `payment.paid`). The
 * only bundle besides the licences job that carries the PDF writer (services/pdf, ADR 0018) and the font. A failure fails the batch from that
 * record on, so the stream redelivers it; issuing is idempotent (services/receipts/issue.ts).
 */
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { config } from '../platform/config';
import { db, tableName } from '../platform/dynamo';
import { logger } from '../platform/logger';
import { documentStore } from '../platform/storage';
import { issueReceipt } from '../services/receipts/issue';
import { noLegalInvoiceIssuer } from '../services/receipts/legal-invoice';

const deps = { db, tableName, now: () => new Date(), publicBaseUrl: config.PUBLIC_BASE_URL, documents: documentStore(), legalInvoices: noLegalInvoiceIssuer };

export async function handler(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const batchItemFailures: DynamoDBBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    if (record.eventName !== 'INSERT' || !record.dynamodb?.NewImage) continue;
    const item = unmarshall(record.dynamodb.NewImage as Record<string, AttributeValue>);
    if (item.type !== 'outbox' || item.event !== 'payment.paid' || typeof item.paymentId !== 'string') continue;
    try {
      const result = await issueReceipt(deps, item.paymentId);
      if (result.outcome === 'skipped') logger.warn('No receipt for payment', { paymentId: item.paymentId, reason: result.reason });
    } catch (error) {
      logger.error('Receipt failed; the stream will redeliver it', { paymentId: item.paymentId, error: error as Error });
      batchItemFailures.push({ itemIdentifier: record.dynamodb.SequenceNumber ?? '' });
      break;
    }
  }
  return { batchItemFailures };
}

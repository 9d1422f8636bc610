/**
 * Stream consumer: outbox items inserted into the table. A failure fails the batch so the stream
 * redelivers it (the effects are idempotent); only the failed records are reported back.
 */
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { platformDeps } from '../platform/deps';
import { logger } from '../platform/logger';
import { handleOutboxEvent, type OutboxEvent } from '../services/outbox';

const deps = { ...platformDeps, publicBaseUrl: platformDeps.settings.publicBaseUrl };

export async function handler(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const batchItemFailures: DynamoDBBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    if (record.eventName !== 'INSERT' || !record.dynamodb?.NewImage) continue;
    const item = unmarshall(record.dynamodb.NewImage as Record<string, AttributeValue>);
    if (item.type !== 'outbox') continue;
    try {
      await handleOutboxEvent(deps, { ...(item as OutboxEvent), eventId: String(item.pk).replace(/^OUTBOX#/, '') });
    } catch (error) {
      logger.error('Outbox event failed; the stream will redeliver it', { eventId: item.pk, error: error as Error });
      batchItemFailures.push({ itemIdentifier: record.dynamodb.SequenceNumber ?? '' });
      break;
    }
  }
  return { batchItemFailures };
}

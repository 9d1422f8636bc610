/**
 * What a caller sees when DynamoDB misbehaves: a throttle or timeout is a 503 with Retry-After and
 * a stable code; an unknown failure is a 500 that says nothing about its cause. The DynamoDB
 * client is replaced with aws-sdk-client-mock; everything else is the real handler.
 */
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadEvent, TEST_ENV, testContext } from '../helpers/events';

const dynamo = mockClient(DynamoDBDocumentClient);
let handler: (event: unknown, context: unknown) => Promise<APIGatewayProxyStructuredResultV2>;

beforeAll(async () => {
  Object.assign(process.env, TEST_ENV);
  ({ handler } = (await import('../../functions/src/lambdas/catalogue')) as unknown as { handler: typeof handler });
});
afterEach(() => dynamo.reset());

const sdkError = (name: string, message = 'internal detail: table arn:aws:dynamodb:secret') => Object.assign(new Error(message), { name, $metadata: {} });

describe('the catalogue function when DynamoDB fails', () => {
  it('answers 503 service_unavailable with Retry-After when DynamoDB throttles', async () => {
    dynamo.on(QueryCommand).rejects(sdkError('ThrottlingException'));
    const response = await handler(loadEvent('apigw-http', 'procedures-list'), testContext());
    expect(response.statusCode).toBe(503);
    expect(response.headers?.['retry-after']).toBe('1');
    expect(JSON.parse(response.body ?? '{}')).toMatchObject({ code: 'service_unavailable', status: 503 });
  });

  it('answers 503 on a client timeout too', async () => {
    dynamo.on(QueryCommand).rejects(sdkError('TimeoutError'));
    const response = await handler(loadEvent('apigw-http', 'procedures-list'), testContext());
    expect(response.statusCode).toBe(503);
  });

  it('answers 500 internal_error without any internal message, stack or ARN', async () => {
    dynamo.on(QueryCommand).rejects(sdkError('SomethingUnexpected'));
    const response = await handler(loadEvent('apigw-http', 'procedures-list'), testContext());
    expect(response.statusCode).toBe(500);
    expect(response.headers?.['content-type']).toContain('application/problem+json');
    const body = response.body ?? '';
    expect(JSON.parse(body)).toMatchObject({ code: 'internal_error', title: 'Hệ thống gặp sự cố, vui lòng thử lại sau' });
    expect(body).not.toMatch(/arn:aws|internal detail|SomethingUnexpected|\bat \w/);
  });

  it('keeps the caller-supplied request id on the error response', async () => {
    dynamo.on(QueryCommand).rejects(sdkError('SomethingUnexpected'));
    const event = loadEvent('apigw-http', 'procedures-list');
    event.headers['x-request-id'] = 'c0ffee00-1111-2222-3333-444455556666';
    const response = await handler(event, testContext());
    expect(response.headers?.['x-request-id']).toBe('c0ffee00-1111-2222-3333-444455556666');
    expect(JSON.parse(response.body ?? '{}').requestId).toBe('c0ffee00-1111-2222-3333-444455556666');
  });
});

/** The handler factory on its own: input handling a route's schema never sees. */
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadEvent, testContext } from '../helpers/events';

let handler: (event: unknown, context: unknown) => Promise<APIGatewayProxyStructuredResultV2>;
mockClient(DynamoDBDocumentClient).on(QueryCommand).resolves({ Items: [] });

beforeAll(async () => {
  ({ handler } = (await import('../../functions/src/lambdas/catalogue')) as unknown as { handler: typeof handler });
});

describe('the handler factory', () => {
  it('refuses a body on a route that takes none, naming the field', async () => {
    const event = loadEvent('apigw-http', 'procedures-list');
    event.body = '{"x":1}';
    event.headers['content-type'] = 'application/json';
    const response = await handler(event, testContext());
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body ?? '{}').errors).toEqual([{ field: 'body', code: 'unexpected', message: 'Địa chỉ này không nhận nội dung gửi lên' }]);
  });

  it('normalises header case before reading Accept-Language', async () => {
    const event = loadEvent('apigw-http', 'procedures-list');
    event.headers = { 'Accept-Language': 'en-GB' };
    event.queryStringParameters = { field: 'nope' };
    const response = await handler(event, testContext());
    expect(response.statusCode).toBe(400);
    expect(response.headers?.['content-language']).toBe('en');
    expect(JSON.parse(response.body ?? '{}').title).toBe('The request has invalid fields');
  });

  it('answers 200 JSON with the security headers on success', async () => {
    const response = await handler(loadEvent('apigw-http', 'procedures-list'), testContext());
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body ?? '{}')).toEqual({ items: [] });
    expect(response.headers?.['x-content-type-options']).toBe('nosniff');
  });
});

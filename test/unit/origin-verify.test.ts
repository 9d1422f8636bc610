/**
 * In AWS the functions accept only requests that came through CloudFront, which adds the secret
 * `x-origin-verify` header (ADR 0007). Here the function runs with ORIGIN_VERIFY_SECRET_ARN set and
 * Secrets Manager replaced by aws-sdk-client-mock; every other unit test runs without the setting,
 * as the local server does, and so proves that nothing changes there.
 */
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadEvent, TEST_ENV, testContext } from '../helpers/events';

const SECRET_ARN = 'arn:aws:secretsmanager:ap-southeast-1:123456789012:secret:PortalOriginVerify-AbCdEf';
const SECRET = 'Q7vN2kLm9XpR4tYw8ZbC3dFg6HjK1sUe5VaT0oIqWnMrBxEyPzGhJcDlSfNu2a4b';
const HEADER = 'x-origin-verify';

type Handler = (event: unknown, context: unknown) => Promise<APIGatewayProxyStructuredResultV2>;

const secrets = mockClient(SecretsManagerClient);
const dynamo = mockClient(DynamoDBDocumentClient);
const logged: string[] = [];

/** A fresh Lambda container: module state (config, the cached secret) starts empty. */
async function coldStart(): Promise<Handler> {
  vi.resetModules();
  return ((await import('../../functions/src/lambdas/catalogue')) as unknown as { handler: Handler }).handler;
}

function request(header?: string, extra: Record<string, string> = {}): APIGatewayProxyEventV2 {
  const event = loadEvent('apigw-http', 'procedures-list');
  if (header !== undefined) event.headers[HEADER] = header;
  Object.assign(event.headers, extra);
  return event;
}

const sdkError = (name: string) => Object.assign(new Error(`${name}: arn:aws:secretsmanager:internal`), { name, $metadata: {} });
const body = (response: APIGatewayProxyStructuredResultV2) => JSON.parse(response.body ?? '{}') as Record<string, unknown>;

beforeAll(() => {
  // LOG_LEVEL DEBUG so that every line the function could write is captured below.
  Object.assign(process.env, TEST_ENV, { ORIGIN_VERIFY_SECRET_ARN: SECRET_ARN, LOG_LEVEL: 'DEBUG' });
  for (const level of ['debug', 'info', 'warn', 'error', 'log'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
  }
});
beforeEach(() => {
  secrets.on(GetSecretValueCommand, { SecretId: SECRET_ARN }).resolves({ SecretString: SECRET });
  dynamo.on(QueryCommand).resolves({ Items: [] });
});
afterEach(() => {
  secrets.reset();
  dynamo.reset();
});

describe('with ORIGIN_VERIFY_SECRET_ARN set (AWS)', () => {
  it('refuses a request without the header with 403 problem+json forbidden, without reading the secret', async () => {
    const handler = await coldStart();
    const response = await handler(request(), testContext());
    expect(response.statusCode).toBe(403);
    expect(response.headers?.['content-type']).toContain('application/problem+json');
    expect(body(response)).toMatchObject({ code: 'forbidden', status: 403, title: 'Bạn không có quyền thực hiện thao tác này' });
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(0);
    expect(dynamo.commandCalls(QueryCommand)).toHaveLength(0);
  });

  it('refuses a wrong header — shorter, longer or same length — exactly as a missing one, saying nothing about why', async () => {
    const handler = await coldStart();
    const strip = (r: APIGatewayProxyStructuredResultV2) => ({ ...body(r), requestId: undefined });
    const missing = strip(await handler(request(), testContext()));
    for (const wrong of ['x', `${SECRET}x`, `${SECRET.slice(0, -1)}Z`, SECRET.toLowerCase(), ` ${SECRET}`]) {
      const response = await handler(request(wrong), testContext());
      expect(response.statusCode, wrong).toBe(403);
      expect(strip(response), wrong).toEqual(missing);
    }
    expect(missing).not.toHaveProperty('detail');
    expect(JSON.stringify(missing)).not.toMatch(/origin|verify|cloudfront|secret/i);
    expect(dynamo.commandCalls(QueryCommand)).toHaveLength(0);
  });

  it('answers the refusal in English when asked', async () => {
    const handler = await coldStart();
    const response = await handler(request('wrong', { 'accept-language': 'en' }), testContext());
    expect(response.statusCode).toBe(403);
    expect(body(response)).toMatchObject({ code: 'forbidden', title: 'You are not allowed to do this' });
  });

  it('lets a request with the right header reach the handler', async () => {
    const handler = await coldStart();
    const response = await handler(request(SECRET), testContext());
    expect(response.statusCode).toBe(200);
    expect(body(response)).toEqual({ items: [] });
    expect(dynamo.commandCalls(QueryCommand)).toHaveLength(1);
  });

  it('accepts the header in any letter case of its name (API Gateway and the normaliser lower-case it)', async () => {
    const handler = await coldStart();
    const event = request();
    event.headers['X-Origin-Verify'] = SECRET;
    expect((await handler(event, testContext())).statusCode).toBe(200);
  });

  it('reads the secret once per container, however many requests (concurrent or not) come in', async () => {
    const handler = await coldStart();
    const first = await Promise.all(Array.from({ length: 10 }, () => handler(request(SECRET), testContext())));
    const later = [];
    for (let i = 0; i < 10; i++) later.push(await handler(request(i % 2 ? SECRET : 'wrong'), testContext()));
    expect(first.map((r) => r.statusCode)).toEqual(Array(10).fill(200));
    expect(later.map((r) => r.statusCode)).toEqual(Array.from({ length: 10 }, (_, i) => (i % 2 ? 200 : 403)));
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(1);
    expect(secrets.commandCalls(GetSecretValueCommand)[0]?.args[0].input).toEqual({ SecretId: SECRET_ARN });
  });

  for (const failure of ['ThrottlingException', 'TimeoutError', 'AccessDeniedException'])
    it(`answers 503 service_unavailable when the secret cannot be read (${failure}), and tries again on the next request`, async () => {
      const handler = await coldStart();
      secrets.on(GetSecretValueCommand).rejectsOnce(sdkError(failure)).resolves({ SecretString: SECRET });
      const failed = await handler(request(SECRET), testContext());
      expect(failed.statusCode).toBe(503);
      expect(failed.headers?.['retry-after']).toBe('1');
      expect(body(failed)).toMatchObject({ code: 'service_unavailable', status: 503 });
      expect(failed.body).not.toMatch(/arn:aws|secretsmanager|Exception|TimeoutError/);
      expect((await handler(request(SECRET), testContext())).statusCode).toBe(200);
      expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(2);
    });

  it('fails closed when the secret is empty', async () => {
    const handler = await coldStart();
    secrets.on(GetSecretValueCommand).resolves({ SecretString: '' });
    expect((await handler(request(''), testContext())).statusCode).toBe(403);
    expect((await handler(request('anything'), testContext())).statusCode).toBe(503);
  });

  it('never writes the header or its value to a log line', async () => {
    logged.length = 0;
    const handler = await coldStart();
    await handler(request(SECRET), testContext());
    await handler(request(`${SECRET}x`), testContext());
    secrets.on(GetSecretValueCommand).rejects(sdkError('ThrottlingException'));
    await (await coldStart())(request(SECRET), testContext());
    expect(logged.length).toBeGreaterThan(0);
    const text = logged.join('\n');
    expect(text).not.toContain(SECRET);
    expect(text.toLowerCase()).not.toContain(HEADER);
  });
});

describe('the comparison', () => {
  it('is false, without throwing, for a missing, empty or different-length value', async () => {
    const { matchesSecret } = await import('../../functions/src/platform/origin');
    const { createHash } = await import('node:crypto');
    const expected = createHash('sha256').update(SECRET).digest();
    expect(matchesSecret(SECRET, expected)).toBe(true);
    for (const given of [undefined, '', 'a', `${SECRET}${SECRET}`]) expect(matchesSecret(given, expected)).toBe(false);
  });
});

describe('configuration', () => {
  it('takes only a Secrets Manager secret ARN', async () => {
    const { parseConfig } = await import('../../functions/src/platform/config');
    expect(parseConfig({ ...TEST_ENV, ORIGIN_VERIFY_SECRET_ARN: SECRET_ARN }).ORIGIN_VERIFY_SECRET_ARN).toBe(SECRET_ARN);
    expect(parseConfig({ ...TEST_ENV }).ORIGIN_VERIFY_SECRET_ARN).toBeUndefined();
    expect(() => parseConfig({ ...TEST_ENV, ORIGIN_VERIFY_SECRET_ARN: 'my-secret' })).toThrow(/ORIGIN_VERIFY_SECRET_ARN/);
    expect(() => parseConfig({ ...TEST_ENV, ORIGIN_VERIFY_SECRET_ARN: '' })).toThrow(/ORIGIN_VERIFY_SECRET_ARN/);
  });
});

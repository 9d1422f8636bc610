/** Loads a sample event from events/<source>/<variant>.json; each call returns a fresh copy. */
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const eventsDir = resolve(import.meta.dirname, '../../events');

export function loadEvent<T = APIGatewayProxyEventV2>(source: string, variant: string): T {
  return structuredClone(JSON.parse(readFileSync(resolve(eventsDir, source, `${variant}.json`), 'utf8')) as T);
}

export const testContext = (): Context => ({
  callbackWaitsForEmptyEventLoop: false,
  functionName: 'portal-test',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:ap-southeast-1:123456789012:function:portal-test',
  memoryLimitInMB: '512',
  awsRequestId: 'test-request',
  logGroupName: '/aws/lambda/portal-test',
  logStreamName: 'test',
  getRemainingTimeInMillis: () => 10_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
});

/** The configuration a function needs at cold start (values that need no network). */
export const TEST_ENV = {
  TABLE_NAME: 'portal-unit',
  AWS_REGION: 'ap-southeast-1',
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test',
  AUTH_ISSUER: 'https://cognito-idp.ap-southeast-1.amazonaws.com/ap-southeast-1_TEST',
  AUTH_AUDIENCE: 'test-client',
  AUTH_JWKS_URL: 'https://cognito-idp.ap-southeast-1.amazonaws.com/ap-southeast-1_TEST/.well-known/jwks.json',
  LOG_LEVEL: 'SILENT',
  PUBLIC_BASE_URL: 'https://cong-y-te.example.vn',
  VNPAY_PAY_URL: 'https://sandbox.vnpayment.vn/paymentv2/vpcpay.html',
  VNPAY_API_URL: 'https://sandbox.vnpayment.vn/merchant_webapi/api/transaction',
  VNPAY_TMN_CODE: 'TESTTMN1',
  VNPAY_HASH_SECRET: 'TESTSECRETTESTSECRETTESTSECRET00',
  PAY_LINK_KEY: 'test-pay-link-key-0123456789',
  HIS_SIGNING_KEY: 'test-his-signing-key-0123456789',
};

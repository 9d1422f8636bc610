/**
 * One DynamoDB Local (in memory) for the whole test run; every test file makes its own table in
 * it, so files run in parallel without seeing each other's data.
 */
import type { TestProject } from 'vitest/node';
import { javaProblem, startDynamoDbLocal, type RunningDynamoDb } from '../../functions/src/local/dynamodb-local';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

let dynamo: RunningDynamoDb | undefined;

export async function setup(project: TestProject): Promise<void> {
  const problem = javaProblem();
  if (problem) throw new Error(problem);
  dynamo = await startDynamoDbLocal();
  project.provide('dynamoEndpoint', dynamo.endpoint);
}

export async function teardown(): Promise<void> {
  await dynamo?.stop();
}

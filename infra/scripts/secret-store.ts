/**
 * Where the portal secret lives for the operator's scripts: the Secrets Manager secret the
 * `Portal` stack created (found by the stack's `PortalSecretArn` output, or among its resources
 * for a stack deployed before that output existed), or the git-ignored local file `npm start`
 * reads. Clients are passed in, so the tests need no AWS account.
 */
import { DescribeStacksCommand, ListStackResourcesCommand, type CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { GetSecretValueCommand, PutSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { SETUP_SECRETS_COMMAND } from '@portal/shared/portal-secret';

export const PORTAL_STACK_NAME = 'Portal';
/** The stack output that names the portal secret (infra/lib/portal-stack.ts). */
export const PORTAL_SECRET_OUTPUT = 'PortalSecretArn';

/** A failure the operator can act on: printed as is, without a stack trace. */
export class OperatorError extends Error {
  override readonly name = 'OperatorError';
}

const isNotFound = (error: unknown) => /does not exist/i.test((error as Error).message ?? '') || (error as { name?: string }).name === 'ResourceNotFoundException';

/**
 * The ARN of the portal secret of a deployed stack; undefined when the stack does not exist yet
 * (the first deploy creates it). Other failures (no credentials, no permission) are thrown.
 */
export async function findPortalSecretId(cloudFormation: CloudFormationClient, stackName = PORTAL_STACK_NAME): Promise<string | undefined> {
  let outputs: { OutputKey?: string; OutputValue?: string }[];
  try {
    const { Stacks } = await cloudFormation.send(new DescribeStacksCommand({ StackName: stackName }));
    outputs = Stacks?.[0]?.Outputs ?? [];
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
  const output = outputs.find((o) => o.OutputKey === PORTAL_SECRET_OUTPUT)?.OutputValue;
  if (output) return output;
  // Deployed before the output existed: the secret is a resource of the stack itself (infra/lib/storage.ts).
  let token: string | undefined;
  do {
    const page = await cloudFormation.send(new ListStackResourcesCommand({ StackName: stackName, NextToken: token }));
    const secret = page.StackResourceSummaries?.find((r) => r.ResourceType === 'AWS::SecretsManager::Secret' && /PortalSecret/.test(r.LogicalResourceId ?? ''));
    if (secret?.PhysicalResourceId) return secret.PhysicalResourceId;
    token = page.NextToken;
  } while (token);
  throw new OperatorError(`Stack ${stackName} không có bí mật cổng (has no portal secret): truyền / pass --secret-id <arn>`);
}

/** The secret's JSON as stored (placeholders included); `{}` when it holds no JSON object. */
export async function readDeployedSecret(secrets: SecretsManagerClient, secretId: string): Promise<Record<string, unknown>> {
  const { SecretString } = await secrets.send(new GetSecretValueCommand({ SecretId: secretId }));
  return parseObject(SecretString ?? '{}', secretId);
}

export async function writeDeployedSecret(secrets: SecretsManagerClient, secretId: string, value: object): Promise<void> {
  await secrets.send(new PutSecretValueCommand({ SecretId: secretId, SecretString: JSON.stringify(value) }));
}

/** The local file's JSON, or undefined when there is none. */
export async function readLocalSecret(path: string): Promise<Record<string, unknown> | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return parseObject(text, path);
}

/** Written readable by its owner only: it holds merchant credentials. */
export async function writeLocalSecret(path: string, value: object): Promise<void> {
  await writeFile(path, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
  await chmod(path, 0o600);
}

/** JSON text → object, with a message that never quotes the text (it may hold secrets). */
export function parseObject(text: string, where: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new OperatorError(`${where}: không phải JSON (is not JSON); xem / see \`${SETUP_SECRETS_COMMAND} -- --help\``);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new OperatorError(`${where}: phải là một đối tượng JSON (must be a JSON object)`);
  return value as Record<string, unknown>;
}

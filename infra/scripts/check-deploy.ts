/**
 * `npm run predeploy` (npm runs it before `npm run deploy`): refuses to deploy while the deployed
 * portal secret still holds a placeholder or any value the functions would refuse, and says what
 * to run. No stack yet (the first deploy creates the secret with placeholders): passes, and says
 * to fill the secret right after. Fails closed when AWS cannot be asked (the deploy could not run
 * either). The synth-time check of the settings is infra/lib/settings.ts (`stage=production`).
 */
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { resolve } from 'node:path';
import { SETUP_SECRETS_COMMAND, portalSecretProblems } from '@portal/shared/portal-secret';
import { DEFAULT_REGION } from '../lib/portal-app';
import { OperatorError, PORTAL_STACK_NAME, findPortalSecretId, readDeployedSecret } from './secret-store';

export interface CheckDeps {
  cloudFormation: CloudFormationClient;
  secrets: SecretsManagerClient;
  stack?: string;
  log: (line: string) => void;
}

/** Resolves when the deploy may go on; throws an OperatorError naming the command to run otherwise. */
export async function checkBeforeDeploy(deps: CheckDeps): Promise<'no_stack' | 'ready'> {
  const stack = deps.stack ?? PORTAL_STACK_NAME;
  const secretId = await findPortalSecretId(deps.cloudFormation, stack);
  if (!secretId) {
    deps.log(`Chưa có stack ${stack}: lần triển khai này tạo bí mật với giá trị tạm. Ngay sau đó chạy \`${SETUP_SECRETS_COMMAND}\` rồi triển khai lại.`);
    deps.log(`(No ${stack} stack yet: this deploy creates the secret with placeholders. Right after it, run \`${SETUP_SECRETS_COMMAND}\` and deploy again.)`);
    return 'no_stack';
  }
  const problems = portalSecretProblems(await readDeployedSecret(deps.secrets, secretId));
  if (problems.length) {
    throw new OperatorError([
      `Chưa triển khai: bí mật của cổng chưa đủ (not deploying: the portal secret is not ready) — ${secretId}`,
      ...problems.map((p) => `  - ${p}`),
      `Chạy / run: ${SETUP_SECRETS_COMMAND}   (hoặc / or: ${SETUP_SECRETS_COMMAND} -- --from-file <values.json> --generate)`,
    ].join('\n'));
  }
  deps.log(`Bí mật của cổng đã sẵn sàng (the portal secret is ready): ${secretId}`);
  return 'ready';
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const region = process.env.PORTAL_REGION ?? DEFAULT_REGION;
  checkBeforeDeploy({ cloudFormation: new CloudFormationClient({ region }), secrets: new SecretsManagerClient({ region }), log: (line) => console.log(line) }).catch((error: unknown) => {
    const message = error instanceof OperatorError ? error.message : `Không kiểm tra được bí mật của cổng (could not check the portal secret): ${(error as Error).name}: ${(error as Error).message}`;
    console.error(`✖ ${message}`);
    process.exit(1);
  });
}

/**
 * `npm run setup:secrets`: fills the portal secret (shared/src/portal-secret.ts) and writes it to
 * the Secrets Manager secret the `Portal` stack created, or with `--local` to the git-ignored
 * `.secrets.local.json` that `npm start` reads. Values come from questions on the terminal (secret
 * ones hidden) or from a JSON file; nothing it prints contains a value. Run with --help for the flags.
 */
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { LOCAL_SECRET_FILE } from '@portal/shared/portal-secret';
import { DEFAULT_REGION } from '../lib/portal-app';
import { fillPortalSecret, outcomeLines } from './fill-secret';
import { PromptAborted, terminalPrompter, type Prompter } from './prompts';
import { OperatorError, PORTAL_STACK_NAME, findPortalSecretId, parseObject, readDeployedSecret, readLocalSecret, writeDeployedSecret, writeLocalSecret } from './secret-store';

const ROOT = resolve(import.meta.dirname, '../..');

const HELP = `npm run setup:secrets -- [tùy chọn / options]

Điền bí mật của cổng (VNPay, khóa liên kết thanh toán, khóa HIS, client secret OIDC) rồi ghi vào
Secrets Manager, hoặc vào ${LOCAL_SECRET_FILE} cho npm start. Không in giá trị nào.
Fills the portal secret and writes it to Secrets Manager, or to ${LOCAL_SECRET_FILE} for npm start.

  --from-file <path>    giá trị từ tệp JSON / values from a JSON file (no questions)
  --generate            sinh payLinkKey, hisSigningKey nếu còn thiếu / generate them where missing
  --local               ghi vào / write to ${LOCAL_SECRET_FILE} (git-ignored), not to AWS
  --local-file <path>   tệp cục bộ khác / another local file
  --secret-id <arn>     bí mật cần ghi / the secret to write (default: the Portal stack's output)
  --stack <name>        stack (default ${PORTAL_STACK_NAME}); --region <r> (default PORTAL_REGION or ${DEFAULT_REGION})
  --rotate-vnpay        xoay chuỗi bí mật VNPay: chuỗi cũ còn được chấp nhận trong --window-hours
                        rotate the VNPay hash secret: the old one stays accepted for --window-hours (default 48)
`;

export interface CliArgs {
  fromFile?: string;
  generate: boolean;
  local: boolean;
  localFile: string;
  secretId?: string;
  stack: string;
  region: string;
  rotateWindowHours?: number;
  help: boolean;
}

export function parseCli(argv: string[], env: NodeJS.ProcessEnv = process.env): CliArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      'from-file': { type: 'string' }, generate: { type: 'boolean', default: false }, local: { type: 'boolean', default: false }, 'local-file': { type: 'string' },
      'secret-id': { type: 'string' }, stack: { type: 'string' }, region: { type: 'string' }, 'rotate-vnpay': { type: 'boolean', default: false }, 'window-hours': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  const hours = values['window-hours'] === undefined ? 48 : Number(values['window-hours']);
  return {
    ...(values['from-file'] ? { fromFile: values['from-file'] } : {}),
    generate: values.generate,
    local: values.local || values['local-file'] !== undefined,
    localFile: resolve(values['local-file'] ?? resolve(ROOT, LOCAL_SECRET_FILE)),
    ...(values['secret-id'] ?? env.PORTAL_SECRET_ID ? { secretId: values['secret-id'] ?? env.PORTAL_SECRET_ID } : {}),
    stack: values.stack ?? PORTAL_STACK_NAME,
    region: values.region ?? env.PORTAL_REGION ?? DEFAULT_REGION,
    ...(values['rotate-vnpay'] ? { rotateWindowHours: hours } : {}),
    help: values.help,
  };
}

export interface SetupDeps {
  secrets: () => SecretsManagerClient;
  cloudFormation: () => CloudFormationClient;
  prompter?: Prompter;
  log: (line: string) => void;
  now: () => Date;
}

/** Fills and writes the secret; returns where it went. */
export async function runSetup(args: CliArgs, deps: SetupDeps): Promise<string> {
  const fromFile = args.fromFile ? parseObject(await readFile(args.fromFile, 'utf8'), args.fromFile) : undefined;
  const prompter = fromFile ? undefined : deps.prompter;
  if (!fromFile && !prompter) throw new OperatorError('Không có terminal để hỏi (no terminal to ask on): dùng / use --from-file <path>');

  let target: string;
  let existing: Record<string, unknown>;
  let write: (value: object) => Promise<void>;
  if (args.local) {
    target = args.localFile;
    existing = (await readLocalSecret(target)) ?? {};
    write = (value) => writeLocalSecret(target, value);
  } else {
    const secretId = args.secretId ?? (await findPortalSecretId(deps.cloudFormation(), args.stack));
    if (!secretId) throw new OperatorError(`Chưa có stack ${args.stack} ở ${args.region} (no such stack yet): chạy / run \`npm run deploy\` trước (first), hoặc / or pass --secret-id`);
    target = secretId;
    existing = await readDeployedSecret(deps.secrets(), secretId);
    write = (value) => writeDeployedSecret(deps.secrets(), secretId, value);
  }
  deps.log(`Bí mật / secret: ${target}`);
  const filled = await fillPortalSecret({ existing, fromFile, prompter, generate: args.generate, now: deps.now(), ...(args.rotateWindowHours !== undefined ? { rotateWindowHours: args.rotateWindowHours } : {}) });
  await write(filled.secret);
  deps.log('Đã ghi (written):');
  for (const line of outcomeLines(filled.outcomes)) deps.log(line);
  if (filled.secret.vnpayHashSecretPreviousUntil) deps.log(`Chuỗi bí mật VNPay cũ còn được chấp nhận đến (the previous VNPay hash secret is accepted until) ${filled.secret.vnpayHashSecretPreviousUntil}`);
  if (!args.local) deps.log('Các hàm đọc lại bí mật trong vòng 15 phút (the functions re-read it within 15 minutes).');
  return target;
}

async function main(): Promise<void> {
  const args = parseCli(process.argv.slice(2));
  if (args.help) {
    console.log(HELP);
    return;
  }
  const prompter = terminalPrompter();
  try {
    await runSetup(args, {
      secrets: () => new SecretsManagerClient({ region: args.region }),
      cloudFormation: () => new CloudFormationClient({ region: args.region }),
      prompter,
      log: (line) => console.log(line),
      now: () => new Date(),
    });
  } finally {
    prompter?.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    // Only the message: an SDK error's details could echo a request, never print more than its text.
    const message = error instanceof OperatorError || error instanceof PromptAborted ? error.message : `${(error as Error).name}: ${(error as Error).message}`;
    console.error(`✖ ${message}`);
    process.exit(1);
  });
}

/**
 * The one "portal function" builder, and the HTTP functions built with it: one NodejsFunction per
 * entry of FUNCTIONS (shared/src/routes.ts), each with its own role that holds exactly the table
 * access the function's routes declare, read access to the portal secret only where the entry
 * says `portalSecret: true`, and the documents bucket only where it says `documents` (ADR 0011).
 * Functions group routes with the same data access (ADR 0002), so a new route normally adds no
 * function. The jobs of shared/src/jobs.ts (infra/lib/jobs.ts, ADR 0009)
 * are built by the same `portalFunction`, so bundling, runtime, environment, log group, grants and
 * alarms cannot drift apart between the two.
 *
 * The HTTP functions live in a nested stack of their own (`FunctionsStack`, ADR 0017); their
 * integrations, invoke permissions and routes stay with the HTTP API in the portal stack.
 */
import { Duration, NestedStack, RemovalPolicy, Stack, Tags, Validations, type NestedStackProps } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData, type IAlarmAction } from 'aws-cdk-lib/aws-cloudwatch';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { LogLevel, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { DOCUMENT_PREFIXES, FUNCTIONS, type DocumentPrefix, type DocumentsAccess, type DocumentsGrant, type FunctionName, type LicenceKeyUse, type TableAccess } from '@portal/shared/routes';
import { lambdaEntry, lockFile, repoRoot } from './paths';
import type { PortalSettings } from './settings';

/** Tag on every HTTP portal function (not on jobs, nor on CDK's helper functions); tests filter on it. */
export const FUNCTION_TAG = 'portal:function';
/** Tag on every job function (shared/src/jobs.ts), value the job id: tells jobs from HTTP functions. */
export const JOB_TAG = 'portal:job';

export const READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchGetItem', 'dynamodb:ConditionCheckItem'];
/** TransactWriteItems is authorised per item with these same actions; no Transact* action exists. */
export const WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];
export const AUDIT_PREFIX = 'AUDIT#';

export type { DocumentPrefix, DocumentsAccess, DocumentsGrant, LicenceKeyUse };
/**
 * The parts of the documents bucket, each granted on its own (ADR 0011, 0015): receipt PDFs
 * (`receipts/<year>/<number>.pdf`, services/receipts/issue.ts), dossier attachments
 * (`dossiers/<dossierId>/<attachmentId>.<ext>`, services/attachments.ts) and signed licences
 * (`licences/<year>/<number>.pdf`, shared/src/licences/licence.ts). Tests tie each to its code.
 */
export const documentsPrefix = (prefix: DocumentPrefix): string => `${prefix}/`;
/**
 * Object actions by declaration. 'write' keeps GetObject (a writer may read back what it wrote,
 * and presigns PUTs the browser makes with its permissions); 'manage' adds DeleteObject, which
 * only attachments need (an applicant removes a file before submitting; the bucket is versioned
 * and old versions expire). Nobody gets ListBucket: no function enumerates documents, it reads
 * keys the table records (so a missing object is a 403, not a 404: functions/src/platform/storage.ts).
 */
export const DOCUMENT_ACTIONS: Record<DocumentsAccess, string[]> = {
  read: ['s3:GetObject'],
  write: ['s3:GetObject', 's3:PutObject'],
  manage: ['s3:DeleteObject', 's3:GetObject', 's3:PutObject'],
};
/**
 * The documents key through S3 only: SSE-KMS encrypts with a data key S3 asks KMS for
 * (GenerateDataKey) and decrypts with Decrypt; S3 never calls kms:Encrypt, so nobody gets it.
 * A writer also reads (GetObject), hence Decrypt on both.
 */
export const DOCUMENT_KEY_ACTIONS: Record<DocumentsAccess, string[]> = { read: ['kms:Decrypt'], write: ['kms:Decrypt', 'kms:GenerateDataKey'], manage: ['kms:Decrypt', 'kms:GenerateDataKey'] };
/**
 * The licence-signing key (ADR 0015): the licences job signs (kms:Sign), the public verification
 * fetches the public half once per container (kms:GetPublicKey) and checks signatures itself.
 * Nobody gets kms:Verify: checking needs no KMS call at all.
 */
export const LICENCE_KEY_ACTIONS: Record<LicenceKeyUse, string[]> = { sign: ['kms:Sign'], verify: ['kms:GetPublicKey'] };

type FunctionSpec = (typeof FUNCTIONS)[FunctionName];

export function tableActions(access: TableAccess): string[] {
  if (access === 'none') return [];
  return access === 'read' ? READ_ACTIONS : [...READ_ACTIONS, ...WRITE_ACTIONS];
}

/** What every portal function (HTTP or job) is built from, besides its own spec. */
export interface PortalFunctionContext {
  table: TableV2;
  tableKey: IKey;
  /** `AUTH_ISSUERS` (JSON, shared/src/auth/issuers.ts): given to the HTTP functions, which verify tokens; jobs get none. */
  authIssuers: string;
  /** The value CloudFront sends as `x-origin-verify` (ADR 0007), and the key that encrypts it. */
  originVerify: { secret: ISecret; key: IKey };
  /** VNPay credentials and pay-link key (JSON), for the functions flagged `portalSecret`. */
  portalSecret: { secret: ISecret; key: IKey };
  /** The private documents bucket and its key, for the functions that declare `documents`. */
  documents: { bucket: IBucket; key: IKey };
  /** The asymmetric KMS key that signs licences, for the functions that declare `licenceKey`. */
  licenceKey: IKey;
  /** Deployment settings from CDK context (infra/lib/settings.ts). */
  settings: PortalSettings;
  logRetention?: RetentionDays;
}

/** One portal function: the parts that differ between functions. */
export interface PortalFunctionSpec {
  /** FUNCTIONS key or job id; construct ids, the service name and the tag value derive from it. */
  name: string;
  description: string;
  /** Absolute path of the module that exports `handler`. */
  entry: string;
  access: TableAccess;
  /** Reads the portal secret (VNPay credentials, pay-link key). */
  portalSecret: boolean;
  /**
   * An HTTP function (FUNCTIONS) or a job (shared/src/jobs.ts). The two name spaces are separate
   * (a job may share its name with a function, as `receipts` does), so the kind goes into the
   * tag key (FUNCTION_TAG or JOB_TAG), the service name (`portal-<name>`, `portal-job-<id>`) and
   * the descriptions of the role and alarms.
   */
  kind: 'http' | 'job';
  /** Access to prefixes of the documents bucket (`documents` of its FUNCTIONS or job entry); none when absent. */
  documents?: DocumentsGrant;
  /** Use of the licence-signing key (`licenceKey` of its entry); none when absent. */
  licenceKey?: LicenceKeyUse;
  /** Sends callbacks to hospitals' information systems: gets `HIS_CALLBACK_URLS` (ADR 0010). */
  hisCallbacks?: boolean;
  /** @default 10 seconds (an HTTP request's budget) */
  timeout?: Duration;
  /** @default 512 MB */
  memorySize?: number;
}

/**
 * Builds one portal function in `scope`, with construct ids `<name>`, `<name>Logs`, `<name>Role`:
 * its own log group and role (table access by `access`, the audit-log Deny, the origin-verify
 * secret, the portal secret when flagged), Node.js 22 on arm64, the ESM bundle, and the
 * environment that functions/src/platform/config.ts requires.
 */
export function portalFunction(scope: Construct, spec: PortalFunctionSpec, props: PortalFunctionContext): NodejsFunction {
  const { name, access, description } = spec;
  const label = portalFunctionLabel(spec);
  // Our own log group (instead of the logRetention custom resource) and an explicit role
  // (instead of AWSLambdaBasicExecutionRole, which may write to any log group).
  const logGroup = new LogGroup(scope, `${name}Logs`, {
    retention: props.logRetention ?? RetentionDays.THREE_MONTHS,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  const role = new Role(scope, `${name}Role`, {
    assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
    description: `Portal ${label} (table access: ${access})`,
  });
  logGroup.grantWrite(role);
  grantTable(scope, role, access, props);
  grantSecretRead(scope, role, 'OriginVerifySecret', props.originVerify);
  if (spec.portalSecret) grantSecretRead(scope, role, 'PortalSecret', props.portalSecret);
  if (spec.documents) grantDocuments(scope, role, spec.documents, props.documents);
  if (spec.licenceKey) role.addToPolicy(new PolicyStatement({ sid: 'LicenceKey', actions: LICENCE_KEY_ACTIONS[spec.licenceKey], resources: [props.licenceKey.keyArn] }));

  const fn = new NodejsFunction(scope, name, {
    entry: spec.entry,
    handler: 'handler',
    description,
    runtime: Runtime.NODEJS_22_X,
    architecture: Architecture.ARM_64,
    memorySize: spec.memorySize ?? 512,
    timeout: spec.timeout ?? Duration.seconds(10),
    role,
    logGroup,
    projectRoot: repoRoot,
    depsLockFilePath: lockFile,
    environment: {
      // Functions with no table access still get the name: the config schema requires it.
      TABLE_NAME: props.table.tableName,
      LOG_LEVEL: 'INFO',
      POWERTOOLS_SERVICE_NAME: spec.kind === 'job' ? `portal-job-${name}` : `portal-${name}`,
      ...(spec.kind === 'http' ? { AUTH_ISSUERS: props.authIssuers } : {}),
      ORIGIN_VERIFY_SECRET_ARN: props.originVerify.secret.secretArn,
      ...(spec.portalSecret ? { PORTAL_SECRET_ARN: props.portalSecret.secret.secretArn } : {}),
      PUBLIC_BASE_URL: props.settings.publicBaseUrl,
      VNPAY_PAY_URL: props.settings.vnpay.payUrl,
      VNPAY_API_URL: props.settings.vnpay.apiUrl,
      AGENCY_CODE: props.settings.agencyCode,
      // Only when the department turns it on (ADR 0025): the default adds nothing to the 4 KB environment.
      ...(props.settings.showStaffNames ? { SHOW_STAFF_NAMES: 'true' } : {}),
      ...(spec.documents ? { DOCUMENTS_BUCKET: props.documents.bucket.bucketName } : {}),
      ...(spec.licenceKey ? { LICENCE_SIGNING_KEY_ID: props.licenceKey.keyArn } : {}),
      ...(spec.hisCallbacks ? { HIS_CALLBACK_URLS: JSON.stringify(props.settings.hisCallbackUrls) } : {}),
      NODE_OPTIONS: '--enable-source-maps',
    },
    bundling: {
      minify: true,
      sourceMap: true,
      sourcesContent: false,
      format: OutputFormat.ESM,
      target: 'node22',
      mainFields: ['module', 'main'],
      // Some dependencies are CommonJS and call require(); an ESM bundle has none unless we make it.
      banner: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
      // The nodejs22.x runtime ships AWS SDK v3; bundling it would only grow the cold start.
      externalModules: ['@aws-sdk/*'],
      forceDockerBundling: false,
      logLevel: LogLevel.WARNING,
    },
  });
  Tags.of(fn).add(spec.kind === 'job' ? JOB_TAG : FUNCTION_TAG, name);
  Validations.of(fn).acknowledge({
    id: 'AwsSolutions-L1',
    reason: 'Node.js 22 LTS is the project runtime (docs DESIGN.md: one Node for scripts, tests and Lambda; the toolchain is pinned to it). Move to nodejs24.x together with the toolchain.',
  });
  return fn;
}

/** `function payments`, `job receipts`: how roles and alarms name a portal function. */
export const portalFunctionLabel = (spec: Pick<PortalFunctionSpec, 'kind' | 'name'>): string => `${spec.kind === 'job' ? 'job' : 'function'} ${spec.name}`;

/** Errors and throttles of one portal function, each to the alarm topic (construct ids `<name>Errors`, `<name>Throttles`). */
export function addFunctionAlarms(scope: Construct, name: string, fn: NodejsFunction, alarmAction: IAlarmAction, label = `Function ${name}`): void {
  const common = {
    threshold: 1,
    evaluationPeriods: 1,
    comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: TreatMissingData.NOT_BREACHING,
  };
  new Alarm(scope, `${name}Errors`, {
    ...common,
    alarmDescription: `${label} threw or timed out.`,
    metric: fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
  }).addAlarmAction(alarmAction);
  new Alarm(scope, `${name}Throttles`, {
    ...common,
    alarmDescription: `${label} was throttled: the account's concurrency is exhausted.`,
    metric: fn.metricThrottles({ period: Duration.minutes(5), statistic: 'Sum' }),
  }).addAlarmAction(alarmAction);
}

/**
 * Acknowledges cdk-nag's wildcard finding (AwsSolutions-IAM5) on `<arn><suffix>` for one role, named
 * as cdk-nag names it: after the ARN as the role's own template spells it. Beside the table that is
 * `<Data1234.Arn>/index/*`; in a nested stack (ADR 0017) the ARN arrives as a parameter CDK creates
 * (`<referencetoPortalData1234Arn>/index/*`). CDK creates those parameters while it prepares the
 * app, after every construct is built, so the id is read in a construct validation: validations
 * run after that step and before the synth-time checks (cdk-nag, `Validations.of(app)`), and a
 * test's `validateScope` runs on an app it has already synthesised.
 */
function acknowledgeWildcard(role: Role, arn: string, suffix: string, reason: string): void {
  role.node.addValidation({
    validate: () => {
      Validations.of(role).acknowledge({ id: `AwsSolutions-IAM5[Resource::${nagReference(Stack.of(role).resolve(arn))}${suffix}]`, reason });
      return [];
    },
  });
}

/** `<Id>` for a Ref, `<Id.Attribute>` for an Fn::GetAtt: how cdk-nag flattens a reference in a finding. */
function nagReference(resolved: unknown): string {
  const value = resolved as { Ref?: unknown; 'Fn::GetAtt'?: unknown };
  if (typeof value.Ref === 'string') return `<${value.Ref}>`;
  if (Array.isArray(value['Fn::GetAtt'])) return `<${value['Fn::GetAtt'].join('.')}>`;
  throw new Error(`Not a reference cdk-nag would flatten: ${JSON.stringify(resolved)}`);
}

/**
 * Read one secret's value, and nothing else: GetSecretValue on that one secret (not
 * `secret.grantRead`, which adds DescribeSecret), and Decrypt on the secrets key only through
 * Secrets Manager for that secret's ARN — the same key encrypts every portal secret, so without
 * the condition a role could decrypt the others too.
 */
function grantSecretRead(scope: Construct, role: Role, sid: string, { secret, key }: { secret: ISecret; key: IKey }): void {
  role.addToPolicy(new PolicyStatement({ sid, actions: ['secretsmanager:GetSecretValue'], resources: [secret.secretArn] }));
  role.addToPolicy(
    new PolicyStatement({
      sid: `${sid}Key`,
      actions: ['kms:Decrypt'],
      resources: [key.keyArn],
      conditions: {
        StringEquals: {
          'kms:ViaService': `secretsmanager.${Stack.of(scope).region}.${Stack.of(scope).urlSuffix}`,
          'kms:EncryptionContext:SecretARN': secret.secretArn,
        },
      },
    }),
  );
}

const PREFIX_KEYS: Record<DocumentPrefix, string> = {
  receipts: 'receipt PDFs are keyed by receipt number (<year>/<number>.pdf), unknown until issued',
  dossiers: 'dossier attachments are keyed by dossier and attachment id (<dossierId>/<attachmentId>.<ext>), created per upload',
  licences: 'licence PDFs are keyed by licence number (<year>/<number>.pdf), unknown until issued',
};
const SID: Record<DocumentPrefix, string> = { receipts: 'DocumentsReceipts', dossiers: 'DocumentsDossiers', licences: 'DocumentsLicences' };

/**
 * Object access to each declared prefix (DOCUMENT_ACTIONS), one statement per prefix, not
 * `bucket.grantRead`/`grantReadWrite`, which add s3:List*, s3:GetBucket*, s3:Abort*,
 * s3:DeleteObject* on the whole bucket and kms:ReEncrypt*, kms:GenerateDataKey* on the key. The
 * key only through S3 in this region, with what the strongest declared access needs.
 */
function grantDocuments(scope: Construct, role: Role, grant: DocumentsGrant, { bucket, key }: { bucket: IBucket; key: IKey }): void {
  const stack = Stack.of(scope);
  const keyActions = new Set<string>();
  for (const prefix of DOCUMENT_PREFIXES) {
    const access = grant[prefix];
    if (!access) continue;
    role.addToPolicy(new PolicyStatement({ sid: SID[prefix], actions: DOCUMENT_ACTIONS[access], resources: [bucket.arnForObjects(`${documentsPrefix(prefix)}*`)] }));
    for (const action of DOCUMENT_KEY_ACTIONS[access]) keyActions.add(action);
    acknowledgeWildcard(
      role,
      bucket.bucketArn,
      `/${documentsPrefix(prefix)}*`,
      `The ${PREFIX_KEYS[prefix]}; the wildcard covers the ${documentsPrefix(prefix)} prefix of the documents bucket only, with ${DOCUMENT_ACTIONS[access].join(', ')} only (ADR 0011, 0015).`,
    );
  }
  role.addToPolicy(
    new PolicyStatement({
      sid: 'DocumentsKey',
      actions: [...keyActions].sort(),
      resources: [key.keyArn],
      conditions: { StringEquals: { 'kms:ViaService': `s3.${stack.region}.${stack.urlSuffix}` } },
    }),
  );
}

function grantTable(scope: Construct, role: Role, access: TableAccess, props: PortalFunctionContext): void {
  const actions = tableActions(access);
  if (actions.length === 0) return;
  const { table } = props;
  const tableArns = [table.tableArn, `${table.tableArn}/index/*`];
  role.addToPolicy(new PolicyStatement({ sid: 'TableAccess', actions, resources: tableArns }));
  acknowledgeWildcard(
    role,
    table.tableArn,
    '/index/*',
    'Queries on the GSIs (byOwner, byWorkQueue) need the index ARNs; the wildcard covers only this table\'s indexes, with the same read/write actions as the table.',
  );
  const keyActions = access === 'read' ? ['kms:Decrypt'] : ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'];
  role.addToPolicy(new PolicyStatement({ sid: 'TableKey', actions: keyActions, resources: [props.tableKey.keyArn] }));
  // The audit log is append-only: whatever a function may do elsewhere, it may never change or
  // delete an item whose partition key starts with AUDIT#. A Deny wins over every Allow, also
  // inside TransactWriteItems, which is authorised per item. BatchWriteItem is denied too (its
  // DeleteRequest would otherwise pass), and ForAnyValue so that a batch mixing one AUDIT# key with
  // others is refused (ForAllValues only matches when every key is an audit key). No function
  // batch-writes; audit entries are Puts inside TransactWriteItems, which stay allowed.
  role.addToPolicy(
    new PolicyStatement({
      sid: 'AuditLogIsAppendOnly',
      effect: Effect.DENY,
      actions: ['dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'],
      resources: [table.tableArn],
      conditions: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': [`${AUDIT_PREFIX}*`] } },
    }),
  );
}

export interface PortalFunctionsProps extends PortalFunctionContext {
  /** Errors and throttles of every function go here (the portal's alarm topic). */
  alarmAction: IAlarmAction;
}

/** Every HTTP function of FUNCTIONS, with its errors and throttles alarms. */
export class PortalFunctions extends Construct {
  readonly byName: Record<FunctionName, NodejsFunction>;

  constructor(scope: Construct, id: string, props: PortalFunctionsProps) {
    super(scope, id);
    const entries = Object.entries(FUNCTIONS) as [FunctionName, FunctionSpec][];
    this.byName = Object.fromEntries(
      entries.map(([name, spec]) => [
        name,
        portalFunction(
          this,
          {
            name,
            description: spec.description,
            entry: lambdaEntry(name),
            access: spec.access,
            portalSecret: 'portalSecret' in spec && spec.portalSecret === true,
            ...('documents' in spec ? { documents: spec.documents } : {}),
            ...('licenceKey' in spec ? { licenceKey: spec.licenceKey } : {}),
            kind: 'http',
          },
          props,
        ),
      ]),
    ) as Record<FunctionName, NodejsFunction>;
    for (const [name, fn] of Object.entries(this.byName)) addFunctionAlarms(this, name, fn, props.alarmAction);
  }
}

/**
 * The nested stack of the HTTP functions (ADR 0017): each function's Lambda, role, policy, log
 * group and alarms (six resources). The table, keys, secrets, bucket and alarm topic stay in the
 * portal stack and arrive as parameters CDK derives from the references; the portal stack reads
 * each function's ARN back (an output) for its integration and invoke permission.
 */
export class FunctionsStack extends NestedStack {
  readonly functions: PortalFunctions;

  constructor(scope: Construct, id: string, props: PortalFunctionsProps & Pick<NestedStackProps, 'description'>) {
    const { description, ...context } = props;
    super(scope, id, { description });
    this.functions = new PortalFunctions(this, 'Functions', context);
  }
}

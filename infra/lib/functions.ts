/**
 * One NodejsFunction per entry of FUNCTIONS (shared/src/routes.ts), each with its own role that
 * holds exactly the table access the function's routes declare, and read access to the portal
 * secret only where the entry says `portalSecret: true`. Functions group routes with the same
 * data access (ADR 0002), so a new route normally adds no function.
 */
import { Duration, RemovalPolicy, Stack, Tags, Validations, type CfnElement } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { LogLevel, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { FUNCTIONS, type FunctionName, type TableAccess } from '@portal/shared/routes';
import { lambdaEntry, lockFile, repoRoot } from './paths';
import type { PortalSettings } from './settings';

/** Tag on every portal function (not on CDK's helper functions); tests filter on it. */
export const FUNCTION_TAG = 'portal:function';

export const READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchGetItem', 'dynamodb:ConditionCheckItem'];
/** TransactWriteItems is authorised per item with these same actions; no Transact* action exists. */
export const WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];
export const AUDIT_PREFIX = 'AUDIT#';

type FunctionSpec = (typeof FUNCTIONS)[FunctionName];

export function tableActions(access: TableAccess): string[] {
  if (access === 'none') return [];
  return access === 'read' ? READ_ACTIONS : [...READ_ACTIONS, ...WRITE_ACTIONS];
}

export interface PortalFunctionsProps {
  table: TableV2;
  tableKey: IKey;
  auth: { issuer: string; audience: string; jwksUrl: string };
  /** The value CloudFront sends as `x-origin-verify` (ADR 0007), and the key that encrypts it. */
  originVerify: { secret: ISecret; key: IKey };
  /** VNPay credentials and pay-link key (JSON), for the functions flagged `portalSecret`. */
  portalSecret: { secret: ISecret; key: IKey };
  /** Deployment settings from CDK context (infra/lib/settings.ts). */
  settings: PortalSettings;
  logRetention?: RetentionDays;
}

export class PortalFunctions extends Construct {
  readonly byName: Record<FunctionName, NodejsFunction>;

  constructor(scope: Construct, id: string, props: PortalFunctionsProps) {
    super(scope, id);
    const entries = Object.entries(FUNCTIONS) as [FunctionName, FunctionSpec][];
    this.byName = Object.fromEntries(
      entries.map(([name, spec]) => [name, this.makeFunction(name, spec, props)]),
    ) as Record<FunctionName, NodejsFunction>;
  }

  private makeFunction(name: FunctionName, spec: FunctionSpec, props: PortalFunctionsProps): NodejsFunction {
    const { access, description } = spec;
    const readsPortalSecret = 'portalSecret' in spec && spec.portalSecret === true;
    // Our own log group (instead of the logRetention custom resource) and an explicit role
    // (instead of AWSLambdaBasicExecutionRole, which may write to any log group).
    const logGroup = new LogGroup(this, `${name}Logs`, {
      retention: props.logRetention ?? RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const role = new Role(this, `${name}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Portal function ${name} (table access: ${access})`,
    });
    logGroup.grantWrite(role);
    this.grantTable(role, access, props);
    this.grantSecretRead(role, 'OriginVerifySecret', props.originVerify);
    if (readsPortalSecret) this.grantSecretRead(role, 'PortalSecret', props.portalSecret);

    const fn = new NodejsFunction(this, name, {
      entry: lambdaEntry(name),
      handler: 'handler',
      description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 512,
      timeout: Duration.seconds(10),
      role,
      logGroup,
      projectRoot: repoRoot,
      depsLockFilePath: lockFile,
      environment: {
        // Functions with no table access still get the name: the config schema requires it.
        TABLE_NAME: props.table.tableName,
        LOG_LEVEL: 'INFO',
        POWERTOOLS_SERVICE_NAME: `portal-${name}`,
        AUTH_ISSUER: props.auth.issuer,
        AUTH_AUDIENCE: props.auth.audience,
        AUTH_JWKS_URL: props.auth.jwksUrl,
        ORIGIN_VERIFY_SECRET_ARN: props.originVerify.secret.secretArn,
        ...(readsPortalSecret ? { PORTAL_SECRET_ARN: props.portalSecret.secret.secretArn } : {}),
        PUBLIC_BASE_URL: props.settings.publicBaseUrl,
        VNPAY_PAY_URL: props.settings.vnpay.payUrl,
        VNPAY_API_URL: props.settings.vnpay.apiUrl,
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
    Tags.of(fn).add(FUNCTION_TAG, name);
    Validations.of(fn).acknowledge({
      id: 'AwsSolutions-L1',
      reason: 'Node.js 22 LTS is the project runtime (docs DESIGN.md: one Node for scripts, tests and Lambda; the toolchain is pinned to it). Move to nodejs24.x together with the toolchain.',
    });
    return fn;
  }

  /**
   * Read one secret's value, and nothing else: GetSecretValue on that one secret (not
   * `secret.grantRead`, which adds DescribeSecret), and Decrypt on the secrets key only through
   * Secrets Manager for that secret's ARN — the same key encrypts every portal secret, so without
   * the condition a role could decrypt the others too.
   */
  private grantSecretRead(role: Role, sid: string, { secret, key }: { secret: ISecret; key: IKey }): void {
    role.addToPolicy(new PolicyStatement({ sid, actions: ['secretsmanager:GetSecretValue'], resources: [secret.secretArn] }));
    role.addToPolicy(
      new PolicyStatement({
        sid: `${sid}Key`,
        actions: ['kms:Decrypt'],
        resources: [key.keyArn],
        conditions: {
          StringEquals: {
            'kms:ViaService': `secretsmanager.${Stack.of(this).region}.${Stack.of(this).urlSuffix}`,
            'kms:EncryptionContext:SecretARN': secret.secretArn,
          },
        },
      }),
    );
  }

  private grantTable(role: Role, access: TableAccess, props: PortalFunctionsProps): void {
    const actions = tableActions(access);
    if (actions.length === 0) return;
    const { table } = props;
    const tableArns = [table.tableArn, `${table.tableArn}/index/*`];
    role.addToPolicy(new PolicyStatement({ sid: 'TableAccess', actions, resources: tableArns }));
    const tableId = Stack.of(this).getLogicalId(table.node.defaultChild as CfnElement);
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${tableId}.Arn>/index/*]`,
      reason: 'Queries on the GSIs (byOwner, byWorkQueue) need the index ARNs; the wildcard covers only this table\'s indexes, with the same read/write actions as the table.',
    });
    const keyActions = access === 'read' ? ['kms:Decrypt'] : ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'];
    role.addToPolicy(new PolicyStatement({ sid: 'TableKey', actions: keyActions, resources: [props.tableKey.keyArn] }));
    // The audit log is append-only: whatever a function may do elsewhere, it may never change or
    // delete an item whose partition key starts with AUDIT#. A Deny wins over every Allow, also
    // inside TransactWriteItems, which is authorised per item.
    role.addToPolicy(
      new PolicyStatement({
        sid: 'AuditLogIsAppendOnly',
        effect: Effect.DENY,
        actions: ['dynamodb:UpdateItem', 'dynamodb:DeleteItem'],
        resources: [table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${AUDIT_PREFIX}*`] } },
      }),
    );
  }
}

import { beforeAll, describe, expect, it } from 'vitest';
import { STAFF_ROLES } from '@portal/shared/roles';
import { FUNCTIONS, routeKey, routes, type FunctionName, type Route } from '@portal/shared/routes';
import { table } from '@portal/shared/table';
import { FUNCTION_TAG, JOB_TAG } from '../../infra/lib/functions';
import { gatewayChecksStaffToken } from '../../infra/lib/http-api';
import { ofType, resourcesOf, synthPortal, type Synthesised } from './synth';

const READ = ['dynamodb:BatchGetItem', 'dynamodb:ConditionCheckItem', 'dynamodb:GetItem', 'dynamodb:Query'];
const WRITE = ['dynamodb:BatchWriteItem', 'dynamodb:DeleteItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'];
const EXPECTED_ACTIONS = { none: [], read: READ, write: [...READ, ...WRITE].sort() } as const;

interface Statement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}
const actionsOf = (s: Statement): string[] => (Array.isArray(s.Action) ? s.Action : [s.Action]);

type FunctionSpec = (typeof FUNCTIONS)[FunctionName];
const readsPortalSecret = (name: FunctionName): boolean => {
  const spec: FunctionSpec = FUNCTIONS[name];
  return 'portalSecret' in spec && spec.portalSecret === true;
};
/** Access to the documents bucket (ADR 0011; test/infra/documents-and-callbacks.test.ts checks it). */
const declaresDocuments = (name: FunctionName): boolean => 'documents' in FUNCTIONS[name];

let synth: Synthesised;
/** Logical ids of the two secrets, the key that encrypts them and the table's key. */
let ids: { originVerify: string; portalSecret: string; secretsKey: string; tableKey: string; documentsKey: string; licenceKey: string };
/** Portal functions by FUNCTIONS key (CDK's own helper functions carry no portal tag). */
const portalFunctions = new Map<string, { logicalId: string; props: Record<string, unknown> }>();

/** All statements of the inline policies attached to a function's role. */
function statementsOf(name: FunctionName): Statement[] {
  const fn = portalFunctions.get(name);
  if (!fn) throw new Error(`No function ${name}`);
  const roleId = (fn.props.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  return ofType(synth.portalTemplate, 'AWS::IAM::Policy')
    .filter(([, p]) => (p.Roles as { Ref: string }[]).some((r) => r.Ref === roleId))
    .flatMap(([, p]) => (p.PolicyDocument as { Statement: Statement[] }).Statement);
}

beforeAll(() => {
  synth = synthPortal();
  for (const [logicalId, props] of ofType(synth.portalTemplate, 'AWS::Lambda::Function')) {
    const tag = ((props.Tags ?? []) as { Key: string; Value: string }[]).find((t) => t.Key === FUNCTION_TAG);
    if (tag) portalFunctions.set(tag.Value, { logicalId, props });
  }
  const secrets = ofType(synth.portalTemplate, 'AWS::SecretsManager::Secret');
  const secretId = (pattern: RegExp) => secrets.find(([id]) => pattern.test(id))?.[0] ?? '';
  const originVerify = secretId(/OriginVerify/);
  const [[, table] = ['', {}]] = ofType(synth.portalTemplate, 'AWS::DynamoDB::GlobalTable');
  const [replica] = table.Replicas as { SSESpecification: { KMSMasterKeyId: { 'Fn::GetAtt': [string, string] } } }[];
  ids = {
    originVerify,
    portalSecret: secretId(/PortalSecret/),
    secretsKey: (secrets.find(([id]) => id === originVerify)?.[1].KmsKeyId as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0],
    tableKey: replica?.SSESpecification.KMSMasterKeyId['Fn::GetAtt'][0] ?? '',
    documentsKey: ofType(synth.portalTemplate, 'AWS::KMS::Key').find(([id]) => /DocumentsKey/.test(id))?.[0] ?? '',
    licenceKey: ofType(synth.portalTemplate, 'AWS::KMS::Key').find(([, p]) => p.KeySpec === 'ECC_NIST_P256')?.[0] ?? '',
  };
});

/** KMS actions a function's role allows on one key. */
const kmsActionsOn = (name: FunctionName, keyId: string): string[] =>
  statementsOf(name)
    .filter((s) => s.Effect === 'Allow' && JSON.stringify(s.Resource).includes(`"${keyId}"`))
    .flatMap(actionsOf)
    .filter((a) => a.startsWith('kms:'));

describe('HTTP API routes come from the one route table', () => {
  it('has exactly one API Gateway route per route-table entry, with the same route key', () => {
    const keys = ofType(synth.portalTemplate, 'AWS::ApiGatewayV2::Route').map(([, p]) => p.RouteKey);
    expect(keys).toHaveLength(routes.length);
    expect([...keys].sort()).toEqual(routes.map(routeKey).sort());
  });

  it('puts the staff-pool JWT authorizer on the routes only staff may call, and no authorizer on the others (ADR 0022)', () => {
    const byKey = new Map(ofType(synth.portalTemplate, 'AWS::ApiGatewayV2::Route').map(([, p]) => [p.RouteKey, p]));
    const table: readonly Route[] = routes;
    const staffOnly = table.filter((r) => r.auth !== 'public' && !r.auth.apiKey && r.auth.roles.every((role) => STAFF_ROLES.includes(role)));
    expect(table.filter(gatewayChecksStaffToken)).toEqual(staffOnly);
    for (const route of table) {
      expect(byKey.get(routeKey(route))?.AuthorizationType, routeKey(route)).toBe(gatewayChecksStaffToken(route) ? 'JWT' : 'NONE');
    }
    // A citizen's VNeID or citizens'-pool token would be refused by a staff-pool authorizer: routes citizens call have none.
    for (const id of ['me.get', 'appointments.create', 'dossiers.create']) {
      const route = table.find((r) => r.id === id);
      expect(route, id).toBeDefined();
      expect(byKey.get(routeKey(route as Route))?.AuthorizationType, id).toBe('NONE');
    }
    expect(staffOnly.length).toBeGreaterThan(20);
    expect(table.filter((r) => r.auth !== 'public' && r.auth.apiKey).map((r) => r.id)).toEqual(['his.bills.push']);
  });

  it('trusts only tokens of the staff pool for the staff app client at the gateway', () => {
    const authorizers = ofType(synth.portalTemplate, 'AWS::ApiGatewayV2::Authorizer');
    expect(authorizers).toHaveLength(1);
    const [[, authorizer] = ['', {}]] = authorizers;
    const config = JSON.stringify(authorizer.JwtConfiguration);
    expect(authorizer.AuthorizerType).toBe('JWT');
    expect(config).toContain('https://cognito-idp.ap-southeast-1.');
    expect(config).toMatch(/IdentityStaffUserPool[0-9A-F]{8}"/);
    expect(config).toMatch(/IdentityStaffUserPoolWebClient/);
    expect(config).not.toMatch(/Citizens/);
  });

  it('never routes or serves the local-only /sandbox paths', () => {
    for (const [, p] of ofType(synth.portalTemplate, 'AWS::ApiGatewayV2::Route')) expect(String(p.RouteKey)).not.toContain('/sandbox');
    for (const route of routes) expect(route.path.startsWith('/api/'), route.id).toBe(true);
    const [[, dist] = ['', {}]] = ofType(synth.portalTemplate, 'AWS::CloudFront::Distribution');
    const behaviours = ((dist.DistributionConfig as { CacheBehaviors?: { PathPattern: string }[] }).CacheBehaviors ?? []).map((b) => b.PathPattern);
    expect(behaviours).toEqual(['/api/*']);
    for (const pattern of behaviours) expect(pattern).not.toContain('sandbox');
    const [[, deployment] = ['', {}]] = ofType(synth.portalTemplate, 'Custom::CDKBucketDeployment');
    expect(deployment.Exclude).toContain('sandbox/*');
  });
});

describe('where the API and the functions live (ADR 0017)', () => {
  const stackAt = (path: string) => {
    const found = synth.portalStacks.find((s) => s.path === path);
    if (!found) throw new Error(`No stack ${path}: ${synth.portalStacks.map((s) => s.path).join(', ')}`);
    return found.template;
  };
  const tagged = (path: string, key: string): string[] =>
    ofType(stackAt(path), 'AWS::Lambda::Function').flatMap(([, p]) => ((p.Tags ?? []) as { Key: string; Value: string }[]).filter((t) => t.Key === key).map((t) => t.Value));

  it('is four templates: the portal stack and its Functions, Routes and Jobs nested stacks', () => {
    expect(synth.portalStacks.map((s) => s.path)).toEqual(['Portal', 'Portal/FunctionsStack', 'Portal/RoutesStack', 'Portal/JobsStack']);
    expect(ofType(stackAt('Portal'), 'AWS::CloudFormation::Stack')).toHaveLength(3);
  });

  it('builds every HTTP function in the Functions stack, none elsewhere, and no job there', () => {
    expect(tagged('Portal/FunctionsStack', FUNCTION_TAG).sort()).toEqual(Object.keys(FUNCTIONS).sort());
    expect(tagged('Portal/FunctionsStack', JOB_TAG)).toEqual([]);
    for (const path of ['Portal', 'Portal/RoutesStack', 'Portal/JobsStack']) expect(tagged(path, FUNCTION_TAG), path).toEqual([]);
  });

  it("keeps each function's role, policy, log group and alarms beside it in the Functions stack", () => {
    const inner = resourcesOf(stackAt('Portal/FunctionsStack'));
    for (const [name, { logicalId, props }] of portalFunctions) {
      const roleId = (props.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
      expect(inner[logicalId]?.Type, name).toBe('AWS::Lambda::Function');
      expect(inner[roleId]?.Type, name).toBe('AWS::IAM::Role');
      expect(inner[(props.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref]?.Type, name).toBe('AWS::Logs::LogGroup');
      const policies = Object.values(inner).filter((r) => r.Type === 'AWS::IAM::Policy' && JSON.stringify(r.Properties?.Roles).includes(`"${roleId}"`));
      expect(policies, name).toHaveLength(1);
      const alarms = Object.values(inner).filter((r) => r.Type === 'AWS::CloudWatch::Alarm' && JSON.stringify(r.Properties?.Dimensions).includes(`"${logicalId}"`));
      expect(alarms.map((a) => a.Properties?.MetricName).sort(), name).toEqual(['Errors', 'Throttles']);
    }
  });

  it('keeps the API in the portal stack, and every route and one integration and one invoke permission per function in the Routes stack (ADR 0005, 0017)', () => {
    expect(ofType(stackAt('Portal'), 'AWS::ApiGatewayV2::Api')).toHaveLength(1);
    const outer = stackAt('Portal/RoutesStack');
    expect(ofType(outer, 'AWS::ApiGatewayV2::Route')).toHaveLength(routes.length);
    for (const path of ['Portal', 'Portal/FunctionsStack', 'Portal/JobsStack']) {
      for (const type of ['AWS::ApiGatewayV2::Route', 'AWS::ApiGatewayV2::Integration', 'AWS::Lambda::Permission']) expect(ofType(stackAt(path), type), `${path} ${type}`).toEqual([]);
    }
    // Read through the merged template, each integration and permission names one portal function's ARN.
    const arnOf = (name: string) => ({ 'Fn::GetAtt': [portalFunctions.get(name)?.logicalId, 'Arn'] });
    const outerIds = new Set(Object.keys(resourcesOf(outer)));
    const merged = (type: string) => ofType(synth.portalTemplate, type).filter(([id]) => outerIds.has(id));
    const integrations = merged('AWS::ApiGatewayV2::Integration').map(([, p]) => JSON.stringify(p.IntegrationUri));
    const permissions = merged('AWS::Lambda::Permission').map(([, p]) => JSON.stringify(p.FunctionName));
    const expected = [...portalFunctions.keys()].map((name) => JSON.stringify(arnOf(name))).sort();
    expect(integrations.sort()).toEqual(expected);
    expect(permissions.sort()).toEqual(expected);
  });
});

describe('one Lambda function per entry of FUNCTIONS', () => {
  it('deploys exactly the functions the route table names', () => {
    expect([...portalFunctions.keys()].sort()).toEqual(Object.keys(FUNCTIONS).sort());
  });

  it('runs every function on Node.js 22 on arm64 with the settings its config needs', () => {
    for (const [name, { props }] of portalFunctions) {
      expect(props.Runtime, name).toBe('nodejs22.x');
      expect(props.Architectures, name).toEqual(['arm64']);
      const vars = Object.keys((props.Environment as { Variables: Record<string, unknown> }).Variables).sort();
      const expected = [
        'AUTH_ISSUERS', 'LOG_LEVEL', 'NODE_OPTIONS', 'ORIGIN_VERIFY_SECRET_ARN', 'POWERTOOLS_SERVICE_NAME', 'TABLE_NAME',
        'PUBLIC_BASE_URL', 'VNPAY_API_URL', 'VNPAY_PAY_URL', 'AGENCY_CODE',
        ...(readsPortalSecret(name as FunctionName) ? ['PORTAL_SECRET_ARN'] : []),
        ...(declaresDocuments(name as FunctionName) ? ['DOCUMENTS_BUCKET'] : []),
        ...('licenceKey' in FUNCTIONS[name as FunctionName] ? ['LICENCE_SIGNING_KEY_ID'] : []),
      ];
      expect(vars, name).toEqual(expected.sort());
    }
  });

  it('gives every function its own log group with a retention period', () => {
    for (const [name, { props }] of portalFunctions) {
      const logGroupId = ((props.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup ?? {}).Ref;
      const logGroup = synth.portalTemplate.toJSON().Resources[logGroupId];
      expect(logGroup?.Properties?.RetentionInDays, name).toBeGreaterThan(0);
    }
  });

  it('uses no AWS-managed policy on any portal function role', () => {
    for (const [name, { props }] of portalFunctions) {
      const roleId = (props.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
      expect(synth.portalTemplate.toJSON().Resources[roleId].Properties.ManagedPolicyArns, name).toBeUndefined();
    }
  });
});

describe('least-privilege table access', () => {
  for (const [name, spec] of Object.entries(FUNCTIONS) as [FunctionName, (typeof FUNCTIONS)[FunctionName]][]) {
    it(`lets the ${name} function do exactly what '${spec.access}' table access allows`, () => {
      const allowed = statementsOf(name)
        .filter((s) => s.Effect === 'Allow')
        .flatMap(actionsOf)
        .filter((a) => a.startsWith('dynamodb:'));
      expect([...new Set(allowed)].sort()).toEqual([...EXPECTED_ACTIONS[spec.access]]);
      expect(allowed).not.toContain('dynamodb:Scan');
      expect(allowed.some((a) => a.includes('*'))).toBe(false);
      const tableKms = kmsActionsOn(name, ids.tableKey);
      if (spec.access === 'none') expect(tableKms).toEqual([]);
      if (spec.access === 'read') expect(tableKms).toEqual(['kms:Decrypt']);
      // Every function may also decrypt the origin-verify secret (next block), and those that
      // declare documents use the documents key; no other key.
      const keys = [ids.tableKey, ids.secretsKey, ...(declaresDocuments(name) ? [ids.documentsKey] : []), ...('licenceKey' in spec ? [ids.licenceKey] : [])];
      const kmsStatements = statementsOf(name).filter((s) => actionsOf(s).some((a) => a.startsWith('kms:')));
      for (const s of kmsStatements) expect(keys.some((k) => JSON.stringify(s.Resource).includes(`"${k}"`)), name).toBe(true);
      expect(ids.documentsKey).not.toBe('');
    });
  }

  it("denies every function with table access the update or delete of an audit item (the audit log is append-only)", () => {
    const withTable = (Object.keys(FUNCTIONS) as FunctionName[]).filter((n) => FUNCTIONS[n].access !== 'none');
    expect(withTable.length).toBeGreaterThan(0);
    for (const name of withTable) {
      const deny = statementsOf(name).find((s) => s.Effect === 'Deny');
      expect(deny, name).toBeDefined();
      expect(actionsOf(deny as Statement).sort()).toEqual(['dynamodb:BatchWriteItem', 'dynamodb:DeleteItem', 'dynamodb:UpdateItem']);
      expect(deny?.Condition).toEqual({ 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': ['AUDIT#*'] } });
    }
  });

});

describe('the origin-verify secret (ADR 0007)', () => {
  const names = Object.keys(FUNCTIONS) as FunctionName[];

  it('is generated by CloudFormation: at least 32 characters, no punctuation, encrypted with the secrets key', () => {
    const secret = resourcesOf(synth.portalTemplate)[ids.originVerify]?.Properties ?? {};
    const generate = secret.GenerateSecretString as { PasswordLength: number; ExcludePunctuation: boolean };
    expect(generate.PasswordLength).toBeGreaterThanOrEqual(32);
    expect(generate.ExcludePunctuation).toBe(true);
    expect(secret).not.toHaveProperty('SecretString');
    expect(ids.secretsKey).not.toBe(ids.tableKey);
  });

  it('is named to every portal function in ORIGIN_VERIFY_SECRET_ARN', () => {
    for (const [name, { props }] of portalFunctions) {
      const vars = (props.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(vars.ORIGIN_VERIFY_SECRET_ARN, name).toEqual({ Ref: ids.originVerify });
    }
  });

  it('lets every function decrypt with the secrets key only through Secrets Manager, for the secrets it may read', () => {
    for (const name of names) {
      // One statement per readable secret, each with Decrypt only.
      expect([...new Set(kmsActionsOn(name, ids.secretsKey))], name).toEqual(['kms:Decrypt']);
      const statements = statementsOf(name).filter((s) => JSON.stringify(s.Resource).includes(`"${ids.secretsKey}"`));
      for (const statement of statements) {
        expect(Object.keys(statement.Condition ?? {}), name).toEqual(['StringEquals']);
        expect(JSON.stringify(statement.Condition?.StringEquals?.['kms:ViaService']), name).toContain('secretsmanager.ap-southeast-1.');
      }
      const secretArns = statements.map((s) => JSON.stringify(s.Condition?.StringEquals?.['kms:EncryptionContext:SecretARN'])).sort();
      const expected = [ids.originVerify, ...(readsPortalSecret(name) ? [ids.portalSecret] : [])].map((id) => JSON.stringify({ Ref: id }));
      expect(secretArns, name).toEqual(expected.sort());
    }
  });
});

describe('secrets a function can read', () => {
  const names = Object.keys(FUNCTIONS) as FunctionName[];
  const flagged = names.filter(readsPortalSecret);
  /** The secrets a function's role may read, by logical id; every Secrets Manager statement checked. */
  const readableSecrets = (name: FunctionName): string[] => {
    const statements = statementsOf(name).filter((s) => actionsOf(s).some((a) => a.startsWith('secretsmanager:')));
    for (const s of statements) {
      expect(s.Effect, name).toBe('Allow');
      expect(actionsOf(s), name).toEqual(['secretsmanager:GetSecretValue']);
    }
    return statements.map((s) => (s.Resource as { Ref: string }).Ref).sort();
  };

  it('flags at least one function for the portal secret, and not all of them', () => {
    expect(flagged.length).toBeGreaterThan(0);
    expect(flagged.length).toBeLessThan(names.length);
  });

  it('lets exactly the functions flagged portalSecret read the portal secret (GetSecretValue only), and the others only the origin-verify value', () => {
    for (const name of names) {
      const expected = readsPortalSecret(name) ? [ids.originVerify, ids.portalSecret] : [ids.originVerify];
      expect(readableSecrets(name), name).toEqual(expected.sort());
      if (!readsPortalSecret(name)) expect(JSON.stringify(statementsOf(name)), name).not.toContain(ids.portalSecret);
    }
  });

  it('names the portal secret in PORTAL_SECRET_ARN to exactly the flagged functions', () => {
    for (const [name, { props }] of portalFunctions) {
      const vars = (props.Environment as { Variables: Record<string, unknown> }).Variables;
      if (readsPortalSecret(name as FunctionName)) expect(vars.PORTAL_SECRET_ARN, name).toEqual({ Ref: ids.portalSecret });
      else expect(vars, name).not.toHaveProperty('PORTAL_SECRET_ARN');
    }
  });

  it('encrypts the portal secret with the same secrets key as the origin-verify value', () => {
    const secret = resourcesOf(synth.portalTemplate)[ids.portalSecret]?.Properties ?? {};
    expect(secret.KmsKeyId).toEqual({ 'Fn::GetAtt': [ids.secretsKey, 'Arn'] });
  });
});

describe('the table follows the shared definition', () => {
  it('is on-demand, point-in-time recoverable, protected from deletion and encrypted with our own key', () => {
    const [[, t] = ['', {}]] = ofType(synth.portalTemplate, 'AWS::DynamoDB::GlobalTable');
    const [replica] = t.Replicas as Record<string, unknown>[];
    expect(t.BillingMode).toBe('PAY_PER_REQUEST');
    expect(replica?.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(replica?.DeletionProtectionEnabled).toBe(true);
    expect(t.SSESpecification).toEqual({ SSEEnabled: true, SSEType: 'KMS' });
    expect(JSON.stringify(replica?.SSESpecification)).toMatch(/DataKey/);
    synth.portalTemplate.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });

  it('has the stream, TTL attribute, keys and GSIs of shared/src/table.ts', () => {
    const [[, t] = ['', {}]] = ofType(synth.portalTemplate, 'AWS::DynamoDB::GlobalTable');
    expect(t.StreamSpecification).toEqual({ StreamViewType: table.stream });
    expect(t.TimeToLiveSpecification).toEqual({ AttributeName: table.ttlAttribute, Enabled: true });
    expect(t.KeySchema).toEqual([
      { AttributeName: table.partitionKey, KeyType: 'HASH' },
      { AttributeName: table.sortKey, KeyType: 'RANGE' },
    ]);
    const indexes = t.GlobalSecondaryIndexes as { IndexName: string; KeySchema: unknown; Projection: unknown }[];
    expect(indexes.map((i) => i.IndexName).sort()).toEqual(Object.keys(table.indexes).sort());
    for (const index of indexes) {
      const design = table.indexes[index.IndexName as keyof typeof table.indexes];
      expect(index.KeySchema).toEqual([
        { AttributeName: design.partitionKey, KeyType: 'HASH' },
        { AttributeName: design.sortKey, KeyType: 'RANGE' },
      ]);
      expect(index.Projection).toEqual({ ProjectionType: 'ALL' });
    }
  });
});

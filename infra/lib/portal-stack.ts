/**
 * The portal stack: table, identity, HTTP API (routes, integrations, invoke permissions), documents,
 * secrets, alarm topic and the CloudFront site, with two nested stacks (ADR 0017): the HTTP
 * functions (`Functions`) and the jobs no route invokes (`Jobs`: stream consumer, schedules). Each
 * of the three templates stays far under CloudFormation's 500 resources as routes and jobs grow
 * (test/infra/cdk-nag-and-margin.test.ts). Everything is derived from shared/ (route table, job
 * table, table design, roles, headers).
 */
import { CfnOutput, CrossStackReferences, ReferenceStrength, Stack, type StackProps } from 'aws-cdk-lib';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { Construct } from 'constructs';
import { routes as routeTable, type Route } from '@portal/shared/routes';
import { DataTable } from './data-table';
import { FunctionsStack, type PortalFunctions } from './functions';
import { PortalHttpApi, RoutesStack } from './http-api';
import { JobsStack, type PortalJobs } from './jobs';
import { Identity } from './identity';
import { portalSettings } from './settings';
import { Site } from './site';
import { Storage } from './storage';

export interface PortalStackProps extends StackProps {
  /** ARN of the CloudFront web ACL (edge stack, us-east-1). */
  webAclArn: string;
  /** The route table; tests pass a longer one to measure what a route costs. */
  routes?: readonly Route[];
}

export class PortalStack extends Stack {
  readonly data: DataTable;
  readonly identity: Identity;
  /** The nested stack of the HTTP functions, and the functions in it. */
  readonly functionsStack: FunctionsStack;
  readonly functions: PortalFunctions;
  readonly httpApi: PortalHttpApi;
  /** The nested stack of the jobs, and the jobs in it. */
  readonly jobsStack: JobsStack;
  readonly jobs: PortalJobs;
  readonly storage: Storage;
  readonly site: Site;

  constructor(scope: Construct, id: string, props: PortalStackProps) {
    super(scope, id, props);
    // The web ACL ARN comes from the us-east-1 edge stack as a weak reference (Fn::GetStackOutput):
    // no ExportWriter/ExportReader custom-resource Lambdas in either stack (ADR 0004).
    CrossStackReferences.of(this).consume(ReferenceStrength.WEAK);
    this.data = new DataTable(this, 'Data');
    // From CDK context, not from the distribution below: see infra/lib/settings.ts (a cycle).
    const settings = portalSettings(this);
    this.identity = new Identity(this, 'Identity', { settings });
    this.storage = new Storage(this, 'Storage', { siteOrigin: new URL(settings.publicBaseUrl).origin });
    // Where the operator puts VNPay's credentials and the national provider's client secret: npm run setup:secrets reads it (infra/scripts/secret-store.ts; README, ADR 0022, 0023).
    new CfnOutput(this, 'PortalSecretArn', { value: this.storage.portalSecret.secretArn, description: 'The portal secret (JSON): fill it with npm run setup:secrets (vnpayTmnCode, vnpayHashSecret, hisSigningKey, oidcClientSecrets.<issuer id>)' });

    // The issuers every HTTP function trusts (ADR 0021, 0022); jobs verify no token and get none.
    const authIssuers = this.identity.issuersJson(this);
    // What every portal function is built from, HTTP functions and jobs alike.
    const functionContext = {
      table: this.data.table,
      tableKey: this.data.key,
      authIssuers,
      originVerify: { secret: this.storage.originVerifySecret, key: this.storage.secretsKey },
      portalSecret: { secret: this.storage.portalSecret, key: this.storage.secretsKey },
      documents: { bucket: this.storage.documents, key: this.storage.documentsKey },
      licenceKey: this.storage.licenceSigningKey,
      settings,
    };

    // Alarms go to one encrypted topic; operators subscribe their e-mail or chat hook to it.
    const alarmKey = new Key(this, 'AlarmTopicKey', { description: 'Portal alarm topic', enableKeyRotation: true });
    alarmKey.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    const alarms = new Topic(this, 'Alarms', { displayName: 'Portal alarms', masterKey: alarmKey, enforceSSL: true });

    const alarmAction = new SnsAction(alarms);

    // The HTTP functions in their nested stack; the API (routes, integrations, invoke permissions) here.
    this.functionsStack = new FunctionsStack(this, 'FunctionsStack', {
      ...functionContext,
      alarmAction,
      description: 'Cổng dịch vụ y tế: HTTP functions (nested in Portal)',
    });
    this.functions = this.functionsStack.functions;

    this.httpApi = new PortalHttpApi(this, 'Http', { alarmAction });
    // The routes, integrations and invoke permissions in their own template, after the functions (ADR 0017).
    new RoutesStack(this, 'RoutesStack', {
      api: this.httpApi.api,
      routes: props.routes ?? routeTable,
      functions: this.functions.byName,
      // Staff-only routes are checked at the gateway too, against the staff pool (ADR 0022).
      staffAuth: { issuer: this.identity.staff.issuer, audience: this.identity.staff.client.userPoolClientId },
    });

    // Functions no route invokes: the outbox on the table's stream, sweeps on schedules (ADR 0009), in their nested stack.
    this.jobsStack = new JobsStack(this, 'JobsStack', {
      ...functionContext,
      alarmAction,
      description: 'Cổng dịch vụ y tế: jobs on the table stream and on schedules (nested in Portal)',
    });
    this.jobs = this.jobsStack.jobs;

    this.site = new Site(this, 'Site', {
      api: this.httpApi.api,
      originVerifySecret: this.storage.originVerifySecret,
      logBucket: this.storage.logBucket,
      webAclArn: props.webAclArn,
    });
  }
}

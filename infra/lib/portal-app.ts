/**
 * Builds the whole CDK app (edge stack in us-east-1 + portal stack) so `infra/bin/app.ts` and the
 * infra tests synthesise exactly the same thing.
 */
import { App, Validations, type Environment } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { Route } from '@portal/shared/routes';
import { EdgeStack } from './edge-stack';
import { PortalStack } from './portal-stack';

/**
 * A placeholder account keeps synth free of lookups and credentials; deploys set the real one
 * (PORTAL_ACCOUNT, or the CLI's CDK_DEFAULT_ACCOUNT from the profile in use). The region is
 * PORTAL_REGION only: the CLI sets CDK_DEFAULT_REGION to us-east-1 when nothing is configured,
 * which would silently move the portal out of Asia.
 */
export const PLACEHOLDER_ACCOUNT = '123456789012';
export const DEFAULT_REGION = 'ap-southeast-1';

export function portalEnv(env: NodeJS.ProcessEnv = process.env): Required<Environment> {
  return {
    account: env.PORTAL_ACCOUNT ?? env.CDK_DEFAULT_ACCOUNT ?? PLACEHOLDER_ACCOUNT,
    region: env.PORTAL_REGION ?? DEFAULT_REGION,
  };
}

export interface PortalApp {
  app: App;
  edge: EdgeStack;
  portal: PortalStack;
}

export interface PortalAppOptions {
  app?: App;
  /** Register cdk-nag as a synth-time validation (the CLI then fails on any finding). */
  nag?: boolean;
  routes?: readonly Route[];
  env?: NodeJS.ProcessEnv;
}

export function buildPortalApp(options: PortalAppOptions = {}): PortalApp {
  const app = options.app ?? new App();
  const env = portalEnv(options.env);
  const edge = new EdgeStack(app, 'PortalEdge', {
    env: { account: env.account, region: 'us-east-1' },
    crossRegionReferences: true,
    // The portal reads the ACL ARN weakly (below), so CloudFormation would not stop a delete.
    terminationProtection: true,
    description: 'Cổng dịch vụ y tế: CloudFront web ACL (must live in us-east-1)',
  });
  const portal = new PortalStack(app, 'Portal', {
    env,
    crossRegionReferences: true,
    webAclArn: edge.webAclArn,
    ...(options.routes ? { routes: options.routes } : {}),
    description: 'Cổng dịch vụ y tế: API, data, identity and site',
  });
  if (options.nag) Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, edge, portal };
}

/**
 * Synthesises the real CDK app (the same builder as infra/bin/app.ts) for the infra tests. It takes
 * a few seconds (loading aws-cdk-lib, bundling each function with esbuild), so each test file calls
 * it once in `beforeAll`.
 */
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { Route } from '@portal/shared/routes';
import { buildPortalApp, type PortalApp } from '../../infra/lib/portal-app';

export interface Synthesised extends PortalApp {
  portalTemplate: Template;
  edgeTemplate: Template;
}

export interface SynthOptions {
  routes?: readonly Route[];
  /** Skip esbuild (CDK's `aws:cdk:bundling-stacks` context): for tests that only count resources. */
  skipBundling?: boolean;
  /** CDK context, as `cdk synth -c key=value` would set it (infra/lib/settings.ts). */
  context?: Record<string, unknown>;
}

export function synthPortal(options: SynthOptions = {}): Synthesised {
  const context = { ...options.context, ...(options.skipBundling ? { 'aws:cdk:bundling-stacks': [] } : {}) };
  const app = new App({ context });
  // A fixed environment: the tests must not depend on the operator's AWS profile.
  const built = buildPortalApp({ app, env: {}, ...(options.routes ? { routes: options.routes } : {}) });
  return { ...built, portalTemplate: Template.fromStack(built.portal), edgeTemplate: Template.fromStack(built.edge) };
}

type Resources = Record<string, { Type: string; Properties?: Record<string, unknown> }>;

export const resourcesOf = (template: Template): Resources => (template.toJSON() as { Resources: Resources }).Resources;

export const resourceCount = (template: Template): number => Object.keys(resourcesOf(template)).length;

export function ofType(template: Template, type: string): [string, Record<string, unknown>][] {
  return Object.entries(resourcesOf(template))
    .filter(([, r]) => r.Type === type)
    .map(([id, r]) => [id, r.Properties ?? {}]);
}

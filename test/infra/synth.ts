/**
 * Synthesises the real CDK app (the same builder as infra/bin/app.ts) for the infra tests. It takes
 * a few seconds (loading aws-cdk-lib, bundling each function with esbuild), so each test file calls
 * it once in `beforeAll`.
 *
 * The portal is three CloudFormation templates (ADR 0017): the portal stack and its nested stacks
 * `Functions` (the HTTP functions) and `Jobs`. Most tests ask about the portal as deployed — "the
 * role of the payments function may read the portal secret" — wherever each resource lives, so
 * `portalTemplate` is the three seen as one (`mergeNestedStacks`): every resource of every template,
 * with each nested stack's parameters replaced by what the portal stack passes in, and each
 * `Outputs.*` the portal stack reads replaced by the nested stack's output value. A reference then
 * reads as it would in one stack (`{ Ref: <secret> }`, `{ 'Fn::GetAtt': [<function>, 'Arn'] }`),
 * exactly as CloudFormation resolves it. `portalStacks` keeps each template on its own, for what
 * depends on where a resource lives (resource counts, placement).
 */
import { App, NestedStack, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { Route } from '@portal/shared/routes';
import { buildPortalApp, type PortalApp } from '../../infra/lib/portal-app';

export interface PortalStackTemplate {
  /** `Portal`, `Portal/FunctionsStack`, `Portal/JobsStack`. */
  path: string;
  stack: Stack;
  template: Template;
}

export interface Synthesised extends PortalApp {
  /** The portal stack and its nested stacks as one template (see above). */
  portalTemplate: Template;
  /** The portal stack's own template, then each nested stack's. */
  portalStacks: PortalStackTemplate[];
  edgeTemplate: Template;
}

export interface SynthOptions {
  routes?: readonly Route[];
  /** Skip esbuild (CDK's `aws:cdk:bundling-stacks` context): for tests that only count resources. */
  skipBundling?: boolean;
  /** CDK context, as `cdk synth -c key=value` would set it (infra/lib/settings.ts). */
  context?: Record<string, unknown>;
  /** Register cdk-nag as the synth-time validation, as infra/bin/app.ts does. */
  nag?: boolean;
}

export function synthPortal(options: SynthOptions = {}): Synthesised {
  const context = { ...options.context, ...(options.skipBundling ? { 'aws:cdk:bundling-stacks': [] } : {}) };
  const app = new App({ context });
  // A fixed environment: the tests must not depend on the operator's AWS profile.
  const built = buildPortalApp({ app, env: {}, ...(options.routes ? { routes: options.routes } : {}), ...(options.nag ? { nag: true } : {}) });
  const portalStacks = [built.portal, ...nestedStacksOf(built.portal, true)].map((stack) => ({ path: stack.node.path, stack, template: Template.fromStack(stack) }));
  return { ...built, portalTemplate: Template.fromJSON(mergeNestedStacks(built.portal)), portalStacks, edgeTemplate: Template.fromStack(built.edge) };
}

/** The nested stacks whose parent is `stack` (all below it when `deep`). */
export function nestedStacksOf(stack: Stack, deep = false): NestedStack[] {
  return stack.node
    .findAll()
    .filter((c): c is NestedStack => c instanceof NestedStack && (deep || c.nestedStackParent === stack));
}

type Json = Record<string, unknown>;
interface CfnTemplate {
  Resources: Record<string, Json>;
  Parameters?: Record<string, unknown>;
  Outputs?: Record<string, { Value: unknown }>;
  [section: string]: unknown;
}

/** Copies `value`, replacing every object for which `replace` returns something. */
function substitute(value: unknown, replace: (node: Json) => unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => substitute(v, replace));
  if (value === null || typeof value !== 'object') return value;
  const replaced = replace(value as Json);
  if (replaced !== undefined) return replaced;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, replace)]));
}

/**
 * `stack`'s template with its nested stacks' resources (recursively) merged in, references across
 * the boundary resolved as CloudFormation would: a nested stack's `{ Ref: <parameter> }` becomes the
 * value the parent passes for it, a parent's `Fn::GetAtt [<nested stack>, 'Outputs.<name>']` the
 * value of that output. Throws on anything it cannot resolve or on two resources with one logical
 * id, so the merged view never hides a broken reference.
 */
export function mergeNestedStacks(stack: Stack): CfnTemplate {
  const template = structuredClone(Template.fromStack(stack).toJSON()) as CfnTemplate;
  const outputsOf = new Map<string, Record<string, { Value: unknown }>>();
  for (const nested of nestedStacksOf(stack)) {
    const resourceId = stack.getLogicalId(nested.nestedStackResource!);
    const passed = (template.Resources[resourceId]?.Properties as { Parameters?: Json } | undefined)?.Parameters ?? {};
    const inner = mergeNestedStacks(nested);
    const declared = new Set(Object.keys(inner.Parameters ?? {}));
    const resolveParameters = (node: Json): unknown => {
      if (typeof node.Ref !== 'string' || !declared.has(node.Ref)) return undefined;
      if (!(node.Ref in passed)) throw new Error(`${nested.node.path}: parameter ${node.Ref} is not passed by ${stack.node.path}`);
      return passed[node.Ref];
    };
    for (const [id, resource] of Object.entries(inner.Resources)) {
      if (id in template.Resources) throw new Error(`Logical id ${id} is in both ${stack.node.path} and ${nested.node.path}`);
      template.Resources[id] = substitute(resource, resolveParameters) as Json;
    }
    outputsOf.set(resourceId, substitute(inner.Outputs ?? {}, resolveParameters) as Record<string, { Value: unknown }>);
  }
  const resolveOutputs = (node: Json): unknown => {
    const getAtt = node['Fn::GetAtt'];
    if (!Array.isArray(getAtt) || !outputsOf.has(getAtt[0] as string)) return undefined;
    const [resourceId, attribute] = getAtt as [string, string];
    const output = outputsOf.get(resourceId)?.[attribute.replace(/^Outputs\./, '')];
    if (!attribute.startsWith('Outputs.') || !output) throw new Error(`${stack.node.path}: no ${attribute} in nested stack ${resourceId}`);
    return output.Value;
  };
  template.Resources = substitute(template.Resources, resolveOutputs) as CfnTemplate['Resources'];
  if (template.Outputs) template.Outputs = substitute(template.Outputs, resolveOutputs) as CfnTemplate['Outputs'];
  return template;
}

type Resources = Record<string, { Type: string; Properties?: Record<string, unknown> }>;

export const resourcesOf = (template: Template): Resources => (template.toJSON() as { Resources: Resources }).Resources;

export const resourceCount = (template: Template): number => Object.keys(resourcesOf(template)).length;

export function ofType(template: Template, type: string): [string, Record<string, unknown>][] {
  return Object.entries(resourcesOf(template))
    .filter(([, r]) => r.Type === type)
    .map(([id, r]) => [id, r.Properties ?? {}]);
}

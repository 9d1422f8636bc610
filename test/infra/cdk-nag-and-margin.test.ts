/**
 * cdk-nag over every template, and CloudFormation's 500-resource limit per template (ADR 0002, 0005,
 * 0017). The portal is four templates — the portal stack (API, data, identity, site) and its nested
 * stacks Functions (the HTTP functions), Routes (the API's routes, integrations and invoke
 * permissions) and Jobs — and each must stay well under the limit today and at the projection: four
 * times today's routes or 150, twice today's jobs or 6, and twice today's HTTP functions, each priced
 * at what it costs in that template.
 */
import { CfnResource, Stack } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { jobs } from '@portal/shared/jobs';
import { FUNCTIONS, routes, type Route } from '@portal/shared/routes';
import { ofType, resourceCount, resourcesOf, synthPortal, type Synthesised } from './synth';

const CLOUDFORMATION_LIMIT = 500;
/** Our own ceiling: leave room for what later issues add besides routes (queues, schedules…). */
const PROJECTED_CEILING = 400;
const EXTRA_ROUTES = 10;
/** A job (function, role, policy, log group, trigger, dead-letter queue and alarms) may cost at most this. */
const PER_JOB_CEILING = 15;
/** An HTTP function (function, role, policy, log group, two alarms; integration and invoke permission) may cost at most this, all templates together. */
const PER_FUNCTION_CEILING = 10;

/** Routes that look like real ones (auth and public, all functions), for measuring only. */
function longerTable(): Route[] {
  const extra: Route[] = Array.from({ length: EXTRA_ROUTES }, (_, i) => {
    const like = routes[i % routes.length] as Route;
    return { ...like, id: `margin.r${i}`, method: 'GET', path: `/api/margin-probe-${i}/{id}` };
  });
  return [...routes, ...extra];
}

let real: Synthesised;
let longer: Synthesised;
beforeAll(() => {
  // With cdk-nag registered as infra/bin/app.ts registers it: synth throws on any unacknowledged
  // finding in any stack, nested ones included (the plugin walks the whole app).
  real = synthPortal({ nag: true });
  longer = synthPortal({ routes: longerTable(), skipBundling: true });
});

const PATHS = ['Portal', 'Portal/FunctionsStack', 'Portal/RoutesStack', 'Portal/JobsStack'] as const;
type StackPath = (typeof PATHS)[number];
const templateAt = (synth: Synthesised, path: StackPath): Template => {
  const found = synth.portalStacks.find((s) => s.path === path);
  if (!found) throw new Error(`No stack ${path}`);
  return found.template;
};
const stackAt = (path: StackPath): Stack => real.portalStacks.find((s) => s.path === path)?.stack as Stack;

describe('cdk-nag AwsSolutions', () => {
  it('has exactly the templates this file measures: the portal stack and its three nested stacks', () => {
    expect(real.portalStacks.map((s) => s.path)).toEqual([...PATHS]);
  });

  for (const path of PATHS) {
    it(`finds nothing unacknowledged in ${path}${path === 'Portal' ? ' (its nested stacks included)' : ''}`, () => {
      const report = new AwsSolutionsChecks().validateScope(stackAt(path));
      const summary = report.violations.map((v) => `${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`);
      expect(summary).toEqual([]);
      expect(report.success).toBe(true);
    });
  }

  it('finds nothing unacknowledged in the edge stack', () => {
    const report = new AwsSolutionsChecks().validateScope(real.edge);
    expect(report.violations.map((v) => v.ruleName)).toEqual([]);
  });

  it("checks the nested stacks' roles against their own templates (the wildcard acknowledgements name the nested stacks' parameters)", () => {
    // A role in a nested stack sees the table as a parameter, so its acknowledged finding must
    // name that parameter, not the table's logical id in the portal stack.
    const role = real.portal.functions.byName.catalogue.role as IConstruct;
    const acknowledged = role.node.metadata.flatMap((m) => Object.keys((m.data ?? {}) as object));
    const tableArn = Stack.of(role).resolve(real.portal.data.table.tableArn) as { Ref: string };
    expect(Object.keys(resourcesOf(templateAt(real, 'Portal/FunctionsStack')))).not.toContain(tableArn.Ref);
    expect((templateAt(real, 'Portal/FunctionsStack').toJSON() as { Parameters: object }).Parameters).toHaveProperty(tableArn.Ref);
    expect(acknowledged.some((id) => id.endsWith(`AwsSolutions-IAM5[Resource::<${tableArn.Ref}>/index/*]`))).toBe(true);
  });
});

describe('the nested stacks depend on the portal stack (and Routes on Functions), never the other way round (no cycle)', () => {
  it('passes each nested stack only resources that depend on no nested stack, but the Routes stack the functions', () => {
    const resources = resourcesOf(templateAt(real, 'Portal')) as Record<string, { Type: string; DependsOn?: string | string[] }>;
    const nested = new Set(ofType(templateAt(real, 'Portal'), 'AWS::CloudFormation::Stack').map(([id]) => id));
    expect(nested.size).toBe(3);
    // The Routes stack takes the functions' ARNs, the Functions stack's outputs: created after it, and nothing takes anything of the Routes stack.
    const mayTake = (stackId: string) => (stackId.startsWith('RoutesStack') ? [...nested].filter((id) => id.startsWith('FunctionsStack')) : []);
    /** Logical ids a value refers to (Ref, Fn::GetAtt), pseudo parameters aside. */
    const refs = (value: unknown, found = new Set<string>()): Set<string> => {
      if (Array.isArray(value)) for (const v of value) refs(v, found);
      else if (value && typeof value === 'object') {
        const node = value as Record<string, unknown>;
        if (typeof node.Ref === 'string' && node.Ref in resources) found.add(node.Ref);
        const getAtt = node['Fn::GetAtt'];
        if (Array.isArray(getAtt) && typeof getAtt[0] === 'string' && getAtt[0] in resources) found.add(getAtt[0]);
        for (const v of Object.values(node)) refs(v, found);
      }
      return found;
    };
    const dependsOn = (id: string, seen = new Set<string>()): Set<string> => {
      const resource = resources[id];
      if (!resource || seen.has(id)) return seen;
      seen.add(id);
      const direct = new Set([...refs(resource), ...[resource.DependsOn ?? []].flat()]);
      for (const next of direct) dependsOn(next, seen);
      return seen;
    };
    for (const stackId of nested) {
      const passed = refs((resources[stackId] as { Properties?: { Parameters?: unknown } }).Properties?.Parameters);
      expect(passed.size, stackId).toBeGreaterThan(0);
      for (const id of passed) {
        const closure = [...dependsOn(id)];
        expect(closure.filter((d) => nested.has(d) && !mayTake(stackId).includes(d)), `${stackId} takes ${id}, which depends on a nested stack`).toEqual([]);
      }
    }
  });
});

describe('CloudFormation resource margin, per template', () => {
  const count = (synth: Synthesised, path: StackPath) => resourceCount(templateAt(synth, path));
  const perRoute = (path: StackPath) => (count(longer, path) - count(real, path)) / EXTRA_ROUTES;

  /** CloudFormation resources of `owners`' constructs under `scope`, by owner (longest matching id prefix) and by template. */
  const costByOwner = (scope: IConstruct, owners: readonly string[]): Map<string, Map<StackPath, number>> => {
    const counts = new Map(owners.map((o) => [o, new Map<StackPath, number>()]));
    // Longest id first: an id that prefixes another (e.g. `sweep`, `sweepAll`) still counts right.
    const byLength = [...owners].sort((a, b) => b.length - a.length);
    for (const child of scope.node.children) {
      const owner = byLength.find((o) => child.node.id.startsWith(o));
      if (!owner) continue;
      for (const resource of child.node.findAll().filter((c) => CfnResource.isCfnResource(c))) {
        const path = Stack.of(resource).node.path as StackPath;
        const byStack = counts.get(owner) as Map<StackPath, number>;
        byStack.set(path, (byStack.get(path) ?? 0) + 1);
      }
    }
    return counts;
  };
  const total = (byStack: Map<StackPath, number> | undefined) => [...(byStack ?? new Map<StackPath, number>()).values()].reduce((a, b) => a + b, 0);
  /** Each job's resources (ADR 0009), by template. */
  const perJob = () => costByOwner(real.portal.jobs, jobs.map((j) => j.id));
  /**
   * Each HTTP function's resources, by template: in the Functions stack those of its constructs; in
   * the Routes stack its integration and invoke permission, one of each per function (ADR 0005;
   * test/infra/api-and-functions.test.ts ties each to its function).
   */
  const perFunction = (): Map<string, Map<StackPath, number>> => {
    const names = Object.keys(FUNCTIONS);
    const costs = costByOwner(real.portal.functions, names);
    const routesTemplate = templateAt(real, 'Portal/RoutesStack');
    const integrations = ofType(routesTemplate, 'AWS::ApiGatewayV2::Integration').length;
    const permissions = ofType(routesTemplate, 'AWS::Lambda::Permission').length;
    expect([integrations, permissions]).toEqual([names.length, names.length]);
    for (const byStack of costs.values()) byStack.set('Portal/RoutesStack', 2);
    return costs;
  };
  const maxIn = (costs: Map<string, Map<StackPath, number>>, path: StackPath) => Math.max(0, ...[...costs.values()].map((byStack) => byStack.get(path) ?? 0));

  it('keeps every template well under the 500-resource limit today', () => {
    console.log(`resources today (${routes.length} routes, ${Object.keys(FUNCTIONS).length} functions, ${jobs.length} jobs): ${PATHS.map((p) => `${p} ${count(real, p)}`).join(', ')}, PortalEdge ${resourceCount(real.edgeTemplate)}`);
    for (const path of PATHS) expect(count(real, path), path).toBeLessThan(CLOUDFORMATION_LIMIT / 2);
    expect(resourceCount(real.edgeTemplate)).toBeLessThan(CLOUDFORMATION_LIMIT / 2);
  });

  it('adds at most one resource per new route, in the Routes stack (the Route; integration and invoke permission are per function), none elsewhere', () => {
    console.log(`marginal resources per route: ${PATHS.map((p) => `${p} ${perRoute(p)}`).join(', ')}`);
    expect(perRoute('Portal/RoutesStack')).toBeLessThanOrEqual(1);
    expect(perRoute('Portal')).toBe(0);
    expect(perRoute('Portal/FunctionsStack')).toBe(0);
    expect(perRoute('Portal/JobsStack')).toBe(0);
  });

  it(`costs at most ${PER_JOB_CEILING} resources per job (trigger, queue and alarms included), all in the Jobs stack`, () => {
    const costs = perJob();
    console.log(`resources per job: ${[...costs].map(([id, byStack]) => `${id} ${total(byStack)}`).join(', ')}`);
    for (const [id, byStack] of costs) {
      expect([...byStack.keys()], id).toEqual(['Portal/JobsStack']);
      expect(total(byStack), id).toBeGreaterThan(0);
      expect(total(byStack), id).toBeLessThanOrEqual(PER_JOB_CEILING);
    }
  });

  it(`costs at most ${PER_FUNCTION_CEILING} resources per HTTP function: its own in the Functions stack, its integration and permission in the Routes stack`, () => {
    const costs = perFunction();
    console.log(`resources per HTTP function: ${[...costs].map(([name, byStack]) => `${name} ${byStack.get('Portal/FunctionsStack')}+${byStack.get('Portal/RoutesStack')}`).join(', ')}`);
    for (const [name, byStack] of costs) {
      expect(byStack.get('Portal/FunctionsStack'), name).toBeGreaterThan(0);
      expect(byStack.has('Portal/JobsStack'), name).toBe(false);
      expect(total(byStack), name).toBeLessThanOrEqual(PER_FUNCTION_CEILING);
    }
  });

  // Jobs grow more slowly than routes (a handful per issue at most): twice today's, at least 6.
  // Functions group routes by area and access (ADR 0002): twice today's.
  const targetRoutes = Math.max(4 * routes.length, 150);
  const targetJobs = Math.max(2 * jobs.length, 6);
  const targetFunctions = 2 * Object.keys(FUNCTIONS).length;
  for (const path of PATHS) {
    it(`keeps ${path} at or under ${PROJECTED_CEILING} resources at ${targetRoutes} routes, ${targetJobs} jobs and ${targetFunctions} HTTP functions`, () => {
      const projected =
        count(real, path) +
        (targetRoutes - routes.length) * perRoute(path) +
        (targetJobs - jobs.length) * maxIn(perJob(), path) +
        (targetFunctions - Object.keys(FUNCTIONS).length) * maxIn(perFunction(), path);
      console.log(`projected ${path} at ${targetRoutes} routes, ${targetJobs} jobs and ${targetFunctions} functions: ${projected}`);
      expect(projected).toBeLessThanOrEqual(PROJECTED_CEILING);
    });
  }
});

import { CfnResource } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { jobs } from '@portal/shared/jobs';
import { routes, type Route } from '@portal/shared/routes';
import { resourceCount, synthPortal, type Synthesised } from './synth';

const CLOUDFORMATION_LIMIT = 500;
/** Our own ceiling: leave room for what later issues add besides routes (queues, schedules…). */
const PROJECTED_CEILING = 400;
const EXTRA_ROUTES = 10;
/** A job (function, role, policy, log group, trigger, dead-letter queue and alarms) may cost at most this. */
const PER_JOB_CEILING = 15;

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
  real = synthPortal();
  longer = synthPortal({ routes: longerTable(), skipBundling: true });
});

describe('cdk-nag AwsSolutions', () => {
  for (const which of ['portal', 'edge'] as const) {
    it(`finds nothing unacknowledged in the ${which} stack`, () => {
      const report = new AwsSolutionsChecks().validateScope(real[which]);
      const summary = report.violations.map((v) => `${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`);
      expect(summary).toEqual([]);
      expect(report.success).toBe(true);
    });
  }
});

describe('CloudFormation resource margin', () => {
  it('keeps both stacks well under the 500-resource limit today', () => {
    console.log(`resources: Portal ${resourceCount(real.portalTemplate)}, PortalEdge ${resourceCount(real.edgeTemplate)}`);
    expect(resourceCount(real.portalTemplate)).toBeLessThan(CLOUDFORMATION_LIMIT / 2);
    expect(resourceCount(real.edgeTemplate)).toBeLessThan(CLOUDFORMATION_LIMIT / 2);
  });

  it('adds at most one resource per new route (the Route; integration and invoke permission are per function)', () => {
    const perRoute = (resourceCount(longer.portalTemplate) - resourceCount(real.portalTemplate)) / EXTRA_ROUTES;
    console.log(`marginal resources per route: ${perRoute}`);
    expect(perRoute).toBeLessThanOrEqual(1);
  });

  /** CloudFormation resources of each job: everything under Portal/Jobs whose top-level id starts with the job's id (ADR 0009). */
  const resourcesPerJob = (): Map<string, number> => {
    const scope = real.portal.jobs;
    const counts = new Map<string, number>(jobs.map((j) => [j.id, 0]));
    for (const child of scope.node.children) {
      // Longest id first: a job id that prefixes another (e.g. `sweep`, `sweepAll`) still counts right.
      const owner = [...jobs].sort((a, b) => b.id.length - a.id.length).find((j) => child.node.id.startsWith(j.id));
      if (!owner) continue;
      const n = child.node.findAll().filter((c) => CfnResource.isCfnResource(c)).length;
      counts.set(owner.id, (counts.get(owner.id) ?? 0) + n);
    }
    return counts;
  };

  it(`costs at most ${PER_JOB_CEILING} resources per job (trigger, queue and alarms included)`, () => {
    const perJob = resourcesPerJob();
    console.log(`resources per job: ${[...perJob].map(([id, n]) => `${id} ${n}`).join(', ')}`);
    for (const [id, n] of perJob) {
      expect(n, id).toBeGreaterThan(0);
      expect(n, id).toBeLessThanOrEqual(PER_JOB_CEILING);
    }
  });

  // Jobs grow more slowly than routes (a handful per issue at most): twice today's, at least 6.
  it(`stays at or under ${PROJECTED_CEILING} resources at four times today's routes or 150 routes, whichever is larger, and twice today's jobs or 6`, () => {
    const perRoute = (resourceCount(longer.portalTemplate) - resourceCount(real.portalTemplate)) / EXTRA_ROUTES;
    const target = Math.max(4 * routes.length, 150);
    const targetJobs = Math.max(2 * jobs.length, 6);
    const perJob = Math.max(...resourcesPerJob().values());
    const projected = resourceCount(real.portalTemplate) + (target - routes.length) * perRoute + (targetJobs - jobs.length) * perJob;
    console.log(`projected at ${target} routes and ${targetJobs} jobs: ${projected}`);
    expect(projected).toBeLessThanOrEqual(PROJECTED_CEILING);
  });
});

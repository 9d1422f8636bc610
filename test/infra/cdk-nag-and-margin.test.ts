import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { routes, type Route } from '@portal/shared/routes';
import { resourceCount, synthPortal, type Synthesised } from './synth';

const CLOUDFORMATION_LIMIT = 500;
/** Our own ceiling: leave room for what later issues add besides routes (queues, schedules…). */
const PROJECTED_CEILING = 400;
const EXTRA_ROUTES = 10;

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

  it(`stays at or under ${PROJECTED_CEILING} resources at four times today's routes or 150 routes, whichever is larger`, () => {
    const perRoute = (resourceCount(longer.portalTemplate) - resourceCount(real.portalTemplate)) / EXTRA_ROUTES;
    const target = Math.max(4 * routes.length, 150);
    const projected = resourceCount(real.portalTemplate) + (target - routes.length) * perRoute;
    console.log(`projected at ${target} routes: ${projected}`);
    expect(projected).toBeLessThanOrEqual(PROJECTED_CEILING);
  });
});

/**
 * Every route × every role (and no sign-in): a caller the route table does not admit never gets a
 * 2xx, and a refused write changes nothing in the table. New routes join the matrix by being in
 * the route table; give their path parameters and a sample body in test/helpers/route-samples.ts.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsers } from '../../functions/src/local/demo-users';
import { allowsRoute } from '../../shared/src/policy';
import { ROLES, type Principal } from '../../shared/src/roles';
import { routes, type Route } from '../../shared/src/routes';
import { startTestPortal, type TestPortal } from '../helpers/portal';
import { COOKIE_SESSION_ROUTES, SAMPLE_BODIES, SAMPLE_PARAMS, SAMPLE_QUERY } from '../helpers/route-samples';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(() => portal.close());

const callers = [undefined, ...ROLES.map((role) => demoUsers.find((u) => u.role === role)!)];
const pathOf = (route: Route) => route.path.replace(/\{(\w+)\+?\}/g, (_, name: string) => encodeURIComponent(SAMPLE_PARAMS[name] ?? 'x'));
const principalOf = (user: (typeof demoUsers)[number]): Principal => ({ userId: user.id, role: user.role, name: user.name, duties: user.duties ?? [], hospitalId: user.hospitalId, unitId: user.unitId, organisationId: user.organisationId });
/** Everything in the table except the audit log: what a refused write must leave untouched. */
const snapshot = async () => ((await portal.db.send(new ScanCommand({ TableName: portal.tableName }))).Items ?? []).filter((i) => !String(i.pk).startsWith('AUDIT#'));

describe.each(routes.map((route) => [route.id, route] as const))('route %s', (_id, route) => {
  it.each(callers.map((user) => [user?.role ?? 'anonymous', user] as const))('as %s', async (_role, user) => {
    const admitted = allowsRoute(route.auth, user && principalOf(user)) === 'allowed';
    const before = route.access === 'write' && !admitted ? await snapshot() : undefined;
    const body = SAMPLE_BODIES[route.id];
    const response = await portal.request(pathOf(route) + (SAMPLE_QUERY[route.id] ?? ''), {
      method: route.method === 'ANY' ? 'GET' : route.method,
      as: user?.id,
      ...(body ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}),
    });
    if (COOKIE_SESSION_ROUTES.has(route.id)) {
      const anonymous = await portal.request(pathOf(route), { method: route.method, ...(body ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}) });
      expect(response.status, `${route.id}: a bearer token must not stand in for the refresh cookie`).toBe(anonymous.status);
    } else if (admitted) {
      expect([401, 403], `${route.id} refused an admitted caller`).not.toContain(response.status);
    } else {
      expect(response.status, `${route.id} let in a caller it should refuse`).toBe(user ? 403 : 401);
      if (before) expect(await snapshot()).toEqual(before);
    }
    expect(response.status).toBeLessThan(500);
  });
});

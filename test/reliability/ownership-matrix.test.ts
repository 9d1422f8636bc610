/**
 * Ownership over every route that takes a resource × every demo user × resources of both sides of
 * each boundary (citizen-an / citizen-binh, clinic-owner-minh's organisation, unit Nghiệp vụ Y /
 * Dược, hospital Chợ Rẫy / Nhi Đồng 1). What the caller may touch comes from shared/src/policy.ts
 * (canAccess), so the test and the services ask the same question. Asserts: no 2xx on another's
 * resource (404 for a resource by id, 403 for another hospital's path), refused writes change
 * nothing, entitled callers are let through, and every list holds only the caller's items.
 */
import { GetCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsers, type DemoUser } from '../../functions/src/local/demo-users';
import { allowsRoute, canAccess, type Ownership } from '../../shared/src/policy';
import type { Principal } from '../../shared/src/roles';
import { routes, type Route } from '../../shared/src/routes';
import { keys } from '../../shared/src/table';
import { startTestPortal, type TestPortal } from '../helpers/portal';
import { LIST_ROUTES, NO_OWNED_RESOURCE, OWNERSHIP_CASES, type Target } from './ownership-cases';
import { CR, ND, makeFixtures, type Fixtures } from './ownership-fixtures';

let portal: TestPortal;
let fixtures: Fixtures;
const counts = { routes: 0, cases: 0, unexpected2xx: 0, listsChecked: 0, itemsChecked: 0, foreignItems: 0 };

beforeAll(async () => {
  portal = await startTestPortal();
  fixtures = await makeFixtures(portal);
});
afterAll(async () => {
  console.info(`ownership matrix: ${counts.routes} routes covered, ${counts.cases} cases, ${counts.unexpected2xx} unexpected 2xx; ${counts.listsChecked} lists, ${counts.itemsChecked} items, ${counts.foreignItems} foreign items`);
  await portal?.close();
});

const principalOf = (u: DemoUser): Principal => ({ userId: u.id, role: u.role, name: u.name, duties: u.duties ?? [], hospitalId: u.hospitalId, unitId: u.unitId, organisationId: u.organisationId });
const pathOf = (route: Route, params: Record<string, string>) => route.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? 'x'));
const snapshot = async () => ((await portal.db.send(new ScanCommand({ TableName: portal.tableName }))).Items ?? []).filter((i) => !String(i.pk).startsWith('AUDIT#'));
const admitted = (route: Route, p: Principal) => allowsRoute(route.auth, p) === 'allowed';
const entitled = (p: Principal, t: Target) => t.owners.every((o) => canAccess(p, o));

async function send(route: Route, target: Target, as: string): Promise<{ status: number; text: string }> {
  const response = await portal.request(pathOf(route, target.params) + (target.query ?? ''), {
    method: route.method, as,
    headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
    ...(target.body === undefined ? {} : { body: JSON.stringify(target.body) }),
  });
  return { status: response.status, text: await response.text() };
}

const casesOf = (route: Route) => OWNERSHIP_CASES[route.id as keyof typeof OWNERSHIP_CASES]?.(fixtures) ?? [];
const withCases = routes.filter((r) => OWNERSHIP_CASES[r.id as keyof typeof OWNERSHIP_CASES]);

it('has an ownership case, or a stated reason for none, for every route', () => {
  const missing = routes.filter((r) => !(r.id in OWNERSHIP_CASES) && !(r.id in NO_OWNED_RESOURCE)).map((r) => `no ownership case for route ${r.id}`);
  expect(missing).toEqual([]);
  counts.routes = withCases.length + Object.keys(LIST_ROUTES).filter((id) => !(id in OWNERSHIP_CASES)).length + 1; // + inbox.receive
});

describe.each(withCases.map((r) => [r.id, r] as const))('%s', (_id, route) => {
  it('refuses every caller on a resource that is not theirs, and a refused write changes nothing', async () => {
    const failures: string[] = [];
    // One snapshot around all of the route's refusals (a scan per request would double the run).
    const before = route.access === 'write' ? await snapshot() : undefined;
    for (const target of casesOf(route)) {
      for (const user of demoUsers) {
        const p = principalOf(user);
        if (admitted(route, p) && entitled(p, target)) continue;
        counts.cases++;
        const want = admitted(route, p) ? target.denied(p) : 403;
        const { status, text } = await send(route, target, user.id);
        if (status < 300) counts.unexpected2xx++;
        if (status !== want) failures.push(`${user.id} on ${target.label}: ${status} (want ${want}) ${text.slice(0, 160)}`);
      }
    }
    expect(failures).toEqual([]);
    if (before) expect(await snapshot(), 'a refused write changed the table').toEqual(before);
  });
});

describe.each(withCases.map((r) => [r.id, r] as const))('%s', (_id, route) => {
  it('lets through the callers whose resource it is', async () => {
    const failures: string[] = [];
    for (const target of casesOf(route)) {
      for (const user of demoUsers.filter((u) => admitted(route, principalOf(u)) && entitled(principalOf(u), target))) {
        counts.cases++;
        const { status, text } = await send(route, target, user.id);
        const refused = [401, 403, 404].includes(status) && !target.alsoFine?.includes(status);
        if (refused || status >= 500) failures.push(`${user.id} on ${target.label}: ${status} ${text.slice(0, 160)}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

/** Who a listed item belongs to, read from the table (not from the answer being checked). */
async function ownershipOf(routeId: string, item: Record<string, unknown>, caller: Principal): Promise<Ownership | undefined> {
  const get = async (key: { pk: string; sk: string }) => (await portal.db.send(new GetCommand({ TableName: portal.tableName, Key: key }))).Item;
  if (routeId === 'patients.list') return (await get(keys.patientProfile(caller.userId, String(item.patientProfileId ?? item.profileId)))) ? { ownerId: caller.userId } : {};
  if (routeId === 'schedule.sessions') return { hospitalId: String(item.sessionId).split('.')[0] };
  if (routeId === 'me.dataAccess') {
    // The stored entries of that target at that instant: whose data they say it is.
    const target = item.target as { type: string; id: string };
    const { Items = [] } = await portal.db.send(new QueryCommand({
      TableName: portal.tableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :at)',
      ExpressionAttributeValues: { ':pk': keys.auditTarget(target.type, target.id).pk, ':at': `${String(item.at)}#` },
    }));
    const subjects = [...new Set(Items.map((i) => i.subjectId as string | undefined))];
    return subjects.length === 1 && subjects[0] ? { ownerId: subjects[0] } : undefined;
  }
  if (item.dossierId) {
    const d = await get(keys.dossier(String(item.dossierId)));
    return d && { ownerId: d.ownerId, organisationId: d.organisationId, unitId: d.unitId };
  }
  if (item.appointmentId) {
    const a = await get(keys.appointment(String(item.appointmentId)));
    return a && { ownerId: a.userId, hospitalId: a.hospitalId };
  }
  const stored = item.refundId ? await get(keys.refund(String(item.refundId))) : item.paymentId ? await get(keys.payment(String(item.paymentId))) : item.billId ? await get(keys.bill(String(item.billId))) : undefined;
  return stored && { hospitalId: stored.hospitalId };
}

const itemsOf = (body: unknown): Record<string, unknown>[] => {
  if (Array.isArray(body)) return body as Record<string, unknown>[];
  const found = Object.values((body ?? {}) as object).find(Array.isArray);
  return (found ?? []) as Record<string, unknown>[];
};

it('returns no foreign item in any list, for any caller', async () => {
  const failures: string[] = [];
  for (const [routeId, spec] of Object.entries(LIST_ROUTES)) {
    const route = routes.find((r) => r.id === routeId)!;
    for (const user of demoUsers.filter((u) => admitted(route, principalOf(u)))) {
      const p = principalOf(user);
      const specialty = p.hospitalId === ND ? 'nhi-tong-quat' : 'tim-mach';
      const path = pathOf(route, { hospitalId: p.hospitalId ?? CR }) + (spec.query ?? (route.id === 'schedule.sessions' ? `?specialty=${specialty}` : ''));
      const response = await portal.request(path, { as: user.id });
      if (response.status !== 200) { failures.push(`${user.id} ${routeId}: ${response.status}`); continue; }
      const items = itemsOf(await response.json());
      counts.listsChecked++;
      for (const item of items) {
        counts.itemsChecked++;
        const owner = await ownershipOf(routeId, item, p);
        // "Who read my data" is the caller's own as subject only: an admin's list holds no one else's either.
        const foreign = routeId === 'me.dataAccess' ? owner?.ownerId !== p.userId : !owner || !canAccess(p, owner);
        if (foreign) {
          counts.foreignItems++;
          failures.push(`${user.id} ${routeId}: foreign item ${JSON.stringify(item).slice(0, 120)}`);
        }
      }
    }
  }
  expect(failures).toEqual([]);
  expect(counts.itemsChecked).toBeGreaterThan(0);
});

it('receives in bulk only dossiers of the officer\'s own unit, changing nothing of another unit\'s', async () => {
  const foreign = fixtures.dossiers.find((d) => d.owner.unitId === 'unit-nghiep-vu-duoc')!;
  const before = await snapshot();
  counts.cases++;
  const response = await portal.request('/api/inbox/receive', { as: 'officer-lan', method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ items: [{ dossierId: foreign.id, version: foreign.version }] }) });
  const body = (await response.json()) as { results: { ok: boolean }[] };
  if (body.results?.some((r) => r.ok)) counts.unexpected2xx++;
  expect(body.results).toEqual([expect.objectContaining({ ok: false })]);
  expect(await snapshot()).toEqual(before);
});

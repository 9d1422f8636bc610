/**
 * The audit log: every staff write route (auth only staff roles, table access 'write'), called
 * once successfully, leaves exactly one entry per target it changed or read — naming actor, action,
 * target, time and request, with no personal data — and no other entry anywhere. The log cannot
 * be rewritten: a second Put on an entry's key fails (attribute_not_exists), and every function's
 * role in the synthesised CDK template is denied UpdateItem, DeleteItem and BatchWriteItem on
 * AUDIT# partitions while its audit Puts (PutItem inside TransactWriteItems) stay allowed.
 */
import { PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF_ROLES } from '../../shared/src/roles';
import { routes, type Route } from '../../shared/src/routes';
import { startTestPortal, type TestPortal } from '../helpers/portal';
import { synthPortal } from '../infra/synth';
import { AUDIT_CASES, NOT_AUDITED } from './audit-cases';
import { makeFixtures, type Fixtures } from './ownership-fixtures';

let portal: TestPortal;
let fixtures: Fixtures;
const counts = { routes: 0, calls: 0, entries: 0, wrong: 0 };

beforeAll(async () => {
  portal = await startTestPortal();
  fixtures = await makeFixtures(portal);
});
afterAll(async () => {
  console.info(`audit: ${counts.routes} staff write routes, ${counts.calls} actions, ${counts.entries} entries, ${counts.wrong} not exactly one`);
  await portal?.close();
});

const staffWrites = routes.filter((r: Route) => r.auth !== 'public' && r.auth.roles.every((role) => STAFF_ROLES.includes(role)) && r.access === 'write');
const auditItems = async () => ((await portal.db.send(new ScanCommand({ TableName: portal.tableName, FilterExpression: 'begins_with(pk, :a)', ExpressionAttributeValues: { ':a': 'AUDIT#' } }))).Items ?? []);
const ENTRY_FIELDS = ['pk', 'sk', 'type', 'actorId', 'actorRole', 'action', 'targetType', 'targetId', 'at', 'requestId', 'details',
  // ADR 0025: who the actor works for (shown to the data subject), the target's code, and whose data it is (indexed under them).
  'actorName', 'actorUnitId', 'actorHospitalId', 'targetCode', 'subjectId', 'ownerPk', 'ownerSk'];
/** Personal data an entry must not carry: ID numbers, phone numbers, e-mail addresses, names from the fixtures. */
const PERSONAL = /\b\d{9,12}\b|@|Nguyễn|Trần|Bệnh Nhân|Chủ Sở Hữu/;

it('covers every staff write route, or says why it leaves no entry', () => {
  const missing = staffWrites.filter((r) => !(r.id in AUDIT_CASES) && !(r.id in NOT_AUDITED)).map((r) => `no audit case for route ${r.id}`);
  expect(missing).toEqual([]);
  counts.routes = staffWrites.length;
});

describe.each(staffWrites.filter((r) => r.id in AUDIT_CASES).map((r) => [r.id] as const))('%s', (id) => {
  it('leaves exactly one audit entry per target, naming actor, action, target and time, without personal data', async () => {
    for (const call of await AUDIT_CASES[id]!(portal, fixtures)) {
      counts.calls++;
      const before = new Set((await auditItems()).map((i) => `${i.pk}|${i.sk}`));
      const started = Date.now();
      const response = await portal.request(call.path, { method: call.method, as: call.as, headers: { 'content-type': 'application/json' }, ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }) });
      const text = await response.text();
      expect(response.status, `${call.label}: ${text.slice(0, 300)}`).toBeLessThan(300);
      const answer = (text.startsWith('{') ? JSON.parse(text) : {}) as Record<string, unknown>;
      const added = (await auditItems()).filter((i) => !before.has(`${i.pk}|${i.sk}`));
      counts.entries += added.length;
      const expected = call.expect(answer);
      // A target ending in '.' names a prefix (sessions made or closed on a day: ids end in their start time).
      const matches = (target: string, item: Record<string, unknown>) => (target.endsWith('.') ? String(item.pk).startsWith(`AUDIT#${target}`) : item.pk === `AUDIT#${target}`);
      if (added.length !== expected.length) counts.wrong++;
      expect(added.map((i) => `${i.pk} ${i.action}`), call.label).toHaveLength(expected.length);
      for (const want of expected) {
        const entries = added.filter((i) => matches(want.target, i));
        expect(entries, `${call.label}: entries on ${want.target}`).toHaveLength(1);
        const entry = entries[0]!;
        expect(entry).toMatchObject({ actorId: call.as, action: want.action, requestId: response.headers.get('x-request-id') });
        expect(`${entry.targetType}#${entry.targetId}`).toBe(String(entry.pk).slice('AUDIT#'.length));
        expect(Date.parse(String(entry.at))).toBeGreaterThanOrEqual(started - 1000);
        expect(Object.keys(entry).filter((k) => !ENTRY_FIELDS.includes(k))).toEqual([]);
        expect(JSON.stringify(entry.details ?? {})).not.toMatch(PERSONAL);
        // About one person's data and not by them: listed for that person, under the same time and id.
        if (entry.subjectId && entry.subjectId !== entry.actorId) expect(entry, call.label).toMatchObject({ ownerPk: `USER#${String(entry.subjectId)}`, ownerSk: `AUDIT#${String(entry.sk)}` });
        else expect(entry.ownerPk, call.label).toBeUndefined();
        if (['dossier', 'appointment'].includes(String(entry.targetType)) && STAFF_ROLES.includes(entry.actorRole)) expect(entry.subjectId, `${call.label}: ${String(entry.action)} names its data subject`).toEqual(expect.any(String));
      }
    }
  });
});

it('refuses a second write on an audit entry\'s key (attribute_not_exists), so an entry is never overwritten', async () => {
  const [entry] = await auditItems();
  expect(entry).toBeDefined();
  const rewrite = portal.db.send(new PutCommand({ TableName: portal.tableName, Item: { ...entry, action: 'rewritten' }, ConditionExpression: 'attribute_not_exists(pk)' }));
  await expect(rewrite).rejects.toMatchObject({ name: 'ConditionalCheckFailedException' });
});

describe('application roles in the synthesised template', () => {
  type Statement = { Effect: string; Action: string | string[]; Condition?: Record<string, Record<string, string[]>> };
  let roles: { id: string; statements: Statement[] }[];
  beforeAll(() => {
    const { portalTemplate } = synthPortal({ skipBundling: true });
    const policies = portalTemplate.findResources('AWS::IAM::Policy') as Record<string, { Properties: { PolicyDocument: { Statement: Statement[] } } }>;
    roles = Object.entries(policies).map(([id, p]) => ({ id, statements: p.Properties.PolicyDocument.Statement }));
  }, 180_000);
  const actions = (s: Statement) => [s.Action].flat();

  it('deny every role with table writes the update or delete of an AUDIT# item, a single one or in a batch', () => {
    const writers = roles.filter((r) => r.statements.some((s) => s.Effect === 'Allow' && actions(s).includes('dynamodb:PutItem')));
    expect(writers.length).toBeGreaterThan(10);
    for (const role of writers) {
      const deny = role.statements.find((s) => s.Effect === 'Deny' && actions(s).includes('dynamodb:UpdateItem'));
      expect(deny, role.id).toBeDefined();
      expect(actions(deny!).sort(), role.id).toEqual(['dynamodb:BatchWriteItem', 'dynamodb:DeleteItem', 'dynamodb:UpdateItem']);
      // ForAnyValue: a batch that touches even one AUDIT# key is refused (ForAllValues would let a mixed batch through).
      expect(deny!.Condition, role.id).toEqual({ 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': ['AUDIT#*'] } });
      // Audit entries are Puts in a TransactWriteItems, authorised per contained action: PutItem stays allowed.
      expect(role.statements.some((s) => s.Effect === 'Deny' && actions(s).some((a) => a === 'dynamodb:PutItem' || a === 'dynamodb:TransactWriteItems')), role.id).toBe(false);
    }
  });
});

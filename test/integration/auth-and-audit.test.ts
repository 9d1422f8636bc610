/** Sign-in, roles and the audit log, through the local identity provider and the real handlers. */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { SignJWT, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../shared/src/table';
import { startTestPortal, type TestPortal } from '../helpers/portal';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(() => portal.close());

const json = { 'content-type': 'application/json' };
const auditOf = async (code: string) =>
  (await portal.db.send(new QueryCommand({ TableName: portal.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.auditTarget('procedure', code).pk } }))).Items ?? [];

describe('signing in', () => {
  it('returns the signed-in user with role and bindings', async () => {
    const response = await portal.request('/api/me', { as: 'cashier-cho-ray' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ userId: 'cashier-cho-ray', role: 'hospital_staff', name: 'Đỗ Thị Mai', hospitalId: 'hosp-cho-ray', duties: ['cashier'] });
  });

  it('asks for sign-in (401) without a token, with a malformed one, or with a tampered one', async () => {
    const token = await portal.tokenFor('citizen-an');
    const [header, payload, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()), 'cognito:groups': ['admin'] })).toString('base64url');
    for (const authorization of [undefined, 'Bearer nonsense', `Bearer ${header}.${forged}.${signature}`, `Basic ${token}`]) {
      const response = await portal.request('/api/me', { headers: authorization ? { authorization } : {} });
      expect(response.status, authorization).toBe(401);
      expect(await response.json()).toMatchObject({ code: 'unauthenticated', title: 'Vui lòng đăng nhập để tiếp tục' });
    }
  });

  it('refuses a token signed by another key even with the right issuer and audience', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const me = (await (await portal.request('/api/health')).json()) as object;
    expect(me).toBeTruthy();
    const impostor = await new SignJWT({ token_use: 'id', 'cognito:groups': ['admin'] })
      .setProtectedHeader({ alg: 'RS256', kid: 'other' })
      .setIssuer(`${portal.url}/sandbox/idp`)
      .setAudience('portal-local')
      .setSubject('admin-quang')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
    const response = await portal.request('/api/me', { headers: { authorization: `Bearer ${impostor}` } });
    expect(response.status).toBe(401);
  });
});

describe('an administrator suspends a procedure', () => {
  it('is refused to a citizen and an officer (403), and nothing changes or is audited', async () => {
    for (const user of ['citizen-an', 'officer-lan']) {
      const response = await portal.request('/api/procedures/cap-moi-giay-phep-hanh-nghe', { as: user, method: 'PATCH', headers: json, body: JSON.stringify({ available: false }) });
      expect(response.status, user).toBe(403);
    }
    expect(await (await portal.request('/api/procedures/cap-moi-giay-phep-hanh-nghe')).json()).toMatchObject({ available: true, version: 1 });
    expect(await auditOf('cap-moi-giay-phep-hanh-nghe')).toEqual([]);
  });

  it('writes the change and exactly one audit entry together', async () => {
    const response = await portal.request('/api/procedures/cap-lai-giay-phep-hanh-nghe', { as: 'admin-quang', method: 'PATCH', headers: json, body: JSON.stringify({ available: false }) });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ available: false, version: 2 });
    const entries = await auditOf('cap-lai-giay-phep-hanh-nghe');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: 'admin-quang', actorRole: 'admin', action: 'procedure.suspend', requestId: response.headers.get('x-request-id') });

    const audit = await portal.request('/api/audit/procedure/cap-lai-giay-phep-hanh-nghe', { as: 'admin-nga' });
    expect(audit.status).toBe(200);
    expect(((await audit.json()) as { items: unknown[] }).items).toHaveLength(1);
  });

  it('makes one change and one audit entry out of six simultaneous suspensions; the others conflict (409 with the fresh state) or find it done', async () => {
    const code = 'cap-giay-chung-nhan-du-dieu-kien-kinh-doanh-duoc';
    const attempts = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        portal.request(`/api/procedures/${code}`, { as: i % 2 ? 'admin-quang' : 'admin-nga', method: 'PATCH', headers: json, body: JSON.stringify({ available: false }) }),
      ),
    );
    const statuses = attempts.map((r) => r.status).sort();
    // The first writer wins; the rest either conflict or find the state already as asked (no-op 200).
    const winners = (await auditOf(code)).length;
    expect(winners).toBe(1);
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
    const conflict = attempts.find((r) => r.status === 409);
    if (conflict) expect(await conflict.json()).toMatchObject({ code: 'conflict', current: { code, available: false, version: 2 } });
    expect(await (await portal.request(`/api/procedures/${code}`)).json()).toMatchObject({ available: false, version: 2 });
  });

  it('rejects a body with unknown fields or the wrong type, and changes nothing', async () => {
    for (const body of ['{"available":"no"}', '{"available":false,"feeVnd":0}', '[]']) {
      const response = await portal.request('/api/procedures/cap-moi-giay-phep-hanh-nghe', { as: 'admin-quang', method: 'PATCH', headers: json, body });
      expect(response.status, body).toBe(400);
    }
    expect(await (await portal.request('/api/procedures/cap-moi-giay-phep-hanh-nghe')).json()).toMatchObject({ available: true, fee: { amountVnd: 430_000 } });
  });
});

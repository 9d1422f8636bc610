/** What every API response promises, whatever the route: headers, request ids, problem+json. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/src/security-headers';
import { startTestPortal, type TestPortal } from '../helpers/portal';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(() => portal.close());

const admin = { as: 'admin-quang' };

describe('every API response', () => {
  it('carries the security headers, no-store caching for private data, and a request id', async () => {
    for (const path of ['/api/health', '/api/procedures', '/api/nowhere']) {
      const response = await portal.request(path);
      expect(response.headers.get('content-security-policy'), path).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('strict-transport-security'), path).toContain('max-age=');
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
      expect(response.headers.get('x-request-id'), path).toMatch(/^[\w-]{8,}$/);
    }
    expect((await portal.request('/api/me', admin)).headers.get('cache-control')).toBe('no-store');
  });

  it('echoes a well-formed caller request id and replaces a malformed one', async () => {
    const mine = await portal.request('/api/health', { headers: { 'x-request-id': 'abcd1234-trace' } });
    expect(mine.headers.get('x-request-id')).toBe('abcd1234-trace');
    const bad = await portal.request('/api/health', { headers: { 'x-request-id': '<script>' } });
    expect(bad.headers.get('x-request-id')).not.toBe('<script>');
  });

  it('answers GET /api/health with 200 {"status":"ok"}', async () => {
    const response = await portal.request('/api/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });
  });
});

describe('bad requests are 4xx problems, never 5xx', () => {
  const patch = (body: string, contentType = 'application/json') =>
    portal.request('/api/procedures/cap-moi-giay-phep-hanh-nghe', { ...admin, method: 'PATCH', headers: { 'content-type': contentType }, body });

  it('rejects malformed JSON (400 malformed_json)', async () => {
    const response = await patch('{"available": tru');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'malformed_json' });
  });

  it('rejects a body that is not JSON (415) and one over the size limit (413)', async () => {
    expect((await patch('available=false', 'application/x-www-form-urlencoded')).status).toBe(415);
    const huge = JSON.stringify({ available: false, padding: 'đ'.repeat(40_000) });
    const response = await patch(huge);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: 'payload_too_large' });
  });

  it('answers unknown paths 404 and wrong methods 405 with Allow, as problem+json', async () => {
    const missing = await portal.request('/api/khong-co');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    const wrong = await portal.request('/api/procedures/cap-moi-giay-phep-hanh-nghe', { method: 'DELETE' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, PATCH');
  });

  it('never shows a stack trace or an internal message', async () => {
    const responses = await Promise.all([
      patch('{'),
      patch('null'),
      patch('{"available": null}'),
      portal.request('/api/procedures/%E0%A4%A'),
      portal.request('/api/procedures?q=' + 'x'.repeat(500)),
      portal.request('/api/audit/%00/x', admin),
    ]);
    for (const response of responses) {
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      const text = await response.text();
      expect(text).not.toMatch(/\n\s+at |Error:|node_modules|\.ts:\d+/);
    }
  });
});

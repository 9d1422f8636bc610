/**
 * GET /api/openapi.json on the local portal (ADR 0024): the document the registry generates, served
 * with an ETag a client can revalidate with (304), and answers of the real handlers that parse with
 * the response schemas the document was generated from.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import type { JsonResponse } from '../../shared/src/api/contract';
import { ROUTE_CONTRACTS } from '../../shared/src/api/registry';
import { routes, type RouteId } from '../../shared/src/routes';
import { startTestPortal, type TestPortal } from '../helpers/portal';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(() => portal.close());

describe('GET /api/openapi.json', () => {
  it('answers the OpenAPI 3.1 document of every route, publicly cacheable with a strong ETag', async () => {
    const response = await portal.request('/api/openapi.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(response.headers.get('etag')).toMatch(/^"[\w-]{32}"$/);
    const document = (await response.json()) as { openapi: string; paths: Record<string, Record<string, { operationId: string }>> };
    expect(document.openapi).toBe('3.1.0');
    const ids = Object.values(document.paths).flatMap((item) => Object.values(item).map((op) => op.operationId));
    expect(ids.sort()).toEqual(routes.filter((r) => r.method !== 'ANY').map((r) => r.id).sort());
  });

  it('answers 304 without a body to a client holding the current copy (also as a weak tag or in a list), 200 to one holding another', async () => {
    const etag = (await portal.request('/api/openapi.json')).headers.get('etag') ?? '';
    for (const ifNoneMatch of [etag, `W/${etag}`, `"stale", ${etag}`, '*']) {
      const response = await portal.request('/api/openapi.json', { headers: { 'if-none-match': ifNoneMatch } });
      expect(response.status, ifNoneMatch).toBe(304);
      expect(response.headers.get('etag')).toBe(etag);
      expect(await response.text()).toBe('');
    }
    const stale = await portal.request('/api/openapi.json', { headers: { 'if-none-match': '"an-older-document"' } });
    expect(stale.status).toBe(200);
    expect(stale.headers.get('etag')).toBe(etag);
  });
});

describe('answers of the real handlers', () => {
  // Routes a request can reach without setting anything up: each answer must parse with its documented schema.
  const reads: { id: RouteId; path: string; as?: string }[] = [
    { id: 'health.get', path: '/api/health' },
    { id: 'me.get', path: '/api/me', as: 'citizen-an' },
    { id: 'procedures.list', path: '/api/procedures' },
    { id: 'procedures.get', path: '/api/procedures/cap-moi-giay-phep-hanh-nghe' },
    { id: 'hospitals.list', path: '/api/hospitals' },
    { id: 'hospitals.specialties', path: '/api/hospitals/hosp-cho-ray/specialties' },
    { id: 'sessions.list', path: '/api/hospitals/hosp-cho-ray/sessions?specialty=tim-mach' },
    { id: 'calendar.get', path: '/api/calendar/2026' },
    { id: 'appointments.mine', path: '/api/appointments', as: 'citizen-an' },
    { id: 'patients.list', path: '/api/me/patients', as: 'citizen-an' },
    { id: 'dossiers.list', path: '/api/dossiers?mine=1', as: 'citizen-an' },
    { id: 'inbox.list', path: '/api/inbox', as: 'officer-lan' },
  ];

  it.each(reads)('$id parses with the schema the document gives for 200', async ({ id, path, as }) => {
    const response = await portal.request(path, as ? { as } : {});
    expect(response.status, await response.clone().text()).toBe(200);
    const documented = (ROUTE_CONTRACTS[id].responses as Record<number, JsonResponse>)[200];
    const parsed = z.safeParse(documented!.schema, await response.json());
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });
});

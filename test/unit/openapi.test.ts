/**
 * The API document (ADR 0024): every route of the table has a contract in the registry, and the
 * generated document names each route exactly once, validates as OpenAPI 3.1 and resolves every
 * reference. A route added without its contract fails here with what to add where.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import type { RouteContract } from '../../shared/src/api/contract';
import { buildOpenApiDocument, operationIds } from '../../shared/src/api/openapi';
import { ROUTE_CONTRACTS } from '../../shared/src/api/registry';
import { routeKey, routes, type Route } from '../../shared/src/routes';

const contracts: Partial<Record<string, RouteContract>> = ROUTE_CONTRACTS;
let built: ReturnType<typeof buildOpenApiDocument> | undefined;
/** Built on first use, so a missing contract fails the registry tests with their message first. */
const doc = () => (built ??= buildOpenApiDocument());

function whatToAdd(route: Route): string {
  const params = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  return [
    `Route ${route.id} (${routeKey(route)}) has no contract. Add to ROUTE_CONTRACTS in shared/src/api/registry.ts:`,
    `  '${route.id}': {`,
    ...(params.length ? [`    path: <z.object({ ${params.join(', ')} }) from shared/src/**>,`] : []),
    ...(route.method === 'GET' ? ['    query: <its query schema, if it takes one>,'] : [`    body: body(<the request body schema>, '<ComponentName>'),`]),
    `    responses: { 200: json(<response schema, written in zod/mini next to its domain type in shared/src/**>, '<ComponentName>', '<what it answers>') },`,
    `  },`,
    `(a file: file('application/pdf' | 'text/csv', '…'); a redirect: { 303: redirect('…') }; no body: { 204: empty('…') }),`,
    `then write its handler as httpHandler('${route.id}', async (request) => …) — the schemas come from the registry.`,
  ].join('\n');
}

describe('the route-schema registry', () => {
  it('has a contract (request and response) for every route of the table', () => {
    const missing = routes.filter((route) => !contracts[route.id]).map(whatToAdd);
    expect(missing, missing.join('\n\n')).toEqual([]);
  });

  it('has no contract for a route the table does not have', () => {
    const ids = new Set<string>(routes.map((r) => r.id));
    expect(Object.keys(contracts).filter((id) => !ids.has(id)), 'remove these from shared/src/api/registry.ts').toEqual([]);
  });

  it('names a success answer for every route that can succeed, and a path schema for every path parameter', () => {
    for (const route of routes.filter((r) => r.method !== 'ANY')) {
      const contract = contracts[route.id];
      expect(Object.keys(contract?.responses ?? {}).length, `${route.id}: add responses: { 200: json(…) } in shared/src/api/registry.ts`).toBeGreaterThan(0);
      const params = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const declared = Object.keys((contract?.path as { shape?: object } | undefined)?.shape ?? {}).sort();
      expect(declared, `${route.id}: its path schema must name exactly the parameters of ${route.path}`).toEqual(params);
    }
  });
});

describe('the generated OpenAPI document', () => {
  it('has every route of the table exactly once, as operationId = route id under its path and method, and nothing else', () => {
    const ids = operationIds(doc());
    expect(new Set(ids).size, 'an operation appears twice').toBe(ids.length);
    const expected = routes.filter((r) => r.method !== 'ANY').map((r) => r.id);
    expect([...ids].sort()).toEqual([...expected].sort());
    for (const route of routes.filter((r) => r.method !== 'ANY')) {
      expect(doc().paths[route.path]?.[route.method.toLowerCase()]?.operationId, routeKey(route)).toBe(route.id);
    }
    // The catch-all (method ANY) has no OpenAPI operation: it is described beside the paths.
    expect(doc()['x-catch-all'].map((c) => c.operationId)).toEqual(routes.filter((r) => r.method === 'ANY').map((r) => r.id));
  });

  it('takes summary, tag and security from the table: bearer for signed-in routes, none for public ones, the API key where the route accepts one', () => {
    for (const route of routes.filter((r) => r.method !== 'ANY')) {
      const op = doc().paths[route.path]?.[route.method.toLowerCase()];
      expect(op?.summary).toBe(route.summary);
      expect(op?.tags).toEqual([route.fn]);
      if (route.auth === 'public') expect(op?.security, route.id).toEqual([]);
      else {
        expect(op?.security, route.id).toContainEqual({ bearerAuth: [] });
        expect(op?.description, route.id).toContain('Signed in');
        expect(op?.responses['401'], route.id).toBeDefined();
      }
    }
    expect(doc().paths['/api/his/bills']?.post?.security).toEqual([{ bearerAuth: [] }, { hisApiKey: [] }]);
  });

  it('is a valid OpenAPI 3.1 document (the official schema, by @seriousme/openapi-schema-validator)', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc()) as unknown as Record<string, unknown>);
    expect(result.errors ?? [], JSON.stringify(result.errors, null, 2)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('resolves every $ref to a component, and every component is used', () => {
    const text = JSON.stringify(doc());
    const refs = new Set([...text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]));
    const components = Object.keys(doc().components.schemas);
    expect([...refs].filter((r) => !components.includes(r as string))).toEqual([]);
    expect(components.filter((c) => !refs.has(c))).toEqual([]);
    expect(text).not.toContain('"$ref":"#/$defs');
  });

  it('describes errors as problem+json, files by their media type, the redirect with Location and 204 without a body', () => {
    const op = (path: string, method: string) => doc().paths[path]?.[method];
    expect(op('/api/appointments', 'post')?.responses['409']?.content?.['application/problem+json']?.schema).toEqual({ $ref: '#/components/schemas/Problem' });
    expect(op('/api/appointments', 'post')?.responses['409']?.description).toContain('session_full');
    expect(op('/api/appointments', 'post')?.parameters.map((p) => p.name)).toContain('Idempotency-Key');
    expect(Object.keys(op('/api/payments/{paymentId}/receipt', 'get')?.responses['200']?.content ?? {})).toEqual(['application/pdf']);
    expect(Object.keys(op('/api/hospitals/{hospitalId}/reconciliation', 'get')?.responses['200']?.content ?? {})).toEqual(['text/csv']);
    expect(op('/api/payments/vnpay/return', 'get')?.responses['303']?.headers?.Location).toBeDefined();
    expect(op('/api/dossiers/{dossierId}/attachments/{attachmentId}', 'delete')?.responses['204']?.content).toBeUndefined();
    expect(op('/api/openapi.json', 'get')?.responses['304']).toBeDefined();
  });

  it('documents request bodies as sent (defaults optional) and answers as received (defaults present)', () => {
    const schemas = doc().components.schemas as Record<string, { properties?: Record<string, { required?: string[]; items?: { required?: string[] } }> }>;
    const entryOf = (name: string) => (schemas[name]?.properties?.entries?.items ?? {}) as { required?: string[] };
    expect(entryOf('WeeklyTemplateInput').required).not.toContain('hourly');
    expect(entryOf('WeeklyTemplate').required).toContain('hourly');
    expect(doc().paths['/api/hospitals/{hospitalId}/specialties/{specialtyId}/template']?.put?.requestBody?.content['application/json']?.schema).toEqual({ $ref: '#/components/schemas/WeeklyTemplateInput' });
  });

  it('is the same document every time (the ETag and the published copy depend on it)', () => {
    expect(JSON.stringify(buildOpenApiDocument())).toBe(JSON.stringify(doc()));
  });

  it('refuses a table with a route the registry lacks, naming the route', () => {
    const extra = { id: 'hospitals.wards', method: 'GET', path: '/api/hospitals/{hospitalId}/wards', auth: 'public', access: 'read', fn: 'catalogue', summary: 'x' } as unknown as Route;
    expect(() => buildOpenApiDocument([...routes, extra])).toThrow(/hospitals\.wards.*shared\/src\/api\/registry\.ts/);
    expect(whatToAdd(extra)).toContain("'hospitals.wards': {");
  });
});

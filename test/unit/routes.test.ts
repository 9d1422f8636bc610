import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FUNCTIONS, matchRoute, methodsForPath, routeKey, routes, type Route } from '../../shared/src/routes';

const root = resolve(import.meta.dirname, '../..');
const handlerFile = (route: Route) => join(root, 'functions/src/handlers', `${route.id.replaceAll('.', '/')}.ts`);

describe('the route table', () => {
  it('gives every route a unique id and a unique API Gateway route key', () => {
    expect(new Set(routes.map((r) => r.id)).size).toBe(routes.length);
    expect(new Set(routes.map(routeKey)).size).toBe(routes.length);
  });

  it('puts every route under /api/ in API Gateway path syntax', () => {
    for (const route of routes) expect(route.path).toMatch(/^\/api(\/(\{\w+\+?\}|[a-z0-9-]+(\.[a-z]+)?))+$/);
  });

  it('has a handler module for every route', () => {
    const missing = routes.filter((r) => !existsSync(handlerFile(r))).map((r) => r.id);
    expect(missing).toEqual([]);
  });

  it('has a Lambda entry for every function, and each function serves routes of one table access', () => {
    for (const [name, fn] of Object.entries(FUNCTIONS)) {
      expect(existsSync(join(root, 'functions/src/lambdas', `${name}.ts`)), name).toBe(true);
      const served = routes.filter((r) => r.fn === name);
      expect(served.length, `${name} serves no route`).toBeGreaterThan(0);
      for (const route of served) expect(route.access, route.id).toBe(fn.access);
    }
  });

  it('never routes the local-only /sandbox paths through the API', () => {
    expect(routes.filter((r) => r.path.includes('sandbox'))).toEqual([]);
  });
});

describe('matching a request against the table (as API Gateway does)', () => {
  it('prefers an exact path to a parameterised one, and a parameterised one to the catch-all', () => {
    expect(matchRoute('GET', '/api/procedures')?.route.id).toBe('procedures.list');
    expect(matchRoute('GET', '/api/procedures/cap-moi')?.route.id).toBe('procedures.get');
    expect(matchRoute('GET', '/api/procedures/cap-moi')?.pathParameters).toEqual({ code: 'cap-moi' });
    expect(matchRoute('GET', '/api/unknown/path')?.route.id).toBe('fallback.notFound');
    expect(matchRoute('GET', '/api/unknown/path')?.pathParameters).toEqual({ proxy: 'unknown/path' });
  });

  it('sends a known path with another method to the catch-all, which knows the allowed methods', () => {
    expect(matchRoute('DELETE', '/api/procedures/x')?.route.id).toBe('fallback.notFound');
    expect(methodsForPath('/api/procedures/x').sort()).toEqual(['GET', 'PATCH']);
  });

  it('decodes path parameters and ignores paths outside /api', () => {
    expect(matchRoute('GET', '/api/procedures/c%E1%BA%A5p')?.pathParameters).toEqual({ code: 'cấp' });
    expect(matchRoute('GET', '/thu-tuc/')).toBeUndefined();
    expect(matchRoute('GET', '/api')).toBeUndefined();
  });
});

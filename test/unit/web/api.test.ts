import { afterEach, describe, expect, it, vi } from 'vitest';
import { catalogue } from '../../../shared/src/procedures/catalogue';
import { ERRORS } from '../../../shared/src/errors';
import { ApiError, getMe, listProcedures } from '../../../web/src/lib/api';

function stubFetch(response: Response | Error) {
  const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => {
    if (response instanceof Error) throw response;
    return response;
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}
const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('typed API client', () => {
  it('lists procedures with a relative URL, the page language and the filters', async () => {
    const fetchMock = stubFetch(json(200, { items: catalogue }));
    const result = await listProcedures({ q: 'giay phep', field: 'pharmacy' }, { lang: 'vi' });
    expect(result.items).toHaveLength(catalogue.length);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/procedures?q=giay+phep&field=pharmacy');
    expect(init?.headers).toMatchObject({ 'accept-language': 'vi', accept: 'application/json' });
  });

  it('sends the bearer token to /api/me', async () => {
    const fetchMock = stubFetch(json(200, { userId: 'u1', role: 'citizen', name: 'Trần Thị B', duties: [] }));
    const me = await getMe('a.b.c', { lang: 'en' });
    expect(me.name).toBe('Trần Thị B');
    expect(fetchMock.mock.calls[0]![1]?.headers).toMatchObject({ authorization: 'Bearer a.b.c', 'accept-language': 'en' });
  });

  it('turns problem+json into an ApiError carrying the API title', async () => {
    stubFetch(json(401, { type: 't', title: ERRORS.unauthenticated.vi, status: 401, code: 'unauthenticated' }, 'application/problem+json'));
    const error = await getMe('a.b.c', { lang: 'vi' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: 'unauthenticated', title: 'Vui lòng đăng nhập để tiếp tục' });
  });

  it('explains a non-problem error page (no API behind the proxy) in the page language', async () => {
    stubFetch(new Response('<html>404</html>', { status: 404, headers: { 'content-type': 'text/html' } }));
    await expect(listProcedures({}, { lang: 'vi' })).rejects.toMatchObject({ code: 'service_unavailable', title: ERRORS.service_unavailable.vi });
  });

  it('reports a network failure and a wrong shape as their own codes', async () => {
    stubFetch(new TypeError('Failed to fetch'));
    await expect(listProcedures({}, { lang: 'vi' })).rejects.toMatchObject({ status: 0, code: 'network_error' });
    stubFetch(json(200, { items: [{ code: 'x' }] }));
    await expect(listProcedures({}, { lang: 'en' })).rejects.toMatchObject({ code: 'bad_response' });
  });
});

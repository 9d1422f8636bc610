import { afterEach, describe, expect, it, vi } from 'vitest';
import { catalogue } from '../../../shared/src/procedures/catalogue';
import { ERRORS } from '../../../shared/src/errors';
import { ApiError, getBillByPayLink, getMe, getPayment, listProcedures, lookUpBill, startPayment } from '../../../web/src/lib/api';

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

  const bill = {
    billId: '01JBILL0000000000000000000', hospitalId: 'hosp-cho-ray', hospitalName: 'Bệnh viện Chợ Rẫy', billCode: 'HD-2026-000123', patientInitials: 'N. T. H.',
    items: [{ code: 'SA03', name: 'Siêu âm tim', quantity: 1, unitPrice: 350_000, insuranceCovered: 0 }], amountDue: 350_000, status: 'unpaid',
    payLinkToken: '01JBILL0000000000000000000.sig', createdAt: '2026-05-04T02:05:00.000Z',
  };
  const problem = (status: number, code: string, extra: object = {}, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify({ type: 't', title: (ERRORS as Record<string, { vi: string }>)[code]!.vi, status, code, ...extra }), { status, headers: { 'content-type': 'application/problem+json', ...headers } });

  it('looks a bill up with a JSON POST (nothing in the address) and reads the lockout delay', async () => {
    const fetchMock = stubFetch(json(200, bill));
    const lookup = { hospitalId: 'hosp-cho-ray', patientCode: 'BN-0012345', billCode: 'HD-2026-000123', phoneLast4: '5678' };
    await expect(lookUpBill(lookup, { lang: 'vi' })).resolves.toMatchObject({ billCode: 'HD-2026-000123' });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/bills/lookup');
    expect(init).toMatchObject({ method: 'POST', cache: 'no-store', headers: { 'content-type': 'application/json' } });
    expect(JSON.parse(init?.body as string)).toEqual(lookup);

    stubFetch(problem(429, 'lookup_locked', {}, { 'retry-after': '840' }));
    await expect(lookUpBill(lookup, { lang: 'vi' })).rejects.toMatchObject({ status: 429, code: 'lookup_locked', retryAfterSeconds: 840 });
    stubFetch(problem(404, 'not_found'));
    await expect(lookUpBill(lookup, { lang: 'vi' })).rejects.toMatchObject({ status: 404, code: 'not_found', retryAfterSeconds: undefined });
  });

  it('loads a bill by pay link and a payment by id, encoding the path segment', async () => {
    const fetchMock = stubFetch(json(200, bill));
    await getBillByPayLink('a/b.c', { lang: 'en' });
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/bills/pay-link/a%2Fb.c');
    expect(fetchMock.mock.calls[0]![1]).toMatchObject({ method: 'GET' });
    stubFetch(json(200, { ...bill, status: 'settled' }));
    await expect(getBillByPayLink('t', { lang: 'vi' })).rejects.toMatchObject({ code: 'bad_response' });

    const payment = { paymentId: '01JPAY00000000000000000000', status: 'pending', amountVnd: 350_000, payable: { kind: 'bill', id: bill.billId }, createdAt: bill.createdAt, expiresAt: bill.createdAt };
    const paymentFetch = stubFetch(json(200, payment));
    await expect(getPayment(payment.paymentId, { lang: 'vi' })).resolves.toMatchObject({ status: 'pending' });
    expect(paymentFetch.mock.calls[0]![0]).toBe('/api/payments/01JPAY00000000000000000000');
  });

  it('starts a payment with the pay link token and reports already_paid as its own code', async () => {
    const opened = { paymentId: '01JPAY00000000000000000000', txnRef: '01JPAY00000000000000000000', paymentUrl: 'http://localhost:8080/sandbox/vnpay/paymentv2/vpcpay.html?x=1', expiresAt: bill.createdAt };
    const fetchMock = stubFetch(json(201, opened));
    await expect(startPayment(bill.payLinkToken, { lang: 'vi' })).resolves.toEqual(opened);
    expect(JSON.parse(fetchMock.mock.calls[0]![1]?.body as string)).toEqual({ payLinkToken: bill.payLinkToken });
    stubFetch(problem(409, 'already_paid'));
    await expect(startPayment(bill.payLinkToken, { lang: 'vi' })).rejects.toMatchObject({ status: 409, code: 'already_paid', title: 'Khoản này đã được thanh toán' });
    stubFetch(json(201, { ...opened, paymentUrl: 'javascript:alert(1)' }));
    await expect(startPayment(bill.payLinkToken, { lang: 'vi' })).rejects.toMatchObject({ code: 'bad_response' });
  });
});

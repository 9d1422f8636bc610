/**
 * The site's typed API client. Same origin, relative URLs (/api/*), no CORS. Errors come back as
 * RFC 9457 problem+json with a Vietnamese title (English with Accept-Language: en); every failure,
 * including "no network" and "not JSON", becomes an ApiError whose `title` can be shown as is.
 */
import { ERRORS, type ErrorCode, type Problem } from '@portal/shared/errors';
import type { Procedure } from '@portal/shared/procedures/catalogue';
import type { ListProceduresQuery, ProcedureListResponse } from '@portal/shared/procedures/api';
import type { Principal } from '@portal/shared/roles';
import type { BillLookup, BillView } from '@portal/shared/payments/bills';
import type { OpenedPayment, PaymentView } from '@portal/shared/payments/payments';
import { isBillView, isOpenedPayment, isPaymentView, isPrincipal, isProcedure, isProcedureList } from './guards';
import type { DeskBill, DeskPayment } from '@portal/shared/payments/desk';
import type { DecideRefund, RefundStatus, RefundView, RequestRefund } from '@portal/shared/payments/refunds';
import type { DataAccessPage } from '@portal/shared/audit/data-access';
import { isDataAccessPage, isDeskBillList, isDeskPaymentList, isRefundList, isRefundView } from './guards';
import type { Lang } from './i18n';
import { fetchWithSession } from './session';

/** Failures that happen before the API could answer with a problem. */
const CLIENT_ERRORS = {
  network_error: { vi: 'Không kết nối được với máy chủ. Vui lòng kiểm tra kết nối mạng và thử lại.', en: 'Could not reach the server. Check your connection and try again.' },
  bad_response: { vi: 'Máy chủ trả về dữ liệu không đúng định dạng. Vui lòng thử lại sau.', en: 'The server sent an unexpected response. Please try again later.' },
} as const;

export type ApiErrorCode = ErrorCode | keyof typeof CLIENT_ERRORS;

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    /** Human text in the page language, safe to show. */
    readonly title: string,
    readonly problem?: Problem,
    /** Seconds from a Retry-After header (429 `lookup_locked`, 503), when the API sent one. */
    readonly retryAfterSeconds?: number,
  ) {
    super(title);
  }
}

export interface RequestOptions {
  lang: Lang;
  token?: string | null;
  signal?: AbortSignal;
}

const isErrorCode = (code: unknown): code is ErrorCode => typeof code === 'string' && Object.hasOwn(ERRORS, code);

/**
 * An error response that is not a problem document did not come from the API's error mapping (a
 * proxy's or static server's page): keep the status's meaning where it helps the user, otherwise
 * say the service is unavailable.
 */
function codeForStatus(status: number): ErrorCode {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 413) return 'payload_too_large';
  if (status === 429) return 'too_many_requests';
  return 'service_unavailable';
}

function problemFrom(body: unknown): Problem | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const p = body as Partial<Problem>;
  return typeof p.title === 'string' && typeof p.status === 'number' && isErrorCode(p.code) ? (p as Problem) : undefined;
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

/** Retry-After as delay-seconds (the API's form); an HTTP date or nonsense gives undefined. */
function retryAfter(response: Response): number | undefined {
  const value = response.headers.get('retry-after');
  return value !== null && /^\d{1,9}$/.test(value.trim()) ? Number(value.trim()) : undefined;
}

interface JsonRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Sent as application/json (not with GET). */
  body?: unknown;
}

/**
 * One JSON request. `guard` checks the shape of a 2xx body; a mismatch is an ApiError
 * `bad_response` rather than a crash further down.
 */
async function requestJson<T>(path: string, request: JsonRequest, guard: (body: unknown) => body is T, options: RequestOptions): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': options.lang };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    // The page's token says someone is signed in; the session sends a fresh one (ADR 0021).
    response = await fetchWithSession(path, {
      method: request.method,
      headers,
      ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
      signal: options.signal ?? null,
      credentials: 'same-origin',
      // Writes carry personal data (patient code, date of birth, form data): never from or into a cache.
      ...(request.method !== 'GET' ? { cache: 'no-store' as const } : {}),
    }, options.token);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network_error', CLIENT_ERRORS.network_error[options.lang]);
  }
  const body = await readJson(response);
  if (!response.ok) {
    const problem = problemFrom(body);
    if (problem) throw new ApiError(response.status, problem.code, problem.title, problem, retryAfter(response));
    // Not a problem document (a proxy's HTML page, a static server's 404): explain it by status.
    const code = codeForStatus(response.status);
    throw new ApiError(response.status, code, ERRORS[code][options.lang], undefined, retryAfter(response));
  }
  if (!guard(body)) throw new ApiError(response.status, 'bad_response', CLIENT_ERRORS.bad_response[options.lang]);
  return body;
}

/** GET a JSON resource (see requestJson). */
export function getJson<T>(path: string, guard: (body: unknown) => body is T, options: RequestOptions): Promise<T> {
  return requestJson(path, { method: 'GET' }, guard, options);
}

/** POST a JSON body and read a JSON answer (see requestJson). */
export function postJson<T>(path: string, body: unknown, guard: (body: unknown) => body is T, options: RequestOptions): Promise<T> {
  return requestJson(path, { method: 'POST', body }, guard, options);
}

/** PATCH, PUT or DELETE with an optional JSON body (see requestJson); a 204 reads as `undefined`. */
export function sendJson<T>(method: 'PATCH' | 'PUT' | 'DELETE', path: string, body: unknown, guard: (body: unknown) => body is T, options: RequestOptions): Promise<T> {
  return requestJson(path, { method, ...(body !== undefined ? { body } : {}) }, guard, options);
}

function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** GET /api/procedures: the catalogue, optionally filtered by the API. */
export function listProcedures(filter: ListProceduresQuery, options: RequestOptions): Promise<ProcedureListResponse> {
  return getJson(`/api/procedures${query({ q: filter.q, field: filter.field, applicantType: filter.applicantType })}`, isProcedureList, options);
}

/** GET /api/procedures/{code}. */
export function getProcedure(code: string, options: RequestOptions): Promise<Procedure> {
  return getJson(`/api/procedures/${encodeURIComponent(code)}`, isProcedure, options);
}

/** GET /api/me: who the bearer of the token is. */
export function getMe(token: string, options: Omit<RequestOptions, 'token'>): Promise<Principal> {
  return getJson('/api/me', isPrincipal, { ...options, token });
}

/** GET /api/me/data-access: who read or acted on my data, newest first; `cursor` is the previous page's `next` (ADR 0025). */
export function getDataAccess(cursor: string | undefined, options: RequestOptions & { token: string }): Promise<DataAccessPage> {
  return getJson(`/api/me/data-access${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`, isDataAccessPage, options);
}

/**
 * POST /api/bills/lookup: a patient finds a bill with the codes on the paper bill and exactly one
 * second factor. A POST so that none of it appears in an address, a history entry or a log.
 * 404 `not_found` for any mismatch; 429 `lookup_locked` (retryAfterSeconds) after five wrong tries.
 */
export function lookUpBill(lookup: BillLookup, options: RequestOptions): Promise<BillView> {
  return postJson('/api/bills/lookup', lookup, isBillView, options);
}

/** GET /api/bills/pay-link/{token}: the bill behind a shareable pay link (no personal data). */
export function getBillByPayLink(token: string, options: RequestOptions): Promise<BillView> {
  return getJson(`/api/bills/pay-link/${encodeURIComponent(token)}`, isBillView, options);
}

/**
 * POST /api/payments with a pay link token: opens (or returns the open) VNPay attempt. The browser
 * then goes to `paymentUrl`. 409 `already_paid` / `nothing_to_pay` when there is nothing to open.
 */
export function startPayment(payLinkToken: string, options: RequestOptions): Promise<OpenedPayment> {
  return postJson('/api/payments', { payLinkToken }, isOpenedPayment, options);
}

/** GET /api/payments/{paymentId}: the attempt's outcome from our records (the result page polls it). */
export function getPayment(paymentId: string, options: RequestOptions): Promise<PaymentView> {
  return getJson(`/api/payments/${encodeURIComponent(paymentId)}`, isPaymentView, options);
}

/* ------------------------------------------------------------------------------------------------
 * Staff: the cashier desk, refund approvals and the finance office (hospital staff with the
 * cashier duty, of that hospital only; every call needs the token).
 * --------------------------------------------------------------------------------------------- */

type StaffOptions = RequestOptions & { token: string };
const hospitalPath = (hospitalId: string, rest: string) => `/api/hospitals/${encodeURIComponent(hospitalId)}/${rest}`;

/** GET /api/hospitals/{id}/bills: the bills of a day (Vietnam date), or the exact bill/patient code `q`. */
export async function listDeskBills(hospitalId: string, filter: { day?: string; q?: string }, options: StaffOptions): Promise<DeskBill[]> {
  return (await getJson(hospitalPath(hospitalId, `bills${query({ day: filter.day, q: filter.q })}`), isDeskBillList, options)).items;
}

/** GET /api/hospitals/{id}/payments: the payment attempts of a day, optionally of one status. */
export async function listDeskPayments(hospitalId: string, filter: { day?: string; status?: string }, options: StaffOptions): Promise<DeskPayment[]> {
  return (await getJson(hospitalPath(hospitalId, `payments${query({ day: filter.day, status: filter.status })}`), isDeskPaymentList, options)).items;
}

/** POST /api/payments/{id}/refunds → 201, status `requested`. 409 `refund_exceeds_available` / `not_refundable`. */
export function requestRefund(paymentId: string, body: RequestRefund, options: StaffOptions): Promise<RefundView> {
  return postJson(`/api/payments/${encodeURIComponent(paymentId)}/refunds`, body, isRefundView, options);
}

/** GET /api/hospitals/{id}/refunds, newest first, optionally of one status. */
export async function listRefunds(hospitalId: string, status: RefundStatus | undefined, options: StaffOptions): Promise<RefundView[]> {
  return (await getJson(hospitalPath(hospitalId, `refunds${query({ status })}`), isRefundList, options)).items;
}

/**
 * POST /api/refunds/{id}/decision → the refund after the decision (completed / failed / rejected,
 * or approved when VNPay's answer could not be verified). 403 `same_person` for the requester;
 * 409 `conflict` when someone decided first (see `conflictingRefund`).
 */
export function decideRefund(refundId: string, body: DecideRefund, options: StaffOptions): Promise<RefundView> {
  return postJson(`/api/refunds/${encodeURIComponent(refundId)}/decision`, body, isRefundView, options);
}

/** The refund as another person left it, from a 409 `conflict` answer to decideRefund. */
export function conflictingRefund(error: unknown): RefundView | undefined {
  if (!(error instanceof ApiError) || error.code !== 'conflict' || !error.problem) return undefined;
  const current = (error.problem as Problem & { current?: unknown }).current;
  return isRefundView(current) ? current : undefined;
}

export interface DownloadedFile {
  blob: Blob;
  /** From Content-Disposition, else `fallbackName`. */
  filename: string;
}

/** The filename of an attachment (`filename="a.csv"` or RFC 5987 `filename*=UTF-8''a.csv`), path parts removed. */
export function attachmentName(disposition: string | null, fallbackName: string): string {
  if (!disposition) return fallbackName;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  let name: string;
  try {
    name = extended ? decodeURIComponent(extended[1]!.trim()) : (plain?.[1]?.trim() ?? '');
  } catch {
    name = plain?.[1]?.trim() ?? '';
  }
  name = name.replace(/^.*[\\/]/, '');
  const printable = [...name].every((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f);
  return printable && name.length > 0 && name.length <= 120 && name !== '.' && name !== '..' ? name : fallbackName;
}

/**
 * GET a file with the bearer token (a plain link cannot send it): the body as a Blob for an object
 * URL. Errors are ApiErrors exactly as for JSON requests.
 */
export async function getFile(path: string, fallbackName: string, options: StaffOptions, accept = 'text/csv'): Promise<DownloadedFile> {
  let response: Response;
  try {
    // A report of patients' payments, a licence: never from or into a cache.
    const init: Omit<RequestInit, 'headers'> & { cache: 'no-store'; headers: Record<string, string> } = {
      method: 'GET',
      headers: { accept: `${accept}, application/problem+json`, 'accept-language': options.lang },
      signal: options.signal ?? null,
      credentials: 'same-origin',
      cache: 'no-store',
    };
    response = await fetchWithSession(path, init, options.token);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network_error', CLIENT_ERRORS.network_error[options.lang]);
  }
  if (!response.ok) {
    const problem = problemFrom(await readJson(response));
    if (problem) throw new ApiError(response.status, problem.code, problem.title, problem, retryAfter(response));
    const code = codeForStatus(response.status);
    throw new ApiError(response.status, code, ERRORS[code][options.lang], undefined, retryAfter(response));
  }
  let blob: Blob;
  try {
    blob = await response.blob();
  } catch {
    throw new ApiError(response.status, 'network_error', CLIENT_ERRORS.network_error[options.lang]);
  }
  return { blob, filename: attachmentName(response.headers.get('content-disposition'), fallbackName) };
}

/** GET /api/hospitals/{id}/reconciliation?day=: the day's reconciliation report (CSV, GMT+7). */
export function downloadReconciliation(hospitalId: string, day: string, options: StaffOptions): Promise<DownloadedFile> {
  return getFile(hospitalPath(hospitalId, `reconciliation${query({ day })}`), `doi-soat-${hospitalId}-${day}.csv`, options);
}

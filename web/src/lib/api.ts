/**
 * The site's typed API client. Same origin, relative URLs (/api/*), no CORS. Errors come back as
 * RFC 9457 problem+json with a Vietnamese title (English with Accept-Language: en); every failure,
 * including "no network" and "not JSON", becomes an ApiError whose `title` can be shown as is.
 */
import { ERRORS, type ErrorCode, type Problem } from '@portal/shared/errors';
import type { Procedure } from '@portal/shared/procedures/catalogue';
import type { ListProceduresQuery, ProcedureListResponse } from '@portal/shared/procedures/api';
import type { Principal } from '@portal/shared/roles';
import { isPrincipal, isProcedure, isProcedureList } from './guards';
import type { Lang } from './i18n';

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

/**
 * GET a JSON resource. `guard` checks the shape of a 2xx body; a mismatch is an ApiError
 * `bad_response` rather than a crash further down.
 */
export async function getJson<T>(path: string, guard: (body: unknown) => body is T, options: RequestOptions): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': options.lang };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let response: Response;
  try {
    response = await fetch(path, { headers, signal: options.signal ?? null, credentials: 'same-origin' });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network_error', CLIENT_ERRORS.network_error[options.lang]);
  }
  const body = await readJson(response);
  if (!response.ok) {
    const problem = problemFrom(body);
    if (problem) throw new ApiError(response.status, problem.code, problem.title, problem);
    // Not a problem document (a proxy's HTML page, a static server's 404): explain it by status.
    const code = codeForStatus(response.status);
    throw new ApiError(response.status, code, ERRORS[code][options.lang]);
  }
  if (!guard(body)) throw new ApiError(response.status, 'bad_response', CLIENT_ERRORS.bad_response[options.lang]);
  return body;
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

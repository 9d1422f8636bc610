/**
 * fast-check generators of whole HTTP requests for one route of the route table: path values,
 * queries, headers, sign-in and bodies, from plausible (the route samples, demo ids, an admitted
 * role's real token) to hostile (traversal, broken %-encodings, forged tokens, malformed and
 * oversized JSON). Requests are plain data, resolved to bytes by the fuzz test's sender, so a
 * failing case prints as something one can replay.
 */
import fc from 'fast-check';
import { demoHisKey } from '../../functions/src/local/demo-bills';
import { demoDossierId } from '../../functions/src/local/demo-dossiers';
import { demoUsers, type DemoUser } from '../../functions/src/local/demo-users';
import { allowsRoute } from '../../shared/src/policy';
import type { Principal } from '../../shared/src/roles';
import type { Route } from '../../shared/src/routes';
import { SAMPLE_BODIES, SAMPLE_PARAMS, SAMPLE_QUERY } from '../helpers/route-samples';
import { resultFields, signedResultQuery } from '../helpers/vnpay';

/** Who the request claims to be; tokens are looked up (or forged) when it is sent. */
export type Auth =
  | { kind: 'none' }
  | { kind: 'user'; userId: string }
  /** A real token with its claims rewritten (expired, or another role): the signature no longer matches. */
  | { kind: 'tampered'; userId: string; claims: Record<string, unknown> }
  /** A header sent as is: garbage, other schemes, a token without a signature. */
  | { kind: 'raw'; value: string };

/** The part of a request made hostile; the others stay valid, so each part's checks are reached. */
export type Focus = 'path' | 'query' | 'headers' | 'auth' | 'body' | 'method' | 'everything';

export interface FuzzRequest {
  focus: Focus;
  method: string;
  /** Exactly what goes on the request line (already %-encoded where it should be). */
  path: string;
  auth: Auth;
  headers: Record<string, string>;
  body?: string | Buffer;
}

/**
 * Limits the generators stay within: API Gateway's 10,240 bytes of request line and headers (Node's
 * own is 16 KB) and the functions' 64 KB body limit, which oversized bodies cross on purpose.
 */
export const LIMITS = { requestHead: 9_000, headerPadding: 6_000, longSegmentBytes: 1_500, bodyBytes: 64 * 1024 };

const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const OTHER_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

// ---- text --------------------------------------------------------------------------------------

const VIETNAMESE_LETTERS = [...'aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵĐĂÂÊÔƠƯ '];
const VIETNAMESE_WORDS = ['Nguyễn Thị Hoà', 'Đặng Văn Quý', 'Phường Bến Thành', 'giấy phép hành nghề', 'Bệnh viện Chợ Rẫy', 'khám tim mạch', 'Thành phố Hồ Chí Minh', 'Hoà', 'Hòa'];
/** Precomposed and decomposed (NFD) spellings: the same name, other bytes. */
export const vietnamese = fc.oneof(
  fc.constantFrom(...VIETNAMESE_WORDS, ...VIETNAMESE_WORDS.map((w) => w.normalize('NFD'))),
  fc.string({ unit: fc.constantFrom(...VIETNAMESE_LETTERS), minLength: 1, maxLength: 60 }),
);
const unicode = fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }), fc.constantFrom('😷🏥', '\u202Eabc', 'a\u0000b', '\uFEFF', '𝕏𝕐', 'ﷺ', '\u200B'));
export const anyText = fc.oneof(vietnamese, unicode, fc.string({ maxLength: 40 }));

/** encodeURIComponent, or the raw UTF-8 bytes %-encoded when the text has a lone surrogate. */
export function encodeSegment(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return [...Buffer.from(text, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`).join('');
  }
}

// ---- path ------------------------------------------------------------------------------------

/** Ids that exist in the seeded table, so some requests get past "not found" into the handler. */
const KNOWN: Record<string, string[]> = {
  code: ['cap-moi-giay-phep-hanh-nghe', 'cap-lai-giay-phep-hanh-nghe', 'cap-moi-giay-phep-hoat-dong-phong-kham'],
  dossierId: [1, 2, 3, 5, 7].map(demoDossierId),
  hospitalId: ['hosp-cho-ray', 'hosp-nhi-dong-1'],
  specialtyId: ['tim-mach', 'nhi-khoa', 'noi-tong-quat'],
  targetType: ['procedure', 'dossier', 'payment', 'appointment', 'refund', 'bill'],
  year: ['2026', '2027', '1900', '0', '-1', '99999', '2026.5'],
};
/** Raw segments, sent unencoded: traversal, broken or sneaky %-encodings, template syntax. */
const HOSTILE_SEGMENTS = ['..', '.', '%2e%2e', '..%2F..%2Fetc%2Fpasswd', '%2F', '%00', '%ZZ', '%', '%E0%A4%A', '%C0%AF', '%FF%FE', '~', '*', '{code}', '%7Bproxy%2B%7D', '%22%3E%3Cscript%3E', '%24%7B7*7%7D', '%20', 'null', 'undefined', '0', '-1', 'true'];

function segmentFor(name: string, hostile: boolean): fc.Arbitrary<string> {
  const known = [SAMPLE_PARAMS[name] ?? 'x', ...(KNOWN[name] ?? [])];
  if (!hostile) return fc.constantFrom(...known).map(encodeSegment);
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...known).map(encodeSegment) },
    { weight: 2, arbitrary: fc.stringMatching(/^[0-9A-HJKMNP-TV-Z]{26}$/) },
    { weight: 2, arbitrary: anyText.filter((t) => t.length > 0).map(encodeSegment) },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_SEGMENTS) },
    // 'ả' is %E1%BA%A3 on the wire: 9 bytes.
    { weight: 1, arbitrary: fc.integer({ min: 200, max: LIMITS.longSegmentBytes }).map((n) => encodeSegment('ả'.repeat(Math.floor(n / 9)))) },
    { weight: 1, arbitrary: fc.integer({ min: 200, max: LIMITS.longSegmentBytes }).map((n) => 'A'.repeat(n)) },
  );
}

/** The route's path with every `{name}` filled; the greedy `{proxy+}` may take several segments. */
function pathArb(route: Route, hostile: boolean): fc.Arbitrary<string> {
  const names = [...route.path.matchAll(/\{(\w+)\+?\}/g)].map((m) => m[1] ?? '');
  const fills = names.map((name) => (name === 'proxy' ? fc.array(segmentFor(name, hostile), { minLength: 1, maxLength: 4 }).map((s) => s.join('/')) : segmentFor(name, hostile)));
  const filled = fc.tuple(...fills).map((values) => {
    let i = 0;
    return route.path.replace(/\{(\w+)\+?\}/g, () => values[i++] ?? 'x');
  });
  if (!hostile) return filled;
  // A trailing or doubled slash: API Gateway sees another path (the catch-all's 404/405).
  return fc.tuple(filled, fc.constantFrom('', '', '', '', '', '', '/', '//')).map(([path, tail]) => (tail === '//' ? path.replace('/api/', '/api//') : path + tail));
}

// ---- query -----------------------------------------------------------------------------------

const QUERY_KEYS = ['specialty', 'day', 'date', 'from', 'to', 'status', 'mine', 'check', 'state', 'due', 'assignee', 'procedure', 'q', 'cursor', 'limit', 'page', 'billCode', 'patientCode', 'lang', 'vnp_TxnRef', 'vnp_SecureHash'];
const queryValue = fc.oneof(
  fc.constantFrom('', '1', '0', '-1', 'true', '2026-11-22', '2030-01-07', '2026-02-30', '9999-99-99', '1e309', 'tim-mach', 'submitted', 'null', '[]', '{}'),
  fc.integer().map(String),
  anyText,
  fc.integer({ min: 100, max: 400 }).map((n) => 'ư'.repeat(n)),
);
const generatedQuery = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...QUERY_KEYS), fc.string({ maxLength: 8 })), queryValue), { maxLength: 5 }).map((pairs) => pairs.map(([k, v]) => `${encodeSegment(k)}=${encodeSegment(v)}`).join('&'));
const RAW_QUERIES = ['%zz', '&&&', '=', '=&=', 'a=1&a=2&a=3', 'a[]=1&a[]=2', 'a[b]=c', '%00=%00', 'specialty', 'day=%E0%A4%A', '__proto__=x', 'constructor[prototype][x]=1'];

/** IPN and return queries: some signed for real, some signed and then altered. */
function vnpayQuery(): fc.Arbitrary<string> {
  const fields = fc.record({ txnRef: fc.oneof(fc.stringMatching(/^[0-9A-Z]{26}$/), fc.string({ maxLength: 30 })), amountVnd: fc.integer({ min: -1, max: 1e12 }), responseCode: fc.constantFrom('00', '24', '99', 'xx') });
  return fc.oneof(
    fields.map((f) => signedResultQuery(resultFields(f))),
    fc.tuple(fields, queryValue).map(([f, v]) => signedResultQuery(resultFields(f)).replace(/vnp_Amount=\d+/, `vnp_Amount=${encodeSegment(v)}`)),
  );
}

function queryArb(route: Route, hostile: boolean): fc.Arbitrary<string> {
  const sample = (SAMPLE_QUERY[route.id] ?? '').replace(/^\?/, '');
  const options = [
    { weight: hostile ? 1 : 10, arbitrary: fc.constant(sample) },
    { weight: 3, arbitrary: generatedQuery.map((q) => [sample, q].filter(Boolean).join('&')) },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_QUERIES) },
    ...(route.id.startsWith('payments.vnpay.') ? [{ weight: 6, arbitrary: vnpayQuery() }] : []),
  ];
  return fc.oneof(...options).map((q) => (q ? `?${q}` : ''));
}

// ---- sign-in ---------------------------------------------------------------------------------

export const principalOf = (user: DemoUser): Principal => ({ userId: user.id, role: user.role, name: user.name, duties: user.duties ?? [], hospitalId: user.hospitalId, unitId: user.unitId, organisationId: user.organisationId });
const admits = (route: Route, user: DemoUser) => allowsRoute(route.auth, principalOf(user)) === 'allowed';

/** Demo users the route lets in; those bound to the samples' hospital first (their requests reach the data). */
export function admittedUsers(route: Route): DemoUser[] {
  const users = demoUsers.filter((u) => admits(route, u));
  return users.sort((a, b) => Number(b.hospitalId === SAMPLE_PARAMS.hospitalId) - Number(a.hospitalId === SAMPLE_PARAMS.hospitalId));
}

const GARBAGE_AUTH = ['Bearer', 'Bearer ', 'Bearer a.b.c', 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbi1xdWFuZyJ9.', 'Basic YWRtaW46YWRtaW4=', 'bearer  x', 'Token abc', 'Bearer ' + 'x'.repeat(4_000), 'Bearer \u00ff\u00fe'];

function authArb(route: Route, hostile: boolean): fc.Arbitrary<Auth> {
  const admitted = admittedUsers(route);
  if (!hostile && admitted.length > 0) return fc.constantFrom(...admitted).map((u): Auth => ({ kind: 'user', userId: u.id }));
  const others = demoUsers.filter((u) => !admits(route, u));
  const now = Math.floor(Date.now() / 1000);
  const tamper = fc.record({
    userId: fc.constantFrom(...demoUsers.map((u) => u.id)),
    claims: fc.constantFrom<Record<string, unknown>>({ exp: now - 3_600, iat: now - 7_200 }, { 'cognito:groups': ['admin'] }, { token_use: 'access' }, { aud: 'someone-else' }),
  }).map((t): Auth => ({ kind: 'tampered', ...t }));
  const options: { weight: number; arbitrary: fc.Arbitrary<Auth> }[] = [
    { weight: 1, arbitrary: fc.constant<Auth>({ kind: 'none' }) },
    { weight: 1, arbitrary: tamper },
    { weight: 1, arbitrary: fc.oneof(fc.constantFrom(...GARBAGE_AUTH), fc.string({ unit: 'binary-ascii', maxLength: 60 }).map((s) => `Bearer ${s.replace(/[^\x20-\x7e]/g, '')}`)).map((value): Auth => ({ kind: 'raw', value })) },
  ];
  // Signed in as a role the route admits in most runs, so validation is reached, not only the gate.
  if (admitted.length > 0) options.push({ weight: 12, arbitrary: fc.constantFrom(...admitted).map((u): Auth => ({ kind: 'user', userId: u.id })) });
  if (others.length > 0) options.push({ weight: 1, arbitrary: fc.constantFrom(...others).map((u): Auth => ({ kind: 'user', userId: u.id })) });
  return fc.oneof(...options);
}

// ---- headers ---------------------------------------------------------------------------------

const CONTENT_TYPES = ['application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON', 'application/problem+json', 'application/json; charset=latin1', 'application/json; charset=', 'application/json;;;', 'text/plain', 'text/json', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', '*/*', 'json', ''];
const ACCEPT_LANGUAGES = ['vi', 'en', 'vi-VN,vi;q=0.9,en;q=0.8', 'en-US,en;q=0.9', 'fr, de;q=0.5', 'en;q=abc', 'vi;q=-1,en;q=2', '*', ';;;', 'x'.repeat(300)];
/** Header values travel as bytes: Vietnamese text goes as its UTF-8 bytes. */
const headerText = anyText.map((t) => [...Buffer.from(t, 'utf8').toString('latin1')].filter(headerSafe).join(''));
/** What Node lets into a header value: tab, printable ASCII and the bytes above 0x7f. */
function headerSafe(char: string): boolean {
  const code = char.charCodeAt(0);
  return code === 0x09 || (code >= 0x20 && code !== 0x7f);
}

function headersArb(hasBody: boolean, route: Route, hostile: boolean): fc.Arbitrary<Record<string, string>> {
  if (!hostile) return fc.record({ 'content-type': fc.constant('application/json'), 'accept-language': fc.constantFrom('vi', 'en') }, { requiredKeys: hasBody ? ['content-type'] : [] });
  return fc.record({
    'content-type': hasBody ? fc.oneof({ weight: 6, arbitrary: fc.constant('application/json') }, { weight: 3, arbitrary: fc.constantFrom(...CONTENT_TYPES) }, { weight: 1, arbitrary: headerText }) : fc.constantFrom(...CONTENT_TYPES),
    'accept-language': fc.oneof(fc.constantFrom(...ACCEPT_LANGUAGES), headerText),
    accept: fc.constantFrom('application/json', 'application/problem+json', 'text/html', '*/*', 'image/png'),
    'x-request-id': fc.oneof(fc.stringMatching(/^[A-Za-z0-9-]{8,64}$/), headerText),
    'idempotency-key': fc.oneof(fc.uuid(), headerText),
    'x-fuzz-padding': fc.integer({ min: 1_000, max: LIMITS.headerPadding }).map((n) => 'p'.repeat(n)),
    'x-api-key': route.id === 'his.bills.push' ? fc.constantFrom(demoHisKey('hosp-cho-ray'), demoHisKey('hosp-nhi-dong-1'), 'his_hosp-cho-ray_' + 'x'.repeat(43), 'nope') : fc.constantFrom('junk'),
    'x-forwarded-for': fc.constantFrom('1.2.3.4', 'not-an-ip', '::1, 10.0.0.1'),
  }, { requiredKeys: [] });
}

// ---- bodies ----------------------------------------------------------------------------------

/** JSON text that no object can stand for (a `__proto__` key), sent as written. */
class RawJson {
  constructor(readonly text: string) {}
}

const wrongValue = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.double(), fc.constant(1e308), fc.constant(-1), fc.constant(''), anyText, fc.constant([]), fc.constant({}), fc.array(anyText, { maxLength: 3 }), fc.constant('x'.repeat(5_000)));

/** One change to a valid body: a field removed, retyped, given Vietnamese text, or one too many. */
function nearMiss(sample: unknown): fc.Arbitrary<unknown> {
  if (sample === null || typeof sample !== 'object') return fc.oneof(wrongValue, fc.constant(sample));
  const entries = Object.entries(sample as Record<string, unknown>);
  if (entries.length === 0) return fc.dictionary(fc.string({ maxLength: 8 }), wrongValue, { maxKeys: 3 });
  return fc.tuple(fc.constantFrom(...entries.map(([k]) => k)), fc.constantFrom('drop', 'wrong', 'text', 'extra', 'deeper', 'proto')).chain(([key, change]): fc.Arbitrary<unknown> => {
    const rest = { ...(sample as Record<string, unknown>) };
    const inner = rest[key];
    switch (change) {
      case 'drop':
        delete rest[key];
        return fc.constant(rest);
      case 'wrong':
        return wrongValue.map((v) => ({ ...rest, [key]: v }));
      case 'text':
        return vietnamese.map((v) => ({ ...rest, [key]: v }));
      case 'extra':
        return fc.tuple(fc.string({ maxLength: 10 }), wrongValue).map(([k, v]) => ({ ...rest, [k]: v }));
      case 'deeper':
        return (Array.isArray(inner) ? fc.array(nearMiss(inner[0]), { maxLength: 3 }) : nearMiss(inner)).map((v) => ({ ...rest, [key]: v }));
      default:
        // Sent as text: JSON.parse makes `__proto__` an own key, which an object spread would not keep.
        return fc.constant(new RawJson(`{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}},${JSON.stringify(sample).slice(1)}`));
    }
  });
}

/** Arrays or objects nested `depth` deep, within the body limit. */
const deepJson = fc.tuple(fc.integer({ min: 100, max: 20_000 }), fc.boolean()).map(([depth, arrays]) => (arrays ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)));

function malformed(sampleJson: string): fc.Arbitrary<string | Buffer> {
  return fc.oneof(
    fc.constantFrom('{', '}', '[', 'nul', '{"a":}', "{'a':1}", '{"a":1,}', 'NaN', '\uFEFF{}', '{"a":"\\u12"}', '"unterminated', '{"a":1}{"b":2}', '\u0000', ' ', '\n'),
    fc.nat({ max: Math.max(sampleJson.length - 1, 0) }).map((n) => sampleJson.slice(0, n) || '{'),
    fc.string({ maxLength: 60 }).map((s) => `${sampleJson}${s}`),
    fc.constant(Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0xff, 0x22, 0x7d])),
  );
}

/** More than the 64 KB limit: a long Vietnamese field in an otherwise valid body, or plain padding. */
function oversized(sample: unknown): fc.Arbitrary<string> {
  return fc.integer({ min: LIMITS.bodyBytes + 1, max: 3 * LIMITS.bodyBytes }).map((bytes) => {
    const base = sample && typeof sample === 'object' && !Array.isArray(sample) ? sample : {};
    // 'ệ' is three bytes in UTF-8: the limit is on bytes, not characters.
    return JSON.stringify({ ...base, ghiChu: 'ệ'.repeat(Math.ceil(bytes / 3)) });
  });
}

function bodyArb(route: Route, hostile: boolean): fc.Arbitrary<string | Buffer | undefined> {
  const sample: unknown = SAMPLE_BODIES[route.id] ?? {};
  const sampleJson = JSON.stringify(sample);
  if (!hostile) return fc.constant(SAMPLE_BODIES[route.id] === undefined ? undefined : sampleJson);
  const keys = Object.keys(sample as object);
  const vietnameseFields = fc.dictionary(keys.length > 0 ? fc.oneof(fc.constantFrom(...keys), vietnamese) : vietnamese, vietnamese, { maxKeys: 5 });
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 2, arbitrary: fc.constant(sampleJson) },
    { weight: 8, arbitrary: nearMiss(sample).map((b) => (b instanceof RawJson ? b.text : JSON.stringify(b))) },
    { weight: 2, arbitrary: vietnameseFields.map((b) => JSON.stringify(b)) },
    { weight: 2, arbitrary: fc.oneof(fc.jsonValue(), fc.anything()).map((b) => JSON.stringify(b) ?? 'undefined') },
    { weight: 2, arbitrary: malformed(sampleJson) },
    { weight: 1, arbitrary: deepJson },
    { weight: 1, arbitrary: deepJson.map((d) => `{"data":${d},"items":${d}}`) },
    { weight: 1, arbitrary: oversized(sample) },
  );
}

// ---- whole requests --------------------------------------------------------------------------

const FOCUS: { weight: number; arbitrary: fc.Arbitrary<Focus> }[] = [
  { weight: 2, arbitrary: fc.constant('path') },
  { weight: 2, arbitrary: fc.constant('query') },
  { weight: 2, arbitrary: fc.constant('headers') },
  { weight: 2, arbitrary: fc.constant('auth') },
  { weight: 6, arbitrary: fc.constant('body') },
  { weight: 1, arbitrary: fc.constant('method') },
  { weight: 2, arbitrary: fc.constant('everything') },
];

/**
 * Requests for one route. Each makes one part hostile (sometimes all): the others stay as the
 * route samples have them, signed in as a role the route admits, so the checks of that part in
 * the handler are reached and not only the sign-in gate or the first failing field.
 */
export function requestArb(route: Route): fc.Arbitrary<FuzzRequest> {
  return fc.oneof(...FOCUS).chain((focus) => {
    const hostile = (part: Focus) => focus === part || focus === 'everything';
    const ownMethod = route.method === 'ANY' ? 'GET' : route.method;
    const method = route.method === 'ANY' || hostile('method') ? fc.constantFrom(...OTHER_METHODS) : fc.constant<string>(ownMethod);
    return method.chain((m) => {
      const hasBody = METHODS_WITH_BODY.has(m);
      return fc.record({
        focus: fc.constant(focus),
        method: fc.constant(m),
        path: fc.tuple(pathArb(route, hostile('path')), queryArb(route, hostile('query'))).map(([p, q]) => p + q),
        auth: authArb(route, hostile('auth')),
        headers: headersArb(hasBody, route, hostile('headers')),
        body: hasBody ? bodyArb(route, hostile('body')) : fc.constant(undefined),
      });
    });
  }).map(withinHeadLimit);
}

/** Bytes of the request line and headers, the sign-in counted at its longest (a 4 KB garbage header). */
const headBytes = (req: FuzzRequest) => req.method.length + req.path.length + 4_200 + Object.entries(req.headers).reduce((n, [k, v]) => n + k.length + v.length + 4, 0);

/** Shortens the padding header, then the query, until the request head fits API Gateway's limit. */
function withinHeadLimit(req: FuzzRequest): FuzzRequest {
  const over = headBytes(req) - LIMITS.requestHead;
  if (over <= 0) return req;
  const padding = req.headers['x-fuzz-padding'] ?? '';
  const { 'x-fuzz-padding': _, ...rest } = req.headers;
  const kept = padding.slice(0, Math.max(0, padding.length - over));
  const headers = kept ? { ...rest, 'x-fuzz-padding': kept } : rest;
  const left = headBytes({ ...req, headers }) - LIMITS.requestHead;
  return { ...req, headers, path: left > 0 ? req.path.slice(0, Math.max(req.path.indexOf('?'), req.path.length - left)) : req.path };
}

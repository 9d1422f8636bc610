/**
 * The one route table. Plain data: CDK creates one API Gateway route per entry and one Lambda per
 * `fn`; the local server matches requests against the same entries; the auth middleware enforces
 * `auth` before any handler runs; IAM grants each function exactly the table `access` its routes
 * declare. Handler module for a route: `functions/src/handlers/<id with '.' as '/'>.ts`.
 *
 * Functions group routes that share the same data access (ADR 0002), so the stack grows by a
 * route and a permission per route, not by a whole function.
 */
import { ROLES, type Duty, type Role } from './roles';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'ANY';
/** Table access a route needs; a function's IAM policy is the access of its routes. */
export type TableAccess = 'none' | 'read' | 'write';
export type AuthRule =
  | 'public'
  | {
      roles: readonly Role[];
      duties?: readonly Duty[];
      /** Also accept a hospital information system's API key (`x-api-key`), as staff of its hospital (ADR 0012). */
      apiKey?: 'his';
    };

/** Parts of the documents bucket, each granted on its own (ADR 0011, 0015): `<prefix>/…` keys. */
export const DOCUMENT_PREFIXES = ['receipts', 'dossiers', 'licences'] as const;
export type DocumentPrefix = (typeof DOCUMENT_PREFIXES)[number];
/** read: GetObject (also HEAD); write: and PutObject (also what a presigned PUT needs); manage: and DeleteObject. */
export type DocumentsAccess = 'read' | 'write' | 'manage';
export type DocumentsGrant = Partial<Record<DocumentPrefix, DocumentsAccess>>;
/** The licence-signing key (ADR 0015): `sign` (kms:Sign), `verify` (kms:GetPublicKey, to check signatures itself). */
export type LicenceKeyUse = 'sign' | 'verify';

export const FUNCTIONS = {
  platform: { access: 'none', description: 'Health, the signed-in user, the API document, unknown paths' },
  // The confidential OIDC clients' secrets (VNeID) are in the portal secret (ADR 0021).
  signIn: { access: 'none', description: 'Sign-in relay: the trusted issuers, code + PKCE and refresh exchanges, sign-out (ADR 0021)', portalSecret: true },
  catalogue: { access: 'read', description: 'Procedure catalogue reads' },
  catalogueAdmin: { access: 'write', description: 'Catalogue changes by administrators' },
  audit: { access: 'read', description: 'Audit log readers: per target for administrators; a person\'s own entries as data subject (ADR 0025)' },
  hospitalAdmin: { access: 'write', description: "Hospitals' settings by administrators: API keys of their information systems" },
  payments: { access: 'write', description: 'Bills from hospitals, bill lookup, payment attempts and VNPay notifications', portalSecret: true },
  refunds: { access: 'write', description: 'Refund requests and decisions (maker–checker) and the VNPay refund call', portalSecret: true },
  desk: { access: 'write', description: "A hospital's cashier desk and finance office: bills, payments, reconciliation (reads are audited)", portalSecret: true },
  receipts: { access: 'read', description: 'E-receipt PDFs by payment id and the public receipt verification', documents: { receipts: 'read' } },
  paymentsRead: { access: 'read', description: 'Bills by pay link, payment status, the VNPay return', portalSecret: true },
  bookingRead: { access: 'read', description: 'Hospitals, specialties and sessions with places left; a citizen\'s bookings and saved patient profiles' },
  booking: { access: 'write', description: 'Booking, cancelling and rescheduling appointments (capacity by transaction, ADR 0016); saving patient profiles' },
  hospitalSchedule: { access: 'write', description: "A hospital's schedulers and reception: weekly templates, sessions, closures, booking lists, check-in, no-shows (audited)" },
  // dossiers/*: presigned uploads and downloads, HEAD at submission, delete; licences/*: the holder's PDF.
  dossiers: { access: 'write', description: "Applicants' dossiers: drafts, submission (code, due date, fee), withdrawal; attachments", documents: { dossiers: 'manage', licences: 'read' } },
  // dossiers/*: the dossier view checks pending uploads with a HEAD.
  dossierOffice: { access: 'write', description: "Officers' inbox and actions on their unit's dossiers (audited, one transaction per transition)", documents: { dossiers: 'read' } },
  // write: the tracking lookup counts wrong second factors and locks (as bills.lookup does).
  dossiersPublic: { access: 'write', description: 'Public dossier tracking (code + second factor, locked after wrong tries), public licence verification, the working-day calendar', documents: { licences: 'read' }, licenceKey: 'verify' },
  ratings: { access: 'write', description: 'Satisfaction ratings: the owner rates a finished dossier or a checked-in appointment, the counters in the same transaction (ADR 0026)' },
  ratingsRead: { access: 'read', description: "The owner's own rating of a dossier or appointment; the public anonymous counts (ADR 0026)" },
  departmentAdmin: { access: 'write', description: "The department's administrators: licence status, the working-day calendar (audited)" },
} as const satisfies Record<string, { access: TableAccess; description: string; /** Reads the VNPay/pay-link secret. */ portalSecret?: true; /** Access to prefixes of the documents bucket. */ documents?: DocumentsGrant; licenceKey?: LicenceKeyUse }>;
export type FunctionName = keyof typeof FUNCTIONS;

export interface Route {
  id: string;
  method: HttpMethod;
  /** API Gateway syntax: `/api/procedures/{code}`, greedy `{proxy+}`. */
  path: string;
  auth: AuthRule;
  access: TableAccess;
  fn: FunctionName;
  summary: string;
}

const signedIn = { roles: ROLES } as const;
const adminOnly = { roles: ['admin'] } as const;
const cashier = { roles: ['hospital_staff'], duties: ['cashier'] } as const;
const applicant = { roles: ['citizen', 'clinic_owner'] } as const;
const dossierReader = { roles: ['citizen', 'clinic_owner', 'officer', 'admin'] } as const;
const officerOnly = { roles: ['officer'] } as const;
const citizenOnly = { roles: ['citizen'] } as const;
const scheduler = { roles: ['hospital_staff'], duties: ['scheduler'] } as const;
const reception = { roles: ['hospital_staff'], duties: ['reception'] } as const;
const bookingStaff = { roles: ['hospital_staff'], duties: ['scheduler', 'reception'] } as const;

export const routes = [
  { id: 'health.get', method: 'GET', path: '/api/health', auth: 'public', access: 'none', fn: 'platform', summary: 'Liveness and readiness' },
  { id: 'openapi.get', method: 'GET', path: '/api/openapi.json', auth: 'public', access: 'none', fn: 'platform', summary: 'This API described as an OpenAPI 3.1 document (ETag; 304 when unchanged)' },
  { id: 'me.get', method: 'GET', path: '/api/me', auth: signedIn, access: 'none', fn: 'platform', summary: 'The signed-in user, role and bindings' },
  { id: 'auth.config', method: 'GET', path: '/api/auth/config', auth: 'public', access: 'none', fn: 'signIn', summary: 'The sign-in choices: each trusted issuer with its authorization endpoint (from its discovery document)' },
  { id: 'auth.token', method: 'POST', path: '/api/auth/token', auth: 'public', access: 'none', fn: 'signIn', summary: 'Exchange an authorization code and its PKCE verifier: the ID token back, the refresh token in an HttpOnly cookie' },
  { id: 'auth.refresh', method: 'POST', path: '/api/auth/refresh', auth: 'public', access: 'none', fn: 'signIn', summary: 'A new ID token from the refresh cookie (needs the x-portal-session header)' },
  { id: 'auth.logout', method: 'POST', path: '/api/auth/logout', auth: 'public', access: 'none', fn: 'signIn', summary: 'Revoke the refresh token at its issuer, clear the cookies, and where to end the issuer session' },
  { id: 'procedures.list', method: 'GET', path: '/api/procedures', auth: 'public', access: 'read', fn: 'catalogue', summary: 'Procedure catalogue' },
  { id: 'procedures.get', method: 'GET', path: '/api/procedures/{code}', auth: 'public', access: 'read', fn: 'catalogue', summary: 'One procedure' },
  { id: 'procedures.update', method: 'PATCH', path: '/api/procedures/{code}', auth: adminOnly, access: 'write', fn: 'catalogueAdmin', summary: 'Suspend or resume online submission of a procedure' },
  { id: 'me.dataAccess', method: 'GET', path: '/api/me/data-access', auth: signedIn, access: 'read', fn: 'audit', summary: 'Who read or acted on my data: staff reads and actions on my dossiers and bookings, newest first, paged (ADR 0025)' },
  { id: 'audit.list', method: 'GET', path: '/api/audit/{targetType}/{targetId}', auth: adminOnly, access: 'read', fn: 'audit', summary: 'Audit entries of one target' },
  { id: 'his.bills.push', method: 'POST', path: '/api/his/bills', auth: { roles: ['hospital_staff'], apiKey: 'his' }, access: 'write', fn: 'payments', summary: "A hospital's information system pushes a bill" },
  { id: 'bills.lookup', method: 'POST', path: '/api/bills/lookup', auth: 'public', access: 'write', fn: 'payments', summary: 'A patient finds a bill with its codes and a second factor' },
  { id: 'bills.payLink', method: 'GET', path: '/api/bills/pay-link/{token}', auth: 'public', access: 'read', fn: 'paymentsRead', summary: 'The bill behind a shareable pay link, without personal data' },
  { id: 'payments.create', method: 'POST', path: '/api/payments', auth: 'public', access: 'write', fn: 'payments', summary: 'Start a VNPay payment of a payable (by pay link, or as its hospital staff)' },
  { id: 'payments.get', method: 'GET', path: '/api/payments/{paymentId}', auth: 'public', access: 'read', fn: 'paymentsRead', summary: 'Payment status from our records (the id is the capability)' },
  { id: 'payments.vnpay.ipn', method: 'GET', path: '/api/payments/vnpay/ipn', auth: 'public', access: 'write', fn: 'payments', summary: "VNPay's server-to-server payment notification" },
  { id: 'payments.vnpay.return', method: 'GET', path: '/api/payments/vnpay/return', auth: 'public', access: 'read', fn: 'paymentsRead', summary: 'The browser back from VNPay: redirect to the result page' },
  { id: 'refunds.request', method: 'POST', path: '/api/payments/{paymentId}/refunds', auth: cashier, access: 'write', fn: 'refunds', summary: 'A cashier requests a full or partial refund' },
  { id: 'refunds.decide', method: 'POST', path: '/api/refunds/{refundId}/decision', auth: cashier, access: 'write', fn: 'refunds', summary: 'Another cashier approves (VNPay refund) or rejects it' },
  { id: 'refunds.list', method: 'GET', path: '/api/hospitals/{hospitalId}/refunds', auth: cashier, access: 'write', fn: 'refunds', summary: "A hospital's refunds, by status" },
  { id: 'desk.bills', method: 'GET', path: '/api/hospitals/{hospitalId}/bills', auth: cashier, access: 'write', fn: 'desk', summary: "The cashier's bills of a day, or a search by bill or patient code" },
  { id: 'desk.payments', method: 'GET', path: '/api/hospitals/{hospitalId}/payments', auth: cashier, access: 'write', fn: 'desk', summary: "A hospital's payments of a day, by status" },
  { id: 'desk.reconciliation', method: 'GET', path: '/api/hospitals/{hospitalId}/reconciliation', auth: cashier, access: 'write', fn: 'desk', summary: 'Daily reconciliation report (CSV, GMT+7)' },
  { id: 'receipts.pdf', method: 'GET', path: '/api/payments/{paymentId}/receipt', auth: 'public', access: 'read', fn: 'receipts', summary: 'The e-receipt PDF of a paid payment (the id is the capability); 404 until issued' },
  { id: 'receipts.verify', method: 'GET', path: '/api/receipts/{number}', auth: 'public', access: 'read', fn: 'receipts', summary: 'Public verification of a receipt number, without personal data' },
  { id: 'hisKeys.create', method: 'POST', path: '/api/hospitals/{hospitalId}/his-keys', auth: adminOnly, access: 'write', fn: 'hospitalAdmin', summary: "An administrator issues an API key for a hospital's information system (shown once)" },
  { id: 'hisKeys.list', method: 'GET', path: '/api/hospitals/{hospitalId}/his-keys', auth: adminOnly, access: 'write', fn: 'hospitalAdmin', summary: "A hospital's HIS keys: label, issued when and by whom, last 4 characters, status (never the key)" },
  { id: 'hisKeys.revoke', method: 'POST', path: '/api/hospitals/{hospitalId}/his-keys/{keyId}/revoke', auth: adminOnly, access: 'write', fn: 'hospitalAdmin', summary: 'An administrator revokes a HIS key (audited); the next request with it is refused' },
  { id: 'hospitals.list', method: 'GET', path: '/api/hospitals', auth: 'public', access: 'read', fn: 'bookingRead', summary: 'Hospitals that take bookings, with their booking rules' },
  { id: 'hospitals.specialties', method: 'GET', path: '/api/hospitals/{hospitalId}/specialties', auth: 'public', access: 'read', fn: 'bookingRead', summary: "A hospital's specialties" },
  { id: 'sessions.list', method: 'GET', path: '/api/hospitals/{hospitalId}/sessions', auth: 'public', access: 'read', fn: 'bookingRead', summary: 'Bookable sessions of a specialty with places left (a hint)' },
  { id: 'appointments.create', method: 'POST', path: '/api/appointments', auth: citizenOnly, access: 'write', fn: 'booking', summary: 'Book a place in a session (Idempotency-Key); 409 when full or already booked' },
  { id: 'appointments.mine', method: 'GET', path: '/api/appointments', auth: citizenOnly, access: 'read', fn: 'bookingRead', summary: "The signed-in citizen's bookings, newest first" },
  { id: 'appointments.get', method: 'GET', path: '/api/appointments/{appointmentId}', auth: citizenOnly, access: 'read', fn: 'bookingRead', summary: 'One of my bookings (another person\'s: 404)' },
  { id: 'appointments.cancel', method: 'POST', path: '/api/appointments/{appointmentId}/cancel', auth: citizenOnly, access: 'write', fn: 'booking', summary: 'Cancel until the cut-off; the place returns' },
  { id: 'appointments.reschedule', method: 'POST', path: '/api/appointments/{appointmentId}/reschedule', auth: citizenOnly, access: 'write', fn: 'booking', summary: 'Move to another session: new place taken and old released in one step, or nothing changes' },
  { id: 'patients.list', method: 'GET', path: '/api/me/patients', auth: citizenOnly, access: 'read', fn: 'bookingRead', summary: 'Saved patient profiles (self and family)' },
  { id: 'patients.create', method: 'POST', path: '/api/me/patients', auth: citizenOnly, access: 'write', fn: 'booking', summary: 'Save a patient profile' },
  { id: 'schedule.template.get', method: 'GET', path: '/api/hospitals/{hospitalId}/specialties/{specialtyId}/template', auth: scheduler, access: 'write', fn: 'hospitalSchedule', summary: "A specialty's weekly template" },
  { id: 'schedule.template.put', method: 'PUT', path: '/api/hospitals/{hospitalId}/specialties/{specialtyId}/template', auth: scheduler, access: 'write', fn: 'hospitalSchedule', summary: "Replace a specialty's weekly template" },
  { id: 'schedule.sessions', method: 'GET', path: '/api/hospitals/{hospitalId}/schedule', auth: bookingStaff, access: 'write', fn: 'hospitalSchedule', summary: "Staff view of a specialty's sessions (closed ones and places taken)" },
  { id: 'schedule.generate', method: 'POST', path: '/api/hospitals/{hospitalId}/sessions', auth: scheduler, access: 'write', fn: 'hospitalSchedule', summary: 'Make sessions from the weekly template for a date range' },
  { id: 'schedule.session.update', method: 'PATCH', path: '/api/hospitals/{hospitalId}/sessions/{sessionId}', auth: scheduler, access: 'write', fn: 'hospitalSchedule', summary: "Change a session's capacity, or close it (booked patients are told)" },
  { id: 'schedule.closeDay', method: 'POST', path: '/api/hospitals/{hospitalId}/closures', auth: scheduler, access: 'write', fn: 'hospitalSchedule', summary: 'Close every session of a day (one specialty or all)' },
  { id: 'schedule.session.appointments', method: 'GET', path: '/api/hospitals/{hospitalId}/sessions/{sessionId}/appointments', auth: bookingStaff, access: 'write', fn: 'hospitalSchedule', summary: "A session's bookings in queue order (audited read)" },
  { id: 'reception.checkIn', method: 'POST', path: '/api/hospitals/{hospitalId}/check-ins', auth: reception, access: 'write', fn: 'hospitalSchedule', summary: 'Check a patient in by booking code (typed or scanned)' },
  { id: 'reception.noShow', method: 'POST', path: '/api/hospitals/{hospitalId}/appointments/{appointmentId}/no-show', auth: reception, access: 'write', fn: 'hospitalSchedule', summary: 'Mark a booking as not attended' },
  { id: 'dossiers.create', method: 'POST', path: '/api/dossiers', auth: applicant, access: 'write', fn: 'dossiers', summary: 'Start a dossier (a draft, partial data allowed) for a procedure' },
  { id: 'dossiers.list', method: 'GET', path: '/api/dossiers', auth: applicant, access: 'write', fn: 'dossiers', summary: "The signed-in applicant's dossiers, newest first (?mine=1)" },
  { id: 'dossiers.get', method: 'GET', path: '/api/dossiers/{dossierId}', auth: dossierReader, access: 'write', fn: 'dossiers', summary: "One dossier: its owner, or officers of its unit (audited read); another applicant's: 404" },
  { id: 'dossiers.update', method: 'PATCH', path: '/api/dossiers/{dossierId}', auth: applicant, access: 'write', fn: 'dossiers', summary: 'Save a step of the form (draft, or while a supplement is requested); version checked' },
  { id: 'dossiers.submit', method: 'POST', path: '/api/dossiers/{dossierId}/submit', auth: applicant, access: 'write', fn: 'dossiers', summary: 'Submit (or return a supplemented dossier): 422 listing what is missing, else the code and due date' },
  { id: 'dossiers.withdraw', method: 'POST', path: '/api/dossiers/{dossierId}/withdraw', auth: applicant, access: 'write', fn: 'dossiers', summary: 'Withdraw a submitted dossier at the applicant’s request' },
  { id: 'inbox.list', method: 'GET', path: '/api/inbox', auth: officerOnly, access: 'write', fn: 'dossierOffice', summary: "The officer's unit inbox by due date, with filters and counts (audited read)" },
  { id: 'inbox.receive', method: 'POST', path: '/api/inbox/receive', auth: officerOnly, access: 'write', fn: 'dossierOffice', summary: 'Receive several dossiers at once; each succeeds or fails on its own' },
  { id: 'dossiers.act', method: 'POST', path: '/api/dossiers/{dossierId}/actions', auth: officerOnly, access: 'write', fn: 'dossierOffice', summary: 'An officer acts on a dossier of their unit (receive, supplement, appraisal, decide…); 409 on a stale version' },
  { id: 'public.dossiers.get', method: 'GET', path: '/api/public/dossiers/{code}', auth: 'public', access: 'write', fn: 'dossiersPublic', summary: 'Track a dossier by code and the last 4 digits of the phone or ID number; no personal data; locked after wrong tries' },
  { id: 'calendar.get', method: 'GET', path: '/api/calendar/{year}', auth: 'public', access: 'write', fn: 'dossiersPublic', summary: "A year's holidays and make-up working days (edited or the shipped default)" },
  { id: 'calendar.put', method: 'PUT', path: '/api/calendar/{year}', auth: adminOnly, access: 'write', fn: 'departmentAdmin', summary: "Replace a year's holidays and make-up days (audited)" },
  { id: 'dossiers.attachments.create', method: 'POST', path: '/api/dossiers/{dossierId}/attachments', auth: applicant, access: 'write', fn: 'dossiers', summary: 'A presigned upload for one required document (type and size checked, while the dossier is editable)' },
  { id: 'dossiers.attachments.get', method: 'GET', path: '/api/dossiers/{dossierId}/attachments/{attachmentId}', auth: dossierReader, access: 'write', fn: 'dossiers', summary: "A short-lived download address of an attachment: the applicant or officers of the unit (audited); another applicant's: 404" },
  { id: 'dossiers.attachments.delete', method: 'DELETE', path: '/api/dossiers/{dossierId}/attachments/{attachmentId}', auth: applicant, access: 'write', fn: 'dossiers', summary: 'Remove an attachment while the dossier is editable' },
  { id: 'dossiers.licence', method: 'GET', path: '/api/dossiers/{dossierId}/licence', auth: dossierReader, access: 'write', fn: 'dossiers', summary: 'The signed licence or certificate PDF: the holder or officers of the unit; 404 until issued' },
  { id: 'public.licences.get', method: 'GET', path: '/api/public/licences/{number}', auth: 'public', access: 'write', fn: 'dossiersPublic', summary: 'Public licence verification: current status and the signature re-verified against the stored file' },
  { id: 'licences.status', method: 'POST', path: '/api/licences/{number}/status', auth: adminOnly, access: 'write', fn: 'departmentAdmin', summary: 'Suspend, revoke or reinstate a licence with a reason (audited; published at once; the holder is told)' },
  { id: 'ratings.dossier.get', method: 'GET', path: '/api/dossiers/{dossierId}/rating', auth: applicant, access: 'read', fn: 'ratingsRead', summary: "The applicant's own rating of a dossier, and whether it can be rated; another applicant's: 404" },
  { id: 'ratings.dossier.put', method: 'PUT', path: '/api/dossiers/{dossierId}/rating', auth: applicant, access: 'write', fn: 'ratings', summary: 'Rate a finished dossier 1–5 with an optional comment; changeable for 7 days, then locked' },
  { id: 'ratings.appointment.get', method: 'GET', path: '/api/appointments/{appointmentId}/rating', auth: citizenOnly, access: 'read', fn: 'ratingsRead', summary: "The citizen's own rating of an appointment, and whether it can be rated; another's: 404" },
  { id: 'ratings.appointment.put', method: 'PUT', path: '/api/appointments/{appointmentId}/rating', auth: citizenOnly, access: 'write', fn: 'ratings', summary: 'Rate a checked-in appointment 1–5 with an optional comment; changeable for 7 days, then locked' },
  { id: 'ratings.summary', method: 'GET', path: '/api/ratings/summary', auth: 'public', access: 'read', fn: 'ratingsRead', summary: 'Anonymous rating counts (count, mean, 1–5 histogram) of one procedure, unit, hospital or specialty; cacheable' },
  { id: 'fallback.notFound', method: 'ANY', path: '/api/{proxy+}', auth: 'public', access: 'none', fn: 'platform', summary: 'Unknown API path or method: problem+json 404/405' },
] as const satisfies readonly Route[];

export type RouteId = (typeof routes)[number]['id'];

export function routeById(id: RouteId): Route {
  const route = routes.find((r) => r.id === id);
  if (!route) throw new Error(`Unknown route ${id}`);
  return route;
}

/** `GET /api/procedures/{code}`: the API Gateway route key, also `event.routeKey` in Lambda. */
export const routeKey = (route: Pick<Route, 'method' | 'path'>): string => `${route.method} ${route.path}`;

export interface RouteMatch {
  route: Route;
  pathParameters: Record<string, string>;
}

/**
 * Matches a request as API Gateway HTTP API does: exact paths before parameterised ones, greedy
 * `{proxy+}` last, a route with the request's method before `ANY`.
 */
export function matchRoute(method: string, path: string, table: readonly Route[] = routes): RouteMatch | undefined {
  const candidates = table
    .map((route) => ({ route, pathParameters: matchPath(route.path, path) }))
    .filter((c): c is RouteMatch => c.pathParameters !== undefined)
    .filter((c) => c.route.method === method.toUpperCase() || c.route.method === 'ANY');
  candidates.sort((a, b) => specificity(b.route) - specificity(a.route));
  return candidates[0];
}

function specificity(route: Route): number {
  const segments = route.path.split('/');
  const greedy = segments.some((s) => s.endsWith('+}'));
  const params = segments.filter((s) => s.startsWith('{')).length;
  return (greedy ? 0 : 1000) - params * 10 + segments.length + (route.method === 'ANY' ? 0 : 1);
}

function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const got = path.split('/');
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const segment = want[i] ?? '';
    const greedy = /^\{(\w+)\+\}$/.exec(segment);
    if (greedy) {
      const rest = got.slice(i).join('/');
      if (rest === '') return undefined;
      params[greedy[1] ?? 'proxy'] = rest;
      return params;
    }
    const actual = got[i];
    if (actual === undefined) return undefined;
    const param = /^\{(\w+)\}$/.exec(segment);
    if (param) {
      if (actual === '') return undefined;
      params[param[1] ?? ''] = safeDecode(actual);
    } else if (segment !== actual) return undefined;
  }
  return got.length === want.length ? params : undefined;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Routes that share a path with other methods: used to answer 405 with an `Allow` header. */
export function methodsForPath(path: string, table: readonly Route[] = routes): string[] {
  return table
    .filter((r) => r.method !== 'ANY' && !r.path.includes('+}') && matchPath(r.path, path) !== undefined)
    .map((r) => r.method);
}

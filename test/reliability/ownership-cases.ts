/**
 * Which resource each route takes and how to point it at one: for every route of the route table,
 * either the targets to try (each a resource with its owner, and the refusal the policy gives a
 * caller who may not touch it), or the reason it takes no owned resource. A route in neither list
 * fails the ownership matrix, so a new route cannot slip past it.
 */
import type { Ownership } from '../../shared/src/policy';
import type { Principal } from '../../shared/src/roles';
import type { RouteId } from '../../shared/src/routes';
import { CR, ND, type Fixtures } from './ownership-fixtures';

export interface Target {
  label: string;
  params: Record<string, string>;
  query?: string;
  body?: unknown;
  /** Every one of these must be the caller's (policy.canAccess) for the request to be theirs. */
  owners: Ownership[];
  /** The refusal for a caller the route admits but who may not touch this resource. */
  denied: (principal: Principal) => number;
  /** Statuses an entitled caller may get for reasons other than ownership (state, maker–checker…). */
  alsoFine?: number[];
}

export type Case = (f: Fixtures) => Target[];

const notFound = () => 404;
/** Dossiers: officers of another unit are told they may not (403); anyone else learns nothing (404). */
const notYourDossier = (p: Principal) => (p.role === 'officer' ? 403 : 404);
const forbidden = () => 403;
/** A resource under a hospital's path: another hospital's path is 403, a resource not in it 404. */
const underHospital = (pathHospital: string) => (p: Principal) => (p.hospitalId === pathHospital ? 404 : 403);
const hospitals = [CR, ND];
const staffPath = (route: string) => hospitals.map((h): Target => ({ label: `${route} of ${h}`, params: { hospitalId: h }, owners: [{ hospitalId: h }], denied: forbidden }));
const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

const dossierTargets = (f: Fixtures, extra: (d: Fixtures['dossiers'][number]) => Partial<Target> = () => ({})): Target[] =>
  f.dossiers.map((d) => ({ label: `dossier of ${d.owner.ownerId} in ${d.owner.unitId}`, params: { dossierId: d.id, attachmentId: d.attachmentId }, owners: [d.owner], denied: notYourDossier, alsoFine: [409, 422], ...extra(d) }));

const appointmentTargets = (f: Fixtures, body?: (a: Fixtures['appointments'][number]) => unknown): Target[] =>
  f.appointments.map((a) => ({ label: `appointment of ${a.owner.ownerId}`, params: { appointmentId: a.id }, body: body?.(a), owners: [a.owner], denied: notFound, alsoFine: [409] }));

/** Every (path hospital, resource hospital) pair: only the caller's own hospital on both sides is theirs. */
function crossHospital<T extends { hospitalId: string }>(items: T[], make: (pathHospital: string, item: T) => Partial<Target>): Target[] {
  return hospitals.flatMap((h) =>
    items.map((item) => ({ label: `${item.hospitalId} resource under ${h}`, params: { hospitalId: h }, owners: [{ hospitalId: h }, { hospitalId: item.hospitalId }], denied: underHospital(h), alsoFine: [409], ...make(h, item) })),
  );
}

export const OWNERSHIP_CASES: Partial<Record<RouteId, Case>> = {
  'audit.list': (f) => f.dossiers.map((d) => ({ label: 'a dossier\'s audit', params: { targetType: 'dossier', targetId: d.id }, owners: [d.owner], denied: notFound })),
  'his.bills.push': () =>
    hospitals.map((h) => ({
      label: `bill for ${h}`, params: {}, owners: [{ hospitalId: h }], denied: forbidden,
      body: { hospitalId: h, billCode: `OWN-${h}-${Math.random().toString(36).slice(2, 8)}`, patientCode: 'BN-OWN', patientName: 'Chủ Sở Hữu', patientPhone: '0900000009', patientDob: '1990-01-01', items: [{ code: 'KB', name: 'Khám bệnh', quantity: 1, unitPrice: 100_000, insuranceCovered: 0 }], amountDue: 100_000 },
    })),
  'payments.create': (f) => f.bills.map((b) => ({ label: `bill of ${b.hospitalId}`, params: {}, body: { payable: { kind: 'bill', id: b.id } }, owners: [{ hospitalId: b.hospitalId }], denied: notFound, alsoFine: [409] })),
  'refunds.request': (f) => f.payments.map((p) => ({ label: `payment of ${p.hospitalId}`, params: { paymentId: p.id }, body: { amountVnd: 1000, reason: 'Kiểm tra quyền sở hữu' }, owners: [{ hospitalId: p.hospitalId }], denied: notFound, alsoFine: [409, 422] })),
  // The requester may not decide their own request (maker–checker): 403 there is not about ownership.
  'refunds.decide': (f) => f.refunds.map((r) => ({ label: `refund of ${r.hospitalId}`, params: { refundId: r.id }, body: { decision: 'reject', note: 'Kiểm tra quyền sở hữu' }, owners: [{ hospitalId: r.hospitalId }], denied: notFound, alsoFine: [403, 409] })),
  'refunds.list': () => staffPath('refunds'),
  'desk.bills': () => staffPath('bills'),
  'desk.payments': () => staffPath('payments'),
  'desk.reconciliation': () => staffPath('reconciliation').map((t) => ({ ...t, query: `?day=${today}` })),
  'hisKeys.create': () => staffPath('HIS key'),
  'hisKeys.list': () => staffPath('HIS keys'),
  // No such key under either hospital: administrators are let in and told 404; everyone else 403 first.
  'hisKeys.revoke': () => staffPath('HIS key revocation').map((t) => ({ ...t, params: { ...t.params, keyId: '01JDEMK0000000000000000000' }, alsoFine: [404] })),
  'appointments.create': (f) =>
    f.profiles.map((p, i) => ({
      label: `saved profile of ${p.owner.ownerId}`, params: {}, owners: [p.owner], alsoFine: [409],
      body: { sessionId: f.appointments[i]?.moveTo, patientProfileId: p.id, insurance: { category: 'bhyt_registered' } },
      // The profile is looked up among the caller's own: another's is "no such saved profile".
      denied: () => 400,
    })),
  'appointments.get': (f) => appointmentTargets(f),
  'appointments.cancel': (f) => appointmentTargets(f),
  'appointments.reschedule': (f) => appointmentTargets(f, (a) => ({ sessionId: a.moveTo })),
  'schedule.template.get': () => staffPath('template').map((t) => ({ ...t, params: { ...t.params, specialtyId: t.params.hospitalId === CR ? 'tim-mach' : 'nhi-tong-quat' } })),
  'schedule.template.put': () =>
    staffPath('template').map((t) => ({ ...t, params: { ...t.params, specialtyId: t.params.hospitalId === CR ? 'than-kinh' : 'tieu-hoa-nhi' }, body: { entries: [{ weekday: 6, period: 'morning', capacity: 5, room: 'P.9' }] } })),
  'schedule.sessions': () => staffPath('schedule').map((t) => ({ ...t, query: `?specialty=${t.params.hospitalId === CR ? 'tim-mach' : 'nhi-tong-quat'}` })),
  'schedule.generate': (f) =>
    staffPath('sessions').map((t) => ({ ...t, body: { specialtyId: t.params.hospitalId === CR ? 'than-kinh' : 'tieu-hoa-nhi', from: f.spareDay, to: f.spareDay }, alsoFine: [409] })),
  'schedule.closeDay': (f) => staffPath('closure').map((t) => ({ ...t, body: { date: f.spareDay, specialtyId: t.params.hospitalId === CR ? 'than-kinh' : 'tieu-hoa-nhi', reason: 'Kiểm tra quyền sở hữu' }, alsoFine: [409] })),
  'schedule.session.update': (f) => crossHospital(f.sessions, (h, s) => ({ params: { hospitalId: h, sessionId: s.id }, body: { capacity: 45 } })),
  'schedule.session.appointments': (f) => crossHospital(f.sessions, (h, s) => ({ params: { hospitalId: h, sessionId: s.id } })),
  'reception.checkIn': (f) => crossHospital(f.appointments, (h, a) => ({ body: { code: a.code }, alsoFine: [409, 422] })),
  'reception.noShow': (f) => crossHospital(f.appointments, (h, a) => ({ params: { hospitalId: h, appointmentId: a.id }, alsoFine: [409, 422] })),
  'dossiers.get': (f) => dossierTargets(f),
  'dossiers.update': (f) => dossierTargets(f, (d) => ({ body: { version: d.version, data: { fullName: 'Chủ Sở Hữu' } } })),
  'dossiers.submit': (f) => dossierTargets(f, (d) => ({ body: { version: d.version } })),
  'dossiers.withdraw': (f) => dossierTargets(f, (d) => ({ body: { version: d.version } })),
  'dossiers.act': (f) => dossierTargets(f, (d) => ({ body: { action: 'receive', version: d.version } })),
  'dossiers.attachments.create': (f) => dossierTargets(f, () => ({ body: { documentId: 'don-de-nghi', fileName: 'don.pdf', contentType: 'application/pdf', sizeBytes: 1000 }, alsoFine: [400, 409, 422] })),
  'dossiers.attachments.get': (f) => dossierTargets(f),
  'dossiers.attachments.delete': (f) => dossierTargets(f),
  // 404 until a licence is issued, for the holder too.
  'dossiers.licence': (f) => dossierTargets(f, () => ({ alsoFine: [404] })),
  // A dossier or appointment not finished yet answers its owner 409 (rating_not_open): not about ownership.
  'ratings.dossier.get': (f) => dossierTargets(f),
  'ratings.dossier.put': (f) => dossierTargets(f, () => ({ body: { score: 4, comment: 'Kiểm tra quyền sở hữu' } })),
  'ratings.appointment.get': (f) => appointmentTargets(f),
  'ratings.appointment.put': (f) => appointmentTargets(f, () => ({ score: 4 })),
};

/** Routes whose resource lists are checked item by item (the list's own scope comes from the caller). */
export const LIST_ROUTES: Partial<Record<RouteId, { query?: string; perHospital?: boolean }>> = {
  'appointments.mine': {},
  // Each entry's data subject must be the caller, whatever the caller's role (admins too): ADR 0025.
  'me.dataAccess': {},
  'patients.list': {},
  'dossiers.list': { query: '?mine=1' },
  'inbox.list': {},
  'refunds.list': { perHospital: true },
  'desk.bills': { perHospital: true },
  'desk.payments': { perHospital: true },
  'schedule.sessions': { perHospital: true },
};

/** Routes that take no owned resource, and why. */
export const NO_OWNED_RESOURCE: Partial<Record<RouteId, string>> = {
  'health.get': 'liveness, no data',
  'me.get': 'the caller\'s own token claims, nothing stored',
  'openapi.get': 'the public API document, generated from the code; no data',
  'auth.config': 'the public list of trusted issuers',
  'auth.token': 'the code and its PKCE verifier are the capability; the issuer refuses anyone else\'s (test/integration/oidc-protocol.test.ts)',
  'auth.refresh': 'the HttpOnly refresh cookie is the session; a bearer token changes nothing (authorization matrix)',
  'auth.logout': 'ends the caller\'s own cookie session only',
  'me.dataAccess': 'the caller\'s own audit entries as data subject; no parameter names the subject (checked item by item in LIST_ROUTES)',
  'procedures.list': 'the public catalogue',
  'procedures.get': 'the public catalogue',
  'procedures.update': 'the catalogue belongs to the department; administrators only, and they see all',
  'bills.lookup': 'public; the bill codes plus a second factor are the capability (locked after wrong tries)',
  'bills.payLink': 'public; the signed pay-link token is the capability and the answer carries no personal data',
  'payments.get': 'public; the unguessable payment id is the capability (status only)',
  'payments.vnpay.ipn': 'VNPay\'s server, authenticated by the signature',
  'payments.vnpay.return': 'the browser back from VNPay, a signed redirect',
  'receipts.pdf': 'public; the unguessable payment id is the capability',
  'receipts.verify': 'public verification without personal data',
  'hospitals.list': 'public booking catalogue',
  'hospitals.specialties': 'public booking catalogue',
  'sessions.list': 'public places-left hint',
  'appointments.mine': 'a list scoped by the token (checked item by item in LIST_ROUTES)',
  'patients.list': 'a list scoped by the token (checked item by item in LIST_ROUTES)',
  'patients.create': 'creates under the caller\'s own id; takes no existing resource',
  'dossiers.create': 'creates under the caller\'s own id; takes no existing resource',
  'dossiers.list': 'a list scoped by the token (checked item by item in LIST_ROUTES)',
  'inbox.list': 'a list scoped by the officer\'s unit (checked item by item in LIST_ROUTES)',
  'inbox.receive': 'checked on its own below: per-item results in a 200',
  'public.dossiers.get': 'public; dossier code plus the last 4 digits of phone/ID, locked after wrong tries',
  'calendar.get': 'the department-wide working-day calendar',
  'calendar.put': 'the department-wide working-day calendar; administrators only',
  'public.licences.get': 'public licence verification',
  'licences.status': 'department-wide licence register; administrators only, and they see all',
  'ratings.summary': 'public anonymous counts of a procedure, unit, hospital or specialty: no rater, no comment',
  'fallback.notFound': 'unknown paths',
};

/**
 * One representative successful request per route, for the capacity bench (capacity.ts): each
 * scenario makes what its request needs through the real flows (test/helpers builders, the API
 * itself), then returns the one request to measure. `Record<RouteId, …>`: a new route without a
 * scenario is a type error. Loaded after the portal has set the handlers' configuration.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import type { RouteId } from '../../shared/src/routes';
import { addDays, vietnamToday } from '../../shared/src/booking/dates';
import { keys } from '../../shared/src/table';
import { bookAppointment } from '../../functions/src/services/booking';
import { bookableDate, bookingBody, bookHttp, citizen, depsOf, makeSession, patient } from '../helpers/booking';
import { api, readyDraft, reissueData, REISSUE, seedInState, submit } from '../helpers/dossiers';
import { openPayment, payByIpn, payOnDouble, pushBill, waitForStatus } from '../helpers/payments';
import type { TestPortal } from '../helpers/portal';
import { checkedInAppointment, finishedDossier } from '../helpers/ratings';
import { authorizationCode, signInThroughRelay } from '../helpers/sign-in';
import { resultFields, signedResultQuery } from '../helpers/vnpay';

export interface Probe {
  path: string;
  method?: string;
  as?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** The status of success when it is not 2xx (a redirect, the catch-all's 404). */
  status?: number;
  /** What the request touches, when the count depends on it (sessions made, dossiers received). */
  note?: string;
}

type Scenario = (portal: TestPortal) => Promise<Probe>;

const json = { 'content-type': 'application/json' };
const CHO_RAY = '/api/hospitals/hosp-cho-ray';
let serial = 0;

async function ok<T>(response: Promise<Response>, what: string): Promise<T> {
  const r = await response;
  if (r.status >= 300) throw new Error(`${what} answered ${r.status}: ${(await r.text()).slice(0, 300)}`);
  const text = await r.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A bill paid through an IPN (the paymentId and the bill's codes). */
async function paidByIpn(portal: TestPortal, amount = 250_000) {
  const bill = await pushBill(portal, { amount });
  const { paymentId } = await openPayment(portal, bill.payLinkToken);
  if ((await payByIpn(portal, paymentId, amount)) !== '00') throw new Error('IPN refused');
  return { ...bill, paymentId, amount };
}

/** A bill paid on the VNPay double, so a refund can go through VNPay's side. */
async function paidOnDouble(portal: TestPortal, amount = 300_000) {
  const bill = await pushBill(portal, { amount });
  const { paymentId, paymentUrl } = await openPayment(portal, bill.payLinkToken);
  await payOnDouble(portal, paymentUrl);
  await waitForStatus(portal, paymentId, 'paid');
  return { paymentId, amount };
}

/** The receipt of a paid payment, made as the stream would: the receipts job fed its outbox event. */
async function issuedReceipt(portal: TestPortal): Promise<{ paymentId: string; number: string }> {
  const { paymentId } = await paidByIpn(portal);
  const outbox = (await portal.db.send(new GetCommand({ TableName: portal.tableName, Key: keys.outbox(`payment.paid#${paymentId}`) }))).Item!;
  const event: DynamoDBStreamEvent = { Records: [{ eventName: 'INSERT', dynamodb: { NewImage: marshall(outbox) as never, SequenceNumber: String(++serial) } }] };
  await (await import('../../functions/src/jobs/receipts')).handler(event);
  const guard = (await portal.db.send(new GetCommand({ TableName: portal.tableName, Key: keys.receiptOfPayment(paymentId), ConsistentRead: true }))).Item;
  return { paymentId, number: String(guard?.number) };
}

async function refundOf(portal: TestPortal): Promise<string> {
  const { paymentId } = await paidOnDouble(portal);
  const body = { amountVnd: 100_000, reason: 'Bệnh nhân chuyển viện, hoàn tạm ứng' };
  return (await ok<{ refundId: string }>(portal.request(`/api/payments/${paymentId}/refunds`, { as: 'cashier-cho-ray', method: 'POST', headers: json, body: JSON.stringify(body) }), 'refund request')).refundId;
}

interface Booked {
  appointmentId: string;
  code: string;
  sessionId: string;
}

/** A booking through the API on a fresh session. */
async function booked(portal: TestPortal, options: { date?: string } = {}): Promise<Booked> {
  const session = await makeSession(portal, 20, options);
  const view = await ok<Booked>(bookHttp(portal, 'citizen-an', bookingBody(session.sessionId, 50_000 + ++serial)), 'booking');
  return { ...view, sessionId: session.sessionId };
}

/** A booking on a session today (made "two days ago", before the cut-off), for reception. */
async function bookedToday(portal: TestPortal): Promise<Booked> {
  const today = vietnamToday(new Date());
  const session = await makeSession(portal, 5, { date: today });
  const earlier = { ...depsOf(portal), now: () => new Date(`${addDays(today, -2)}T03:00:00Z`) };
  const n = 60_000 + ++serial;
  const view = await bookAppointment(earlier, { sessionId: session.sessionId, patient: patient(n), insurance: { category: 'bhyt_registered' } }, { principal: citizen(n), idempotencyKey: `bench-${n}-${today}` });
  return { appointmentId: view.appointmentId, code: view.code, sessionId: session.sessionId };
}

/** The first Monday at least `days` ahead (the template below has one Monday-morning entry). */
function mondayAhead(days: number): string {
  let date = addDays(vietnamToday(new Date()), days);
  while (new Date(`${date}T00:00:00Z`).getUTCDay() !== 1) date = addDays(date, 1);
  return date;
}
const TEMPLATE = { entries: [{ weekday: 1, period: 'morning', capacity: 10, room: 'P.201', doctorName: 'BS. Lê Văn Tâm' }] };
const putTemplate = (portal: TestPortal) =>
  ok(portal.request(`${CHO_RAY}/specialties/than-kinh/template`, { as: 'scheduler-cho-ray', method: 'PUT', headers: json, body: JSON.stringify(TEMPLATE) }), 'template');

/** A dossier with an attachment uploaded, and that attachment's id. */
async function draftWithAttachment(portal: TestPortal): Promise<{ dossierId: string; attachmentId: string }> {
  const draft = await readyDraft(portal);
  const view = await api(portal, `/api/dossiers/${draft.dossierId}`, 'citizen-an');
  return { dossierId: draft.dossierId, attachmentId: view.body.attachments[0]!.attachmentId };
}

const SLOT = { documentId: 'don-de-nghi', fileName: 'don.pdf', contentType: 'application/pdf', sizeBytes: 1000 };
const draft = async (portal: TestPortal) => (await api(portal, '/api/dossiers', 'citizen-an', 'POST', { procedureId: REISSUE, data: reissueData() })).body;

/** A draft with one upload slot taken through the API (the attachment still pending). */
async function slotted(portal: TestPortal): Promise<{ dossierId: string; attachmentId: string }> {
  const { dossierId } = await draft(portal);
  const created = await ok<{ attachment: { attachmentId: string } }>(portal.request(`/api/dossiers/${dossierId}/attachments`, { as: 'citizen-an', method: 'POST', headers: json, body: JSON.stringify(SLOT) }), 'upload slot');
  return { dossierId, attachmentId: created.attachment.attachmentId };
}

/** An approved dossier with its licence issued by the licences job: the dossier id and licence number. */
async function licensed(portal: TestPortal): Promise<{ dossierId: string; number: string }> {
  const dossier = await seedInState(portal, 'approved');
  await (await import('../../functions/src/jobs/licences')).handler({ dossierIds: [dossier.dossierId] });
  const item = (await portal.db.send(new GetCommand({ TableName: portal.tableName, Key: keys.dossier(dossier.dossierId), ConsistentRead: true }))).Item;
  if (!item?.licenceNumber) throw new Error('The licences job issued no licence');
  return { dossierId: dossier.dossierId, number: String(item.licenceNumber) };
}

export const SCENARIOS: Record<RouteId, Scenario> = {
  'health.get': async () => ({ path: '/api/health' }),
  'openapi.get': async () => ({ path: '/api/openapi.json' }),
  'me.get': async () => ({ path: '/api/me', as: 'citizen-an' }),
  'auth.config': async () => ({ path: '/api/auth/config' }),
  'auth.token': async (portal) => {
    const issued = await authorizationCode(portal.url, { account: 'citizen-an' });
    return { path: '/api/auth/token', method: 'POST', body: { issuer: 'portal', code: issued.code, codeVerifier: issued.verifier, redirectUri: issued.redirectUri, nonce: issued.nonce } };
  },
  'auth.refresh': async (portal) => ({ path: '/api/auth/refresh', method: 'POST', headers: { cookie: (await signInThroughRelay(portal.url, { account: 'citizen-an' })).cookie, 'x-portal-session': '1' } }),
  'auth.logout': async (portal) => ({ path: '/api/auth/logout', method: 'POST', headers: { cookie: (await signInThroughRelay(portal.url, { account: 'citizen-an' })).cookie, 'x-portal-session': '1' } }),
  'procedures.list': async () => ({ path: '/api/procedures' }),
  'procedures.get': async () => ({ path: `/api/procedures/${REISSUE}` }),
  'procedures.update': async () => ({ path: '/api/procedures/cap-moi-giay-phep-hanh-nghe', method: 'PATCH', as: 'admin-quang', body: { available: false } }),
  'me.dataAccess': async () => ({ path: '/api/me/data-access', as: 'citizen-an' }),
  'audit.list': async () => ({ path: '/api/audit/procedure/cap-moi-giay-phep-hanh-nghe', as: 'admin-quang' }),
  'his.bills.push': async () => ({
    path: '/api/his/bills', method: 'POST', as: 'cashier-cho-ray',
    body: {
      hospitalId: 'hosp-cho-ray', billCode: `HD-BENCH-${Date.now()}`, patientCode: 'BN-BENCH', patientName: 'Bệnh Nhân Đo', patientPhone: '0911222333', patientDob: '1970-07-07',
      items: [{ code: 'KB', name: 'Khám bệnh', quantity: 1, unitPrice: 100_000, insuranceCovered: 0 }], amountDue: 100_000,
    },
  }),
  'bills.lookup': async (p) => {
    const bill = await pushBill(p);
    return { path: '/api/bills/lookup', method: 'POST', body: { hospitalId: 'hosp-cho-ray', patientCode: 'BN-T-1', billCode: bill.billCode, phoneLast4: '2333' } };
  },
  'bills.payLink': async (p) => ({ path: `/api/bills/pay-link/${(await pushBill(p)).payLinkToken}` }),
  'payments.create': async (p) => ({ path: '/api/payments', method: 'POST', body: { payLinkToken: (await pushBill(p)).payLinkToken } }),
  'payments.get': async (p) => ({ path: `/api/payments/${(await paidByIpn(p)).paymentId}` }),
  'payments.vnpay.ipn': async (p) => {
    const bill = await pushBill(p, { amount: 250_000 });
    const { paymentId } = await openPayment(p, bill.payLinkToken);
    return { path: `/api/payments/vnpay/ipn?${signedResultQuery(resultFields({ txnRef: paymentId, amountVnd: 250_000 }))}` };
  },
  'payments.vnpay.return': async (p) => {
    const { paymentId, amount } = await paidByIpn(p);
    return { path: `/api/payments/vnpay/return?${signedResultQuery(resultFields({ txnRef: paymentId, amountVnd: amount }))}`, status: 303 };
  },
  'refunds.request': async (p) => ({
    path: `/api/payments/${(await paidOnDouble(p)).paymentId}/refunds`, method: 'POST', as: 'cashier-cho-ray', body: { amountVnd: 100_000, reason: 'Bệnh nhân chuyển viện, hoàn tạm ứng' },
  }),
  'refunds.decide': async (p) => ({ path: `/api/refunds/${await refundOf(p)}/decision`, method: 'POST', as: 'cashier2-cho-ray', body: { decision: 'approve', note: 'Đã đối chiếu' } }),
  'refunds.list': async () => ({ path: `${CHO_RAY}/refunds`, as: 'cashier-cho-ray' }),
  'desk.bills': async () => ({ path: `${CHO_RAY}/bills`, as: 'cashier-cho-ray' }),
  'desk.payments': async () => ({ path: `${CHO_RAY}/payments?status=paid`, as: 'cashier-cho-ray' }),
  'desk.reconciliation': async () => ({ path: `${CHO_RAY}/reconciliation?day=${vietnamToday(new Date())}`, as: 'cashier-cho-ray' }),
  'receipts.pdf': async (p) => ({ path: `/api/payments/${(await issuedReceipt(p)).paymentId}/receipt` }),
  'receipts.verify': async (p) => ({ path: `/api/receipts/${(await issuedReceipt(p)).number}` }),
  'hisKeys.create': async () => ({ path: '/api/hospitals/hosp-nhi-dong-1/his-keys', method: 'POST', as: 'admin-quang', body: { label: 'HIS đo tải' } }),
  'hisKeys.list': async () => ({ path: '/api/hospitals/hosp-nhi-dong-1/his-keys', as: 'admin-quang' }),
  'hisKeys.revoke': async (p) => {
    const { keyId } = await ok<{ keyId: string }>(p.request('/api/hospitals/hosp-nhi-dong-1/his-keys', { method: 'POST', as: 'admin-quang' }), 'issue a HIS key');
    return { path: `/api/hospitals/hosp-nhi-dong-1/his-keys/${keyId}/revoke`, method: 'POST', as: 'admin-quang' };
  },
  'hospitals.list': async () => ({ path: '/api/hospitals' }),
  'hospitals.specialties': async () => ({ path: `${CHO_RAY}/specialties` }),
  'sessions.list': async () => ({ path: `${CHO_RAY}/sessions?specialty=tim-mach` }),
  'appointments.create': async (p) => {
    const session = await makeSession(p, 20);
    return { path: '/api/appointments', method: 'POST', as: 'citizen-an', headers: { 'idempotency-key': crypto.randomUUID() }, body: bookingBody(session.sessionId, 40_000 + ++serial) };
  },
  'appointments.mine': async () => ({ path: '/api/appointments', as: 'citizen-an' }),
  'appointments.get': async (p) => ({ path: `/api/appointments/${(await booked(p)).appointmentId}`, as: 'citizen-an' }),
  'appointments.cancel': async (p) => ({ path: `/api/appointments/${(await booked(p)).appointmentId}/cancel`, method: 'POST', as: 'citizen-an' }),
  'appointments.reschedule': async (p) => {
    const from = await booked(p);
    const to = await makeSession(p, 20, { date: bookableDate() });
    return { path: `/api/appointments/${from.appointmentId}/reschedule`, method: 'POST', as: 'citizen-an', body: { sessionId: to.sessionId }, note: 'same day' };
  },
  'patients.list': async () => ({ path: '/api/me/patients', as: 'citizen-an' }),
  'patients.create': async () => ({
    path: '/api/me/patients', method: 'POST', as: 'citizen-binh',
    body: { relation: 'child', patient: { fullName: 'Trần Bé Đo', dateOfBirth: '2018-01-01', sex: 'female', phone: '0900000002', cccd: '079318000001' } },
  }),
  'schedule.template.get': async (p) => {
    await putTemplate(p);
    return { path: `${CHO_RAY}/specialties/than-kinh/template`, as: 'scheduler-cho-ray' };
  },
  'schedule.template.put': async () => ({ path: `${CHO_RAY}/specialties/than-kinh/template`, method: 'PUT', as: 'scheduler-cho-ray', body: TEMPLATE }),
  'schedule.sessions': async () => ({ path: `${CHO_RAY}/schedule?specialty=tim-mach`, as: 'scheduler-cho-ray' }),
  'schedule.generate': async (p) => {
    await putTemplate(p);
    const monday = mondayAhead(20);
    return { path: `${CHO_RAY}/sessions`, method: 'POST', as: 'scheduler-cho-ray', body: { specialtyId: 'than-kinh', from: monday, to: monday }, note: '1 session made' };
  },
  'schedule.session.update': async (p) => ({ path: `${CHO_RAY}/sessions/${(await makeSession(p, 20)).sessionId}`, method: 'PATCH', as: 'scheduler-cho-ray', body: { capacity: 40 } }),
  'schedule.closeDay': async (p) => {
    const date = mondayAhead(40);
    await makeSession(p, 10, { specialtyId: 'than-kinh', date });
    return { path: `${CHO_RAY}/closures`, method: 'POST', as: 'scheduler-cho-ray', body: { date, specialtyId: 'than-kinh', reason: 'Bác sĩ đi công tác' }, note: 'a day with 1 session' };
  },
  'schedule.session.appointments': async (p) => ({ path: `${CHO_RAY}/sessions/${(await booked(p)).sessionId}/appointments`, as: 'reception-cho-ray', note: '1 booking' }),
  'reception.checkIn': async (p) => ({ path: `${CHO_RAY}/check-ins`, method: 'POST', as: 'reception-cho-ray', body: { code: (await bookedToday(p)).code } }),
  'reception.noShow': async (p) => ({ path: `${CHO_RAY}/appointments/${(await bookedToday(p)).appointmentId}/no-show`, method: 'POST', as: 'reception-cho-ray' }),
  'dossiers.create': async () => ({ path: '/api/dossiers', method: 'POST', as: 'citizen-an', body: { procedureId: REISSUE, data: reissueData() } }),
  'dossiers.list': async () => ({ path: '/api/dossiers?mine=1', as: 'citizen-an' }),
  'dossiers.get': async (p) => ({ path: `/api/dossiers/${(await readyDraft(p)).dossierId}`, as: 'citizen-an', note: 'owner' }),
  'dossiers.update': async (p) => {
    const draft = await readyDraft(p);
    return { path: `/api/dossiers/${draft.dossierId}`, method: 'PATCH', as: 'citizen-an', body: { version: draft.version, data: reissueData({ email: 'thu.nguyen.moi@example.vn' }) } };
  },
  'dossiers.submit': async (p) => {
    const draft = await readyDraft(p);
    return { path: `/api/dossiers/${draft.dossierId}/submit`, method: 'POST', as: 'citizen-an', body: { version: draft.version }, note: 'first submission' };
  },
  'dossiers.withdraw': async (p) => {
    const d = await seedInState(p, 'submitted');
    return { path: `/api/dossiers/${d.dossierId}/withdraw`, method: 'POST', as: 'citizen-an', body: { version: d.version } };
  },
  'inbox.list': async () => ({ path: '/api/inbox', as: 'officer-lan' }),
  'inbox.receive': async (p) => {
    const d = await seedInState(p, 'submitted');
    return { path: '/api/inbox/receive', method: 'POST', as: 'officer-lan', body: { items: [{ dossierId: d.dossierId, version: d.version }] }, note: '1 dossier' };
  },
  'dossiers.act': async (p) => {
    const d = await seedInState(p, 'submitted');
    return { path: `/api/dossiers/${d.dossierId}/actions`, method: 'POST', as: 'officer-lan', body: { action: 'receive', version: d.version }, note: 'receive' };
  },
  'public.dossiers.get': async (p) => {
    const submitted = await submit(p, await readyDraft(p));
    return { path: `/api/public/dossiers/${submitted.body.code}?check=${reissueData().phone!.toString().slice(-4)}` };
  },
  'calendar.get': async () => ({ path: '/api/calendar/2031' }),
  'calendar.put': async () => ({ path: '/api/calendar/2031', method: 'PUT', as: 'admin-quang', body: { year: 2031, holidays: [], makeUpDays: [] } }),
  'dossiers.attachments.create': async (p) => ({ path: `/api/dossiers/${(await draft(p)).dossierId}/attachments`, method: 'POST', as: 'citizen-an', body: SLOT }),
  'dossiers.attachments.get': async (p) => {
    const { dossierId, attachmentId } = await draftWithAttachment(p);
    return { path: `/api/dossiers/${dossierId}/attachments/${attachmentId}`, as: 'citizen-an', note: 'owner' };
  },
  'dossiers.attachments.delete': async (p) => {
    // Through the upload-slot flow, which also keeps the document's file count the delete lowers.
    const { dossierId, attachmentId } = await slotted(p);
    return { path: `/api/dossiers/${dossierId}/attachments/${attachmentId}`, method: 'DELETE', as: 'citizen-an' };
  },
  'dossiers.licence': async (p) => ({ path: `/api/dossiers/${(await licensed(p)).dossierId}/licence`, as: 'citizen-an', note: 'holder' }),
  'public.licences.get': async (p) => ({ path: `/api/public/licences/${(await licensed(p)).number}` }),
  'licences.status': async (p) => ({ path: `/api/licences/${(await licensed(p)).number}/status`, method: 'POST', as: 'admin-quang', body: { status: 'suspended', reason: 'Kiểm tra phát hiện vi phạm điều kiện hành nghề' } }),
  'ratings.dossier.get': async (p) => ({ path: `/api/dossiers/${(await finishedDossier(p)).dossierId}/rating`, as: 'citizen-an' }),
  'ratings.dossier.put': async (p) => ({ path: `/api/dossiers/${(await finishedDossier(p)).dossierId}/rating`, method: 'PUT', as: 'citizen-an', body: { score: 4 }, note: 'first rating' }),
  'ratings.appointment.get': async (p) => ({ path: `/api/appointments/${(await checkedInAppointment(p)).appointmentId}/rating`, as: 'citizen-an' }),
  'ratings.appointment.put': async (p) => ({ path: `/api/appointments/${(await checkedInAppointment(p)).appointmentId}/rating`, method: 'PUT', as: 'citizen-an', body: { score: 5 }, note: 'first rating' }),
  'ratings.summary': async () => ({ path: `/api/ratings/summary?procedure=${REISSUE}` }),
  'fallback.notFound': async () => ({ path: '/api/khong-co-dia-chi-nay', status: 404 }),
};

/**
 * One successful call per staff write route (auth only staff roles, table access 'write'), and the
 * audit entries it must leave: which targets, which action. The audit test fails for a staff write
 * route in neither AUDIT_CASES nor NOT_AUDITED.
 */
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { OFFICER_ACTIONS, type DossierState } from '../../shared/src/dossiers/lifecycle';
import { vietnamToday } from '../../shared/src/booking/dates';
import type { RouteId } from '../../shared/src/routes';
import { keys } from '../../shared/src/table';
import { licenceItem } from '../../functions/src/repositories/licences';
import { licenceDocumentKey } from '../../shared/src/licences/licence';
import { seedInState } from '../helpers/dossiers';
import type { TestPortal } from '../helpers/portal';
import { CR, type Fixtures } from './ownership-fixtures';

export interface AuditCall {
  label: string;
  as: string;
  method: string;
  path: string;
  body?: unknown;
  /** `<type>#<id>` of each target that gets exactly one entry, and the entry's action. */
  expect: (answer: Record<string, unknown>) => { target: string; action: string }[];
}

export type AuditCase = (portal: TestPortal, f: Fixtures) => Promise<AuditCall[]>;

/** What each officer action needs and the state it is taken from (as the transition tests use). */
const INPUT = {
  reason: 'Lý do đầy đủ cho thao tác', missing: ['don-de-nghi'], assignee: 'officer-thao',
  visit: { date: '2030-01-10', team: ['Tổ thẩm định số 1'] }, appraisal: { outcome: 'passed', minutes: 'Cơ sở đạt các điều kiện.' }, newDueDate: '2099-12-31',
};
const WHERE: Record<(typeof OFFICER_ACTIONS)[number], DossierState> = {
  receive: 'submitted', refuse: 'submitted', assign: 'received', request_supplement: 'received', schedule_appraisal: 'in_review',
  record_appraisal: 'in_review', approve: 'in_review', reject: 'in_review', stop: 'received', reschedule: 'received',
};

const one = (target: string, action: string) => () => [{ target, action }];
const cashierDay = (path: string, action: string): AuditCase => async () => [{ label: path, as: 'cashier-cho-ray', method: 'GET', path: `/api/hospitals/${CR}/${path}`, expect: one(`hospital#${CR}`, action) }];

/** A confirmed booking moved to today (check-in and no-show happen on the session's day). */
async function bookingToday(portal: TestPortal, f: Fixtures, i: 0 | 1): Promise<{ id: string; code: string }> {
  const a = f.appointments[i]!;
  await portal.db.send(new UpdateCommand({ TableName: portal.tableName, Key: keys.appointment(a.id), UpdateExpression: 'SET #d = :today', ExpressionAttributeNames: { '#d': 'date' }, ExpressionAttributeValues: { ':today': vietnamToday(new Date()) } }));
  return a;
}

export const AUDIT_CASES: Partial<Record<RouteId, AuditCase>> = {
  'procedures.update': async () => [{ label: 'suspend', as: 'admin-quang', method: 'PATCH', path: '/api/procedures/cap-moi-giay-phep-hanh-nghe', body: { available: false }, expect: one('procedure#cap-moi-giay-phep-hanh-nghe', 'procedure.suspend') }],
  'his.bills.push': async () => [{
    label: 'push', as: 'cashier-cho-ray', method: 'POST', path: '/api/his/bills',
    body: { hospitalId: CR, billCode: `AUDIT-${Date.now()}`, patientCode: 'BN-AUDIT', patientName: 'Bệnh Nhân Kiểm Toán', patientPhone: '0900000077', patientDob: '1990-01-01', items: [{ code: 'KB', name: 'Khám bệnh', quantity: 1, unitPrice: 100_000, insuranceCovered: 0 }], amountDue: 100_000 },
    expect: (a) => [{ target: `bill#${String(a.billId)}`, action: 'bill.push' }],
  }],
  'refunds.request': async (_p, f) => [{ label: 'request', as: 'cashier-cho-ray', method: 'POST', path: `/api/payments/${f.payments[0]!.id}/refunds`, body: { amountVnd: 10_000, reason: 'Bệnh nhân không sử dụng dịch vụ' }, expect: (a) => [{ target: `refund#${String(a.refundId)}`, action: 'refund.request' }] }],
  'refunds.decide': async (_p, f) => [{ label: 'reject', as: 'cashier2-cho-ray', method: 'POST', path: `/api/refunds/${f.refunds[0]!.id}/decision`, body: { decision: 'reject', note: 'Không đủ căn cứ hoàn tiền' }, expect: one(`refund#${f.refunds[0]!.id}`, 'refund.reject') }],
  'desk.bills': cashierDay('bills', 'desk.bills.list'),
  'desk.payments': cashierDay('payments', 'desk.payments.list'),
  'desk.reconciliation': async () => [{ label: 'reconciliation', as: 'cashier-cho-ray', method: 'GET', path: `/api/hospitals/${CR}/reconciliation?day=${vietnamToday(new Date())}`, expect: one(`hospital#${CR}`, 'desk.reconciliation') }],
  'hisKeys.create': async () => [{ label: 'issue', as: 'admin-quang', method: 'POST', path: `/api/hospitals/${CR}/his-keys`, expect: one(`hospital#${CR}`, 'hisKey.create') }],
  'hisKeys.revoke': async (portal) => {
    const issued = await portal.request(`/api/hospitals/${CR}/his-keys`, { as: 'admin-quang', method: 'POST' });
    const { keyId } = (await issued.json()) as { keyId: string };
    return [{ label: 'revoke', as: 'admin-quang', method: 'POST', path: `/api/hospitals/${CR}/his-keys/${keyId}/revoke`, expect: one(`hospital#${CR}`, 'hisKey.revoke') }];
  },
  'schedule.template.put': async () => [{ label: 'template', as: 'scheduler-cho-ray', method: 'PUT', path: `/api/hospitals/${CR}/specialties/than-kinh/template`, body: { entries: [{ weekday: 1, period: 'morning', capacity: 5, room: 'P.9' }] }, expect: one(`specialty#${CR}.than-kinh`, 'schedule.template.put') }],
  'schedule.generate': async (_p, f) => [{
    label: 'generate', as: 'scheduler-cho-ray', method: 'POST', path: `/api/hospitals/${CR}/sessions`, body: { specialtyId: 'than-kinh', from: f.spareDay, to: f.spareDay },
    // One session on that Monday morning (the template above; 2030-01-07 is a Monday): one entry for it.
    expect: () => [{ target: `session#${CR}.than-kinh.${f.spareDay}.`, action: 'session.create' }],
  }],
  'schedule.session.update': async (_p, f) => [{ label: 'capacity', as: 'scheduler-cho-ray', method: 'PATCH', path: `/api/hospitals/${CR}/sessions/${f.sessions[0]!.id}`, body: { capacity: 44 }, expect: one(`session#${f.sessions[0]!.id}`, 'session.capacity') }],
  'schedule.closeDay': async (_p, f) => [{
    label: 'close day', as: 'scheduler-cho-ray', method: 'POST', path: `/api/hospitals/${CR}/closures`, body: { date: f.spareDay, specialtyId: 'than-kinh', reason: 'Bệnh viện nghỉ đột xuất' },
    expect: () => [{ target: `session#${CR}.than-kinh.${f.spareDay}.`, action: 'session.close' }],
  }],
  'schedule.session.appointments': async (_p, f) => [{ label: 'queue', as: 'reception-cho-ray', method: 'GET', path: `/api/hospitals/${CR}/sessions/${f.sessions[0]!.id}/appointments`, expect: (answer) => [
    { target: `session#${f.sessions[0]!.id}`, action: 'session.appointments.list' },
    // Each booking the list shows gets its own entry for its citizen (ADR 0025).
    ...((answer.appointments ?? []) as { appointmentId: string }[]).map((a) => ({ target: `appointment#${a.appointmentId}`, action: 'session.appointments.list' })),
  ] }],
  'reception.checkIn': async (portal, f) => {
    const a = await bookingToday(portal, f, 0);
    return [{ label: 'check-in', as: 'reception-cho-ray', method: 'POST', path: `/api/hospitals/${CR}/check-ins`, body: { code: a.code }, expect: one(`appointment#${a.id}`, 'appointment.checkIn') }];
  },
  'reception.noShow': async (portal, f) => {
    const booked = await portal.request('/api/appointments', { as: 'citizen-an', method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() }, body: JSON.stringify({ sessionId: f.appointments[0]!.moveTo, patient: { fullName: 'Vắng Mặt', dateOfBirth: '1981-02-03', sex: 'male', phone: '0900000066', cccd: '079081000066' }, insurance: { category: 'bhyt_registered' } }) });
    const { appointmentId } = (await booked.json()) as { appointmentId: string };
    await portal.db.send(new UpdateCommand({ TableName: portal.tableName, Key: keys.appointment(appointmentId), UpdateExpression: 'SET #d = :today', ExpressionAttributeNames: { '#d': 'date' }, ExpressionAttributeValues: { ':today': vietnamToday(new Date()) } }));
    return [{ label: 'no-show', as: 'reception-cho-ray', method: 'POST', path: `/api/hospitals/${CR}/appointments/${appointmentId}/no-show`, expect: one(`appointment#${appointmentId}`, 'appointment.noShow') }];
  },
  'inbox.list': async () => [{ label: 'inbox', as: 'officer-lan', method: 'GET', path: '/api/inbox', expect: one('unit#unit-nghiep-vu-y', 'inbox.list') }],
  'inbox.receive': async (portal) => {
    const d = await seedInState(portal, 'submitted');
    return [{ label: 'bulk receive', as: 'officer-lan', method: 'POST', path: '/api/inbox/receive', body: { items: [{ dossierId: d.dossierId, version: d.version }] }, expect: one(`dossier#${d.dossierId}`, 'dossier.receive') }];
  },
  'dossiers.act': async (portal) => {
    const calls: AuditCall[] = [];
    for (const action of OFFICER_ACTIONS) {
      const d = await seedInState(portal, WHERE[action]);
      calls.push({ label: action, as: 'officer-lan', method: 'POST', path: `/api/dossiers/${d.dossierId}/actions`, body: { version: d.version, action, ...INPUT }, expect: one(`dossier#${d.dossierId}`, `dossier.${action}`) });
    }
    return calls;
  },
  'calendar.put': async () => [{ label: 'calendar', as: 'admin-quang', method: 'PUT', path: '/api/calendar/2031', body: { year: 2031, holidays: [], makeUpDays: [] }, expect: one('calendar#2031', 'calendar.put') }],
  'licences.status': async (portal) => {
    const number = `GPHN-2026-${String(Date.now() % 1_000_000).padStart(6, '0')}`;
    await portal.db.send(new PutCommand({ TableName: portal.tableName, Item: licenceItem({
      number, dossierId: '01JDEMDSR00000000000000009', procedureId: 'cap-moi-giay-phep-hanh-nghe', unitId: 'unit-nghiep-vu-y', ownerId: 'citizen-an', kind: 'licence', titleVi: 'Giấy phép hành nghề', titleEn: 'Practice licence',
      holderName: 'Nguyễn Văn An', scopeVi: 'Khám bệnh, chữa bệnh nội khoa', issuingUnit: 'Sở Y tế', signedBy: 'Giám đốc', issuedAt: new Date().toISOString(), validFrom: '2026-01-01', status: 'active' as never,
      sha256: '0'.repeat(64), signature: 'AA==', keyId: 'local', documentKey: licenceDocumentKey(number), version: 1,
    } as Parameters<typeof licenceItem>[0]) }));
    return [{ label: 'suspend', as: 'admin-quang', method: 'POST', path: `/api/licences/${encodeURIComponent(number)}/status`, body: { status: 'suspended', reason: 'Kiểm tra nhật ký kiểm toán' }, expect: one(`licence#${number}`, 'licence.status') }];
  },
};

/** Staff write routes that leave no audit entry, and why. */
export const NOT_AUDITED: Partial<Record<RouteId, string>> = {
  'schedule.template.get': 'reads a weekly template: no personal data, nothing changes',
  'schedule.sessions': 'reads sessions and counts: no personal data, nothing changes',
  'refunds.list': "reads the hospital's refunds (payment ids, amounts, reasons): no patient data, nothing changes",
  'hisKeys.list': "reads the hospital's HIS keys (labels, issue times, last 4 characters): no personal data, no key, nothing changes",
};

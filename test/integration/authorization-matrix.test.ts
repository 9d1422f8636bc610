/**
 * Every route × every role (and no sign-in): a caller the route table does not admit never gets a
 * 2xx, and a refused write changes nothing in the table. New routes join the matrix by being in
 * the route table; give their path parameters and a sample body below.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsers } from '../../functions/src/local/demo-users';
import { allowsRoute } from '../../shared/src/policy';
import { ROLES, type Principal } from '../../shared/src/roles';
import { routes, type Route } from '../../shared/src/routes';
import { startTestPortal, type TestPortal } from '../helpers/portal';

const SAMPLE_PARAMS: Record<string, string> = {
  code: 'cap-moi-giay-phep-hanh-nghe',
  targetType: 'procedure',
  targetId: 'cap-moi-giay-phep-hanh-nghe',
  proxy: 'khong-co-dia-chi-nay',
  token: '01JDEMO0000000000000000000.not-a-valid-signature-000000',
  paymentId: '01JDEMQ0000000000000000000',
  refundId: '01JDEMR0000000000000000000',
  hospitalId: 'hosp-cho-ray',
  number: 'HD-2026-000001',
  appointmentId: '01JDEMQ0000000000000000000',
  specialtyId: 'tim-mach',
  sessionId: 'hosp-cho-ray.tim-mach.2030-01-07.0700',
  dossierId: '01JDEMDSR00000000000000001',
  attachmentId: '01JDEMATT00000000000000001',
  year: '2031',
};
const SAMPLE_QUERY: Record<string, string> = {
  'desk.reconciliation': '?day=2026-11-22',
  'sessions.list': '?specialty=tim-mach',
  'schedule.sessions': '?specialty=tim-mach',
  'public.dossiers.get': '?check=1234',
  'dossiers.list': '?mine=1',
};
const SAMPLE_BODIES: Record<string, unknown> = {
  'procedures.update': { available: false },
  'his.bills.push': {
    hospitalId: 'hosp-cho-ray', billCode: 'MATRIX-1', patientCode: 'BN-MATRIX', patientName: 'Nguyễn Văn Ma Trận', patientPhone: '0900000001', patientDob: '1990-01-01',
    items: [{ code: 'KB', name: 'Khám bệnh', quantity: 1, unitPrice: 100_000, insuranceCovered: 0 }], amountDue: 100_000,
  },
  'bills.lookup': { hospitalId: 'hosp-cho-ray', patientCode: 'BN-X', billCode: 'HD-X', phoneLast4: '0000' },
  'payments.create': { payLinkToken: 'x' },
  'refunds.request': { amountVnd: 1000, reason: 'Bệnh nhân không sử dụng dịch vụ' },
  'refunds.decide': { decision: 'reject', note: 'Không đủ căn cứ hoàn tiền' },
  'appointments.create': { sessionId: 'hosp-cho-ray.tim-mach.2030-01-07.0700', patientProfileId: '01JDEMP0000000000000000001', insurance: { category: 'bhyt_registered' } },
  'appointments.reschedule': { sessionId: 'hosp-cho-ray.tim-mach.2030-01-07.1300' },
  'patients.create': { relation: 'child', patient: { fullName: 'Ma Trận Nhỏ', dateOfBirth: '2018-01-01', sex: 'female', phone: '0900000002', cccd: '079318000001' } },
  'schedule.template.put': { entries: [{ weekday: 1, period: 'morning', capacity: 10, room: 'P.1' }] },
  'schedule.generate': { specialtyId: 'tim-mach', from: '2030-01-07', to: '2030-01-08' },
  'schedule.session.update': { capacity: 40 },
  'schedule.closeDay': { date: '2030-01-07', reason: 'Kiểm tra ma trận quyền' },
  'reception.checkIn': { code: 'ZZZZ-ZZZZ' },
  'dossiers.create': { procedureId: 'cap-lai-giay-phep-hanh-nghe', data: {} },
  'dossiers.update': { version: 1, data: { fullName: 'Ma Trận' } },
  'dossiers.submit': { version: 1 },
  'dossiers.withdraw': { version: 1 },
  'dossiers.act': { action: 'receive', version: 1 },
  'inbox.receive': { items: [{ dossierId: '01JDEMDSR00000000000000001', version: 1 }] },
  'calendar.put': { year: 2031, holidays: [], makeUpDays: [] },
  'dossiers.attachments.create': { documentId: 'don-de-nghi', fileName: 'don.pdf', contentType: 'application/pdf', sizeBytes: 1000 },
  'licences.status': { status: 'suspended', reason: 'Kiểm tra ma trận quyền' },
};

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(() => portal.close());

const callers = [undefined, ...ROLES.map((role) => demoUsers.find((u) => u.role === role)!)];
const pathOf = (route: Route) => route.path.replace(/\{(\w+)\+?\}/g, (_, name: string) => encodeURIComponent(SAMPLE_PARAMS[name] ?? 'x'));
const principalOf = (user: (typeof demoUsers)[number]): Principal => ({ userId: user.id, role: user.role, name: user.name, duties: user.duties ?? [], hospitalId: user.hospitalId, unitId: user.unitId, organisationId: user.organisationId });
/** Everything in the table except the audit log: what a refused write must leave untouched. */
const snapshot = async () => ((await portal.db.send(new ScanCommand({ TableName: portal.tableName }))).Items ?? []).filter((i) => !String(i.pk).startsWith('AUDIT#'));

describe.each(routes.map((route) => [route.id, route] as const))('route %s', (_id, route) => {
  it.each(callers.map((user) => [user?.role ?? 'anonymous', user] as const))('as %s', async (_role, user) => {
    const admitted = allowsRoute(route.auth, user && principalOf(user)) === 'allowed';
    const before = route.access === 'write' && !admitted ? await snapshot() : undefined;
    const body = SAMPLE_BODIES[route.id];
    const response = await portal.request(pathOf(route) + (SAMPLE_QUERY[route.id] ?? ''), {
      method: route.method === 'ANY' ? 'GET' : route.method,
      as: user?.id,
      ...(body ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}),
    });
    if (admitted) {
      expect([401, 403], `${route.id} refused an admitted caller`).not.toContain(response.status);
    } else {
      expect(response.status, `${route.id} let in a caller it should refuse`).toBe(user ? 403 : 401);
      if (before) expect(await snapshot()).toEqual(before);
    }
    expect(response.status).toBeLessThan(500);
  });
});

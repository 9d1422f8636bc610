/**
 * Resources of two owners on each side of every boundary, made through the real API where one
 * exists (dossier drafts, bookings, saved profiles, bills, payments, refunds): citizen-an and
 * citizen-binh, clinic-owner-minh's organisation, unit Nghiệp vụ Y and Nghiệp vụ Dược, hospital
 * Chợ Rẫy and Nhi Đồng 1. Submitted dossiers are written straight into their state (the
 * transition tests own that path); everything else is what a user would have made.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { expect } from 'vitest';
import type { Ownership } from '../../shared/src/policy';
import { keys } from '../../shared/src/table';
import { bookableDate, bookHttp, makeSession } from '../helpers/booking';
import { api, markUploaded, readyDraft, REISSUE, reissueData, requiredDocumentIds, seedInState } from '../helpers/dossiers';
import { openPayment, payByIpn, pushBill } from '../helpers/payments';
import type { TestPortal } from '../helpers/portal';

export const CR = 'hosp-cho-ray';
export const ND = 'hosp-nhi-dong-1';

export interface OwnedDossier { id: string; version: number; attachmentId: string; owner: Ownership }
export interface OwnedAppointment { id: string; code: string; hospitalId: string; owner: Ownership; moveTo: string }

export interface Fixtures {
  dossiers: OwnedDossier[];
  appointments: OwnedAppointment[];
  profiles: { id: string; owner: Ownership }[];
  sessions: { id: string; hospitalId: string; specialtyId: string }[];
  bills: { id: string; hospitalId: string }[];
  payments: { id: string; hospitalId: string }[];
  refunds: { id: string; hospitalId: string }[];
  /** A far-off day no fixture uses: closing it or generating sessions on it disturbs nothing. */
  spareDay: string;
}

/** A child (Nhi Đồng 1 books children) or an adult, with a personal ID that matches birth year and sex. */
function patientFor(hospitalId: string, i: number) {
  const child = hospitalId === ND;
  const year = child ? 2018 : 1980;
  return {
    fullName: `Chủ Sở Hữu ${'ABCDEGHKLM'[i % 10]}`, dateOfBirth: `${year}-03-0${1 + (i % 8)}`, sex: 'male' as const,
    phone: `09${String(70_000_000 + i).slice(-8)}`, cccd: `079${child ? 2 : 0}${String(year).slice(2)}${String(900_000 + i).padStart(6, '0')}`,
  };
}

async function book(portal: TestPortal, as: string, sessionId: string, hospitalId: string, i: number, moveTo: string): Promise<OwnedAppointment> {
  const response = await bookHttp(portal, as, { sessionId, patient: patientFor(hospitalId, i), insurance: { category: 'bhyt_registered' } });
  const body = (await response.json()) as { appointmentId: string; code: string };
  expect(response.status, JSON.stringify(body)).toBe(201);
  return { id: body.appointmentId, code: body.code, hospitalId, owner: { ownerId: as }, moveTo };
}

async function dossierOf(portal: TestPortal, dossierId: string): Promise<OwnedDossier> {
  const { Item } = await portal.db.send(new GetCommand({ TableName: portal.tableName, Key: keys.dossier(dossierId) }));
  const view = await api<{ attachments: { attachmentId: string }[] }>(portal, `/api/dossiers/${dossierId}`, 'admin-quang');
  const item = Item as { version: number; ownerId: string; organisationId?: string; unitId: string };
  return { id: dossierId, version: item.version, attachmentId: view.body.attachments[0]?.attachmentId ?? '01JDEMATT00000000000000001', owner: { ownerId: item.ownerId, organisationId: item.organisationId, unitId: item.unitId } };
}

async function paidPayment(portal: TestPortal, hospitalId: string) {
  const bill = await pushBill(portal, { hospitalId, amount: 200_000 });
  const { paymentId } = await openPayment(portal, bill.payLinkToken);
  expect(await payByIpn(portal, paymentId, 200_000)).toBe('00');
  return { bill: { id: bill.billId, hospitalId }, payment: { id: paymentId, hospitalId } };
}

async function requestRefund(portal: TestPortal, paymentId: string, hospitalId: string) {
  const as = hospitalId === CR ? 'cashier-cho-ray' : 'cashier-nhi-dong-1';
  const response = await portal.request(`/api/payments/${paymentId}/refunds`, { as, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ amountVnd: 50_000, reason: 'Bệnh nhân không sử dụng dịch vụ' }) });
  const body = (await response.json()) as { refundId: string };
  expect(response.status, JSON.stringify(body)).toBe(201);
  return { id: body.refundId, hospitalId };
}

async function saveProfile(portal: TestPortal, as: string, i: number) {
  const response = await portal.request('/api/me/patients', { as, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ relation: 'child', patient: patientFor(ND, 50 + i) }) });
  const body = (await response.json()) as { patientProfileId?: string; profileId?: string };
  expect(response.status, JSON.stringify(body)).toBe(201);
  return { id: body.patientProfileId ?? body.profileId ?? '', owner: { ownerId: as } };
}

export async function makeFixtures(portal: TestPortal): Promise<Fixtures> {
  const [sCR, sCR2, sND, sND2] = [
    await makeSession(portal, 50, { hospitalId: CR, specialtyId: 'tim-mach' }),
    await makeSession(portal, 50, { hospitalId: CR, specialtyId: 'tim-mach', date: bookableDate(4) }),
    await makeSession(portal, 50, { hospitalId: ND, specialtyId: 'nhi-tong-quat' }),
    await makeSession(portal, 50, { hospitalId: ND, specialtyId: 'nhi-tong-quat', date: bookableDate(4) }),
  ];
  const appointments = [
    await book(portal, 'citizen-an', sCR.sessionId, CR, 1, sCR2.sessionId),
    await book(portal, 'citizen-binh', sND.sessionId, ND, 2, sND2.sessionId),
  ];
  const drafts = [await readyDraft(portal, 'citizen-an'), await readyDraft(portal, 'citizen-binh'), await readyDraft(portal, 'clinic-owner-minh')];
  const submitted = [
    await seedInState(portal, 'submitted', { ownerId: 'citizen-an', unitId: 'unit-nghiep-vu-y' }),
    await seedInState(portal, 'submitted', { ownerId: 'citizen-binh', ownerName: 'Trần Thị Bình', unitId: 'unit-nghiep-vu-duoc' }),
  ];
  // Submitted ones get their documents too, so an attachment of theirs can be read.
  for (const d of submitted) await markUploaded(portal, d.dossierId, requiredDocumentIds(REISSUE, reissueData()));
  const dossiers = [];
  for (const id of [...drafts.map((d) => d.dossierId), ...submitted.map((d) => d.dossierId)]) dossiers.push(await dossierOf(portal, id));
  const cr = await paidPayment(portal, CR);
  const nd = await paidPayment(portal, ND);
  return {
    dossiers,
    appointments,
    profiles: [await saveProfile(portal, 'citizen-an', 1), await saveProfile(portal, 'citizen-binh', 2)],
    sessions: [sCR, sND].map((s) => ({ id: s.sessionId, hospitalId: s.hospitalId, specialtyId: s.specialtyId })),
    bills: [cr.bill, nd.bill],
    payments: [cr.payment, nd.payment],
    refunds: [await requestRefund(portal, cr.payment.id, CR), await requestRefund(portal, nd.payment.id, ND)],
    spareDay: '2030-01-07',
  };
}

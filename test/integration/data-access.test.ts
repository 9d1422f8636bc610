/**
 * "Ai đã xem dữ liệu của tôi" (ADR 0025) through the real handlers on DynamoDB Local: staff reads and
 * actions on a person's dossier or booking land in that person's list, shown by unit/hospital and
 * role (never the officer's name); nobody else sees them; the person's own actions are not listed;
 * pages of 20, newest first, with an opaque cursor.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataAccessPage } from '../../shared/src/audit/data-access';
import { bookHttp, bookingBody, makeSession } from '../helpers/booking';
import { act, api, readyDraft, seedInState, submit } from '../helpers/dossiers';
import { startTestPortal, type TestPortal } from '../helpers/portal';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(() => portal.close());

const page = async (as: string, cursor?: string) => {
  const response = await api<DataAccessPage>(portal, `/api/me/data-access${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`, as);
  expect(response.status).toBe(200);
  return response.body;
};

async function everything(as: string): Promise<DataAccessPage['items']> {
  const items: DataAccessPage['items'] = [];
  let cursor: string | undefined;
  do {
    const next = await page(as, cursor);
    items.push(...next.items);
    cursor = next.next;
  } while (cursor);
  return items;
}

describe('who read my data', () => {
  it("lists an officer's read of my dossier with the unit and role, not the officer's name, and only to me", async () => {
    const dossier = await seedInState(portal, 'submitted');
    expect((await api(portal, `/api/dossiers/${dossier.dossierId}`, 'officer-lan')).status).toBe(200);

    const first = (await page('citizen-an')).items[0];
    expect(first).toEqual({
      at: expect.any(String),
      action: 'dossier.read',
      actionLabel: { vi: 'Xem hồ sơ', en: 'Opened the dossier' },
      by: { role: 'officer', roleLabel: { vi: 'Cán bộ Sở Y tế', en: 'Department officer' }, place: { vi: 'Phòng Nghiệp vụ Y', en: 'Medical Affairs Division' } },
      target: { type: 'dossier', id: dossier.dossierId, code: dossier.code },
    });
    const raw = JSON.stringify(await page('citizen-an'));
    expect(raw).not.toContain('Võ Thị Lan');
    expect(raw).not.toContain('officer-lan');

    const binh = await everything('citizen-binh');
    expect(binh.map((i) => i.target.id)).not.toContain(dossier.dossierId);
  });

  it("does not list my own submission and reading, but lists an officer's receipt", async () => {
    const draft = await readyDraft(portal, 'citizen-an');
    expect((await submit(portal, draft, 'citizen-an')).status).toBe(200);
    expect((await api(portal, `/api/dossiers/${draft.dossierId}`, 'citizen-an')).status).toBe(200);
    expect((await everything('citizen-an')).filter((i) => i.target.id === draft.dossierId)).toEqual([]);

    const dossier = await seedInState(portal, 'submitted');
    expect((await act(portal, dossier, 'officer-thao', { action: 'receive' })).status).toBe(200);
    const mine = (await everything('citizen-an')).filter((i) => i.target.id === dossier.dossierId);
    expect(mine.map((i) => [i.action, i.actionLabel.vi])).toEqual([['dossier.receive', 'Tiếp nhận hồ sơ']]);
    expect(mine[0]?.target.code).toBe(dossier.code);
  });

  it("lists the reception's look at a session's bookings against my booking, by hospital", async () => {
    const session = await makeSession(portal, 5);
    const booked = await bookHttp(portal, 'citizen-an', bookingBody(session.sessionId, 901));
    expect(booked.status).toBe(201);
    const booking = (await booked.json()) as { appointmentId: string; code: string };
    const list = await portal.request(`/api/hospitals/hosp-cho-ray/sessions/${session.sessionId}/appointments`, { as: 'reception-cho-ray' });
    expect(list.status).toBe(200);

    const item = (await page('citizen-an')).items.find((i) => i.target.id === booking.appointmentId);
    expect(item).toMatchObject({
      action: 'session.appointments.list',
      by: { role: 'hospital_staff', place: { vi: 'Bệnh viện Chợ Rẫy' } },
      target: { type: 'appointment', code: booking.code },
    });
    expect((await everything('citizen-binh')).map((i) => i.target.id)).not.toContain(booking.appointmentId);
  });

  it('pages 45 entries as 20, 20 and 5, newest first, with no duplicates', async () => {
    // clinic-owner-hoa has no staff reads in the demo data.
    const dossier = await seedInState(portal, 'submitted', { ownerId: 'clinic-owner-hoa', organisationId: 'org-nha-thuoc-hoa-sen' });
    for (let i = 0; i < 45; i++) expect((await api(portal, `/api/dossiers/${dossier.dossierId}`, i % 2 ? 'officer-lan' : 'officer-thao')).status).toBe(200);

    const pages: DataAccessPage[] = [];
    let cursor: string | undefined;
    do {
      const next = await page('clinic-owner-hoa', cursor);
      pages.push(next);
      cursor = next.next;
    } while (cursor && pages.length < 5);
    expect(pages.map((p) => p.items.length)).toEqual([20, 20, 5]);
    const all = pages.flatMap((p) => p.items);
    expect(new Set(all.map((i) => JSON.stringify(i))).size).toBe(45);
    const times = all.map((i) => i.at);
    expect(times).toEqual([...times].sort().reverse());
    expect(pages[0]?.next).not.toMatch(/clinic-owner-hoa|USER#/);

    // Someone else's cursor never leads into my entries: the partition is always the caller's.
    const borrowed = await page('citizen-binh', pages[0]?.next);
    expect(borrowed.items.map((i) => i.target.id)).not.toContain(dossier.dossierId);
  });

  it('shows the demo citizen the seeded officer reads and actions (npm start is not empty)', async () => {
    const actions = (await everything('citizen-an')).map((i) => i.action);
    expect(actions).toEqual(expect.arrayContaining(['dossier.read', 'dossier.receive', 'dossier.assign']));
  });

  it('refuses a malformed cursor (400) and asks for sign-in (401)', async () => {
    for (const cursor of ['nonsense', Buffer.from('["USER#citizen-binh","x"]').toString('base64url')]) {
      const response = await api(portal, `/api/me/data-access?cursor=${cursor}`, 'citizen-an');
      expect(response.status, cursor).toBe(400);
    }
    expect((await api(portal, '/api/me/data-access', undefined)).status).toBe(401);
  });
});

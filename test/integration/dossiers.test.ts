/**
 * Dossiers through the HTTP API on DynamoDB Local: a draft saved step by step, submission refused
 * with the list of what is missing, the code and the fee, paying it on the VNPay double's IPN, an
 * officer receiving it, a supplement returned on the same dossier and code with the clock from zero,
 * the due date moved once with an apology, public tracking without personal data, the admin's
 * calendar, the inbox, and every change reaching the applicant's mailbox.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CALENDARS } from '../../shared/src/calendar/holidays';
import { calendarOf, dueDateFor } from '../../shared/src/calendar/working-days';
import type { DossierView, InboxResponse, PublicDossierView } from '../../shared/src/dossiers/api';
import { procedureByCode } from '../../shared/src/procedures/catalogue';
import { keys } from '../../shared/src/table';
import { payByIpn, payOnDouble, waitForStatus } from '../helpers/payments';
import { startTestPortal, type TestPortal } from '../helpers/portal';
import { catalogue } from '@portal/shared/procedures/catalogue';
import { REISSUE, act, api, assertValid, mailbox, readyDraft, reissueData, submit } from '../helpers/dossiers';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal({ jobs: true });
});
afterAll(() => portal.close());

const cal = calendarOf(DEFAULT_CALENDARS);

/** Submit and pay the fee on the IPN: a dossier in `submitted` with its clock running. */
async function submittedAndPaid(as = 'citizen-an', data = reissueData()): Promise<DossierView> {
  const draft = await readyDraft(portal, as, data);
  const submitted = await submit(portal, draft, as);
  expect(submitted.status).toBe(200);
  const payment = await api<{ paymentId: string }>(portal, '/api/payments', as, 'POST', { payable: { kind: 'fee', id: draft.dossierId } });
  expect(payment.status).toBe(201);
  expect(await payByIpn(portal, payment.body.paymentId, 150_000)).toBe('00');
  return (await api(portal, `/api/dossiers/${draft.dossierId}`, as)).body;
}

describe('an applicant’s draft', () => {
  it('is created with partial data, saved step by step, and seen only by its owner and the unit’s officers', async () => {
    const created = await api(portal, '/api/dossiers', 'citizen-an', 'POST', { procedureId: REISSUE, data: { fullName: 'Nguyễn Văn Thử' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ state: 'draft', procedureId: REISSUE, unitId: 'unit-nghiep-vu-y', ownerId: 'citizen-an', version: 1, availableActions: ['submit'] });
    expect(created.body.code).toBeUndefined();
    const id = created.body.dossierId;

    const saved = await api(portal, `/api/dossiers/${id}`, 'citizen-an', 'PATCH', { version: 1, data: { phone: '0901234567' } });
    expect(saved.status).toBe(200);
    expect(saved.body.data).toEqual({ fullName: 'Nguyễn Văn Thử', phone: '0901234567' });
    expect(saved.body.version).toBe(2);

    // A tab with the old version: 409 with the dossier as it is now.
    const stale = await api<{ code: string; current: DossierView }>(portal, `/api/dossiers/${id}`, 'citizen-an', 'PATCH', { version: 1, data: { email: 'x@example.vn' } });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('conflict');
    expect(stale.body.current.version).toBe(2);

    // A malformed value is refused with the field named.
    const bad = await api<{ errors: { field: string }[] }>(portal, `/api/dossiers/${id}`, 'citizen-an', 'PATCH', { version: 2, data: { phone: '12' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.field)).toContain('body.data.phone');

    expect((await api(portal, `/api/dossiers/${id}`, 'citizen-binh')).status).toBe(404);
    expect((await api(portal, `/api/dossiers/${id}`, 'clinic-owner-hoa')).status).toBe(404);
    expect((await api(portal, `/api/dossiers/${id}`, 'citizen-binh', 'PATCH', { version: 2, data: {} })).status).toBe(404);
    expect((await api(portal, `/api/dossiers/${id}/submit`, 'citizen-binh', 'POST', { version: 2 })).status).toBe(404);
    expect((await api(portal, `/api/dossiers/${id}`, 'officer-tuan')).status).toBe(403);
    expect((await api(portal, `/api/dossiers/${id}/actions`, 'officer-tuan', 'POST', { version: 2, action: 'receive' })).status).toBe(403);
    const officer = await api(portal, `/api/dossiers/${id}`, 'officer-lan');
    expect(officer.status).toBe(200);
    expect(officer.body.availableActions).toEqual([]);
    // The officer's read is in the audit log.
    const audit = await portal.db.send(new QueryCommand({ TableName: portal.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.auditTarget('dossier', id).pk } }));
    expect(audit.Items?.map((i) => i.action)).toContain('dossier.read');

    const mine = await api<{ items: { dossierId: string }[] }>(portal, '/api/dossiers?mine=1', 'citizen-an');
    expect(mine.body.items[0]?.dossierId).toBe(id);
    expect((await api<{ items: { dossierId: string }[] }>(portal, '/api/dossiers?mine=1', 'citizen-binh')).body.items.map((d) => d.dossierId)).not.toContain(id);
  });

  it('is not submitted while fields or mandatory documents are missing: 422 lists each', async () => {
    const created = await api(portal, '/api/dossiers', 'citizen-an', 'POST', { procedureId: REISSUE, data: { fullName: 'Nguyễn Văn Thử', reason: 'hu_hong' } });
    const refused = await api<{ code: string; title: string; errors: { field: string; message: string }[] }>(portal, `/api/dossiers/${created.body.dossierId}/submit`, 'citizen-an', 'POST', { version: 1 });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('dossier_incomplete');
    expect(refused.body.title).toContain('Hồ sơ chưa đầy đủ');
    const fields = refused.body.errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['body.data.phone', 'body.data.cccd', 'body.data.declarationTrue', 'documents.don-de-nghi', 'documents.giay-phep-bi-hu-hong']));
    expect(refused.body.errors.find((e) => e.field === 'documents.don-de-nghi')?.message).toMatch(/^Thiếu giấy tờ: Đơn đề nghị/);
    // Nothing changed.
    expect((await api(portal, `/api/dossiers/${created.body.dossierId}`, 'citizen-an')).body).toMatchObject({ state: 'draft', version: 1 });
  });
});

describe('submission, fee and intake', () => {
  it('gives a code and waits for the fee; the IPN moves it to submitted with its due date; then an officer receives it', async () => {
    assertValid(REISSUE, reissueData());
    const draft = await readyDraft(portal);
    const submitted = await submit(portal, draft);
    expect(submitted.status).toBe(200);
    expect(submitted.body.state).toBe('awaiting_fee');
    expect(submitted.body.nationalStatus).toBe(6);
    expect(submitted.body.code).toMatch(/^000\.00\.31\.H29-\d{6}-\d{4,}$/);
    expect(submitted.body.fee).toMatchObject({ amountVnd: 150_000, due: 'submission', status: 'unpaid' });
    expect(submitted.body.dueDate).toBeUndefined();

    // Not before the fee.
    const early = await act(portal, submitted.body, 'officer-lan', { action: 'receive' });
    expect(early.status).toBe(409);
    expect((early.body as unknown as { code: string }).code).toBe('action_not_allowed');

    const payment = await api<{ paymentId: string; paymentUrl: string }>(portal, '/api/payments', 'citizen-an', 'POST', { payable: { kind: 'fee', id: draft.dossierId } });
    expect(payment.status).toBe(201);
    // Another applicant cannot pay (or see) it.
    expect((await api(portal, '/api/payments', 'citizen-binh', 'POST', { payable: { kind: 'fee', id: draft.dossierId } })).status).toBe(404);
    // Paid on the VNPay sandbox double's page; the double then calls our IPN.
    await payOnDouble(portal, payment.body.paymentUrl);
    await waitForStatus(portal, payment.body.paymentId, 'paid');

    const paid = (await api(portal, `/api/dossiers/${draft.dossierId}`, 'citizen-an')).body;
    expect(paid.state).toBe('submitted');
    expect(paid.fee).toMatchObject({ status: 'paid', paymentId: payment.body.paymentId });
    expect(paid.code).toBe(submitted.body.code);
    expect(paid.dueDate).toBe(dueDateFor(new Date(paid.clockStartedAt!), procedureByCode(REISSUE)!.timeLimit, cal));
    expect(paid.history.map((h) => h.action)).toEqual(['create', 'submit', 'fee_paid']);
    // A second IPN for the same payment changes nothing.
    expect(await payByIpn(portal, payment.body.paymentId, 150_000)).toBe('02');
    expect((await api(portal, `/api/dossiers/${draft.dossierId}`, 'citizen-an')).body.version).toBe(paid.version);

    const received = await act(portal, paid, 'officer-lan', { action: 'receive' });
    expect(received.status).toBe(200);
    expect(received.body).toMatchObject({ state: 'received', nationalStatus: 2 });
    expect(received.body.receivedAt).toBeDefined();
  });

  it('refuses a stale version with 409 and the fresh dossier', async () => {
    const paid = await submittedAndPaid();
    const stale = await act(portal, { ...paid, version: paid.version - 1 }, 'officer-lan', { action: 'receive' });
    expect(stale.status).toBe(409);
    expect((stale.body as unknown as { current: DossierView }).current).toMatchObject({ state: 'submitted', version: paid.version });
  });
});

describe('a supplement', () => {
  it('is asked once with its checklist; the applicant returns the same dossier and code, and the clock restarts', async () => {
    let d = await submittedAndPaid();
    d = (await act(portal, d, 'officer-lan', { action: 'receive' })).body;
    d = (await act(portal, d, 'officer-lan', { action: 'assign', assignee: 'officer-thao' })).body;
    expect(d).toMatchObject({ state: 'in_review', assignee: { userId: 'officer-thao', name: 'Huỳnh Phương Thảo' } });
    // Not a colleague of this unit.
    expect((await act(portal, d, 'officer-lan', { action: 'assign', assignee: 'officer-tuan' })).status).toBe(400);

    const missing = ['don-de-nghi', 'Ảnh chân dung chụp trong 6 tháng gần đây'];
    const asked = await act(portal, d, 'officer-thao', { action: 'request_supplement', missing, reason: 'Đơn chưa có chữ ký, ảnh quá cũ' });
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({ state: 'supplement_requested', nationalStatus: 5, supplement: { missing, note: 'Đơn chưa có chữ ký, ảnh quá cũ' } });
    const before = asked.body;

    // The applicant sees the checklist and may edit again.
    const mine = (await api(portal, `/api/dossiers/${d.dossierId}`, 'citizen-an')).body;
    expect(mine.supplement?.missing).toEqual(missing);
    expect(mine.availableActions).toEqual(['submit', 'withdraw']);
    const edited = await api(portal, `/api/dossiers/${d.dossierId}`, 'citizen-an', 'PATCH', { version: mine.version, data: { licenceIssuer: 'Sở Y tế TP. Hồ Chí Minh' } });
    expect(edited.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const back = await submit(portal, edited.body);
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ state: 'resubmitted', code: d.code, dossierId: d.dossierId });
    expect(back.body.clockStartedAt! > before.clockStartedAt!).toBe(true);
    expect(back.body.dueDate).toBe(dueDateFor(new Date(back.body.clockStartedAt!), procedureByCode(REISSUE)!.timeLimit, cal));

    const review = await act(portal, back.body, 'officer-thao', { action: 'receive' });
    expect(review.body.state).toBe('in_review');
    // Only once.
    const again = await act(portal, review.body, 'officer-thao', { action: 'request_supplement', missing: ['x'] });
    expect(again.status).toBe(409);
    expect((again.body as unknown as { detail: string }).detail).toBe('supplement_already_requested');
  });
});

describe('the due date', () => {
  it('moves once, later, with a reason; a second move is refused', async () => {
    let d = await submittedAndPaid();
    d = (await act(portal, d, 'officer-lan', { action: 'receive' })).body;
    const earlier = await act(portal, d, 'officer-lan', { action: 'reschedule', reason: 'Chờ xác minh văn bằng', newDueDate: '2020-01-01' });
    expect(earlier.status).toBe(422);
    const moved = await act(portal, d, 'officer-lan', { action: 'reschedule', reason: 'Chờ xác minh văn bằng tại cơ sở đào tạo', newDueDate: '2099-06-30' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ dueDate: '2099-06-30', originalDueDate: d.dueDate });
    const twice = await act(portal, moved.body, 'officer-lan', { action: 'reschedule', reason: 'Lần nữa', newDueDate: '2099-12-31' });
    expect(twice.status).toBe(409);
    expect((twice.body as unknown as { detail: string }).detail).toBe('already_rescheduled');
  });
});

describe('notifications', () => {
  it('reach the applicant’s phone and e-mail for each change, the apology included, once per change', async () => {
    const data = reissueData({ phone: '0977123456', email: 'notify.me@example.vn' });
    let d = await submittedAndPaid('citizen-an', data);
    d = (await act(portal, d, 'officer-lan', { action: 'receive' })).body;
    d = (await act(portal, d, 'officer-lan', { action: 'reschedule', reason: 'Chờ ý kiến của Bộ Y tế', newDueDate: '2099-06-30' })).body;
    await portal.server.jobs!.drain();
    const mine = (await mailbox(portal)).filter((m) => m.to === '0977123456' || m.to === 'notify.me@example.vn');
    const events = mine.map((m) => `${m.channel}:${m.event}`).sort();
    expect(events).toEqual([
      'email:dossier.fee_paid', 'email:dossier.receive', 'email:dossier.reschedule', 'email:dossier.submit',
      'sms:dossier.fee_paid', 'sms:dossier.receive', 'sms:dossier.reschedule', 'sms:dossier.submit',
    ]);
    const apology = mine.find((m) => m.channel === 'sms' && m.event === 'dossier.reschedule')!;
    expect(apology.text).toContain('xin lỗi');
    expect(apology.text).toContain('30/06/2099');
    expect(apology.text).toContain(d.code);
    const email = mine.find((m) => m.channel === 'email' && m.event === 'dossier.submit')!;
    expect(email.text).toContain('Vui lòng nộp lệ phí 150.000 ₫');
    expect(email.text).toContain('Please pay the fee');
  });
});

describe('supplement notice', () => {
  it('names the missing documents in words (not their ids) beside the officer’s free-text items', async () => {
    const procedure = catalogue.find((p) => p.code === REISSUE)!;
    const document = procedure.documents[0]!;
    let d = await submittedAndPaid('citizen-an', reissueData({ phone: '0977000111', email: 'supplement.me@example.vn' }));
    d = (await act(portal, d, 'officer-lan', { action: 'receive' })).body;
    await act(portal, d, 'officer-lan', { action: 'request_supplement', missing: [document.id, 'Bản sao giấy khám sức khỏe còn hạn'] });
    await portal.server.jobs!.drain();
    const sms = (await mailbox(portal)).find((m) => m.to === '0977000111' && m.event === 'dossier.request_supplement')!;
    expect(sms.text).toContain(document.nameVi);
    expect(sms.text).toContain('Bản sao giấy khám sức khỏe còn hạn');
    expect(sms.text).not.toContain(`${document.id};`);
    const email = (await mailbox(portal)).find((m) => m.to === 'supplement.me@example.vn' && m.event === 'dossier.request_supplement')!;
    expect(email.text).toContain(document.nameEn);
  });
});

describe('public tracking', () => {
  it('answers with the code and the last 4 digits of the phone or ID number, without personal data; wrong digits lock it', async () => {
    const d = await submittedAndPaid('citizen-an', reissueData({ phone: '0909555111', cccd: '079085004321' }));
    const byPhone = await api<PublicDossierView>(portal, `/api/public/dossiers/${d.code}?check=5111`, undefined);
    expect(byPhone.status).toBe(200);
    expect(byPhone.body).toMatchObject({ code: d.code, state: 'submitted', nationalStatus: 1, dueDate: d.dueDate });
    expect(byPhone.body.history.map((h) => h.state)).toEqual(['awaiting_fee', 'submitted']);
    const text = JSON.stringify(byPhone.body);
    for (const secret of ['Nguyễn', '0909555111', '079085004321', 'citizen-an', 'example.vn', '5111', '4321']) expect(text).not.toContain(secret);
    expect((await api(portal, `/api/public/dossiers/${d.code}?check=4321`, undefined)).status).toBe(200);

    for (let i = 0; i < 5; i++) expect((await api(portal, `/api/public/dossiers/${d.code}?check=0000`, undefined)).status).toBe(404);
    const locked = await portal.request(`/api/public/dossiers/${d.code}?check=5111`);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800);
    expect((await api(portal, '/api/public/dossiers/000.00.31.H29-991231-0001?check=1234', undefined)).status).toBe(404);
  });
});

describe('the working-day calendar', () => {
  it('serves the shipped default, and an administrator’s edit (audited) from then on', async () => {
    const shipped = await api<{ source: string; holidays: { date: string }[] }>(portal, '/api/calendar/2027', undefined);
    expect(shipped.status).toBe(200);
    expect(shipped.body.source).toBe('default');
    expect(shipped.body.holidays.length).toBeGreaterThan(5);
    const edit = { year: 2031, holidays: [{ date: '2031-01-01', nameVi: 'Tết Dương lịch', nameEn: 'New Year’s Day' }], makeUpDays: [] };
    expect((await api(portal, '/api/calendar/2031', 'officer-lan', 'PUT', edit)).status).toBe(403);
    expect((await api(portal, '/api/calendar/2030', 'admin-quang', 'PUT', edit)).status).toBe(400);
    const saved = await api<{ source: string }>(portal, '/api/calendar/2031', 'admin-quang', 'PUT', edit);
    expect(saved.status).toBe(200);
    expect(saved.body.source).toBe('edited');
    expect((await api<{ source: string; holidays: unknown[] }>(portal, '/api/calendar/2031', undefined)).body).toMatchObject({ source: 'edited', holidays: edit.holidays });
    const audit = await portal.db.send(new QueryCommand({ TableName: portal.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.auditTarget('calendar', '2031').pk } }));
    expect(audit.Items?.[0]).toMatchObject({ action: 'calendar.put', actorId: 'admin-quang' });
    const weekendHoliday = { ...edit, holidays: [{ date: '2031-01-04', nameVi: 'Thứ Bảy', nameEn: 'Saturday' }] };
    expect((await api(portal, '/api/calendar/2031', 'admin-quang', 'PUT', weekendHoliday)).status).toBe(400);
  });
});

describe('the inbox', () => {
  it('lists the unit’s open dossiers by due date with counts, filters, and colleagues; other units see none of them', async () => {
    const d = await submittedAndPaid();
    const inbox = await api<InboxResponse>(portal, '/api/inbox', 'officer-lan');
    expect(inbox.status).toBe(200);
    const ids = inbox.body.items.map((i) => i.dossierId);
    expect(ids).toContain(d.dossierId);
    const dues = inbox.body.items.map((i) => i.dueDate ?? '9999-12-31');
    expect(dues).toEqual([...dues].sort());
    expect(inbox.body.counts.total).toBe(inbox.body.items.length);
    expect(inbox.body.counts.byState.submitted).toBeGreaterThanOrEqual(1);
    // The seeded demo: one overdue and one due soon in this unit.
    expect(inbox.body.counts.overdue).toBeGreaterThanOrEqual(1);
    expect(inbox.body.counts.dueSoon).toBeGreaterThanOrEqual(1);
    expect(inbox.body.colleagues.map((c) => c.userId).sort()).toEqual(['officer-lan', 'officer-thao']);
    expect(inbox.body.items.some((i) => i.state === 'draft')).toBe(false);

    const overdue = await api<InboxResponse>(portal, '/api/inbox?due=overdue', 'officer-lan');
    expect(overdue.body.items.length).toBe(inbox.body.counts.overdue);
    expect(overdue.body.items.every((i) => i.dueState === 'overdue')).toBe(true);
    expect(overdue.body.counts).toEqual(inbox.body.counts);
    const submittedOnly = await api<InboxResponse>(portal, `/api/inbox?state=submitted&procedure=${REISSUE}`, 'officer-lan');
    expect(submittedOnly.body.items.every((i) => i.state === 'submitted' && i.procedureId === REISSUE)).toBe(true);
    expect(submittedOnly.body.items.map((i) => i.dossierId)).toContain(d.dossierId);
    const mine = await api<InboxResponse>(portal, '/api/inbox?assignee=me', 'officer-lan');
    expect(mine.body.items.every((i) => i.assignee?.userId === 'officer-lan')).toBe(true);
    const nobody = await api<InboxResponse>(portal, '/api/inbox?assignee=none', 'officer-lan');
    expect(nobody.body.items.every((i) => i.assignee === undefined)).toBe(true);

    const other = await api<InboxResponse>(portal, '/api/inbox', 'officer-tuan');
    expect(other.body.items.map((i) => i.dossierId)).not.toContain(d.dossierId);
    expect(other.body.items.length).toBeGreaterThan(0);
  });

  it('receives several at once, each on its own', async () => {
    const a = await submittedAndPaid();
    const b = await submittedAndPaid();
    const draft = await readyDraft(portal);
    const result = await api<{ results: { dossierId: string; ok: boolean; error?: string; state?: string }[] }>(portal, '/api/inbox/receive', 'officer-lan', 'POST', {
      items: [{ dossierId: a.dossierId, version: a.version }, { dossierId: b.dossierId, version: b.version - 1 }, { dossierId: draft.dossierId, version: draft.version }],
    });
    expect(result.status).toBe(200);
    expect(result.body.results).toEqual([
      { dossierId: a.dossierId, ok: true, code: a.code, state: 'received' },
      { dossierId: b.dossierId, ok: false, error: 'conflict' },
      { dossierId: draft.dossierId, ok: false, error: 'not_allowed_in_state' },
    ]);
    const other = await api<{ results: { ok: boolean; error?: string }[] }>(portal, '/api/inbox/receive', 'officer-tuan', 'POST', { items: [{ dossierId: b.dossierId, version: b.version }] });
    expect(other.body.results).toEqual([{ dossierId: b.dossierId, ok: false, error: 'forbidden' }]);
    const item = await portal.db.send(new GetCommand({ TableName: portal.tableName, Key: keys.dossier(b.dossierId) }));
    expect(item.Item?.state).toBe('submitted');
  });
});

describe('an administrator’s calendar edit', () => {
  it('moves the due dates computed after it (a new holiday on the would-be due date pushes it to the next working day)', async () => {
    const limit = procedureByCode(REISSUE)!.timeLimit;
    const now = new Date();
    const wouldBe = dueDateFor(now, limit, cal);
    const year = Number(wouldBe.slice(0, 4));
    const shipped = DEFAULT_CALENDARS.find((y) => y.year === year) ?? { year, holidays: [], makeUpDays: [] };
    const edited = { year, holidays: [...shipped.holidays, { date: wouldBe, nameVi: 'Ngày nghỉ thử nghiệm', nameEn: 'Test holiday' }], makeUpDays: shipped.makeUpDays };
    expect((await api(portal, `/api/calendar/${year}`, 'admin-nga', 'PUT', edited)).status).toBe(200);
    try {
      const d = await submittedAndPaid();
      const withHoliday = calendarOf([...DEFAULT_CALENDARS.filter((y) => y.year !== year), edited]);
      expect(d.dueDate).toBe(dueDateFor(new Date(d.clockStartedAt!), limit, withHoliday));
      expect(d.dueDate! > wouldBe).toBe(true);
    } finally {
      expect((await api(portal, `/api/calendar/${year}`, 'admin-nga', 'PUT', shipped)).status).toBe(200);
    }
  });
});

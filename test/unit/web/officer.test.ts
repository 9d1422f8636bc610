/**
 * The officer's and administrator's pages, pure parts: inbox filters in the fragment, due dates in
 * words, the action forms (their bodies must pass the API's own `dossierActionBody`), bulk-receive
 * outcomes, the calendar form (it must agree with `yearCalendarSchema`), licence choices, the form
 * data layout, who may use the pages, and the response guards (kept in step with the shared views).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CALENDARS, yearCalendarSchema, type YearCalendar } from '../../../shared/src/calendar/holidays';
import {
  dossierActionBody, inboxQuery, licenceNumberParams, type DossierSummary, type DossierView, type InboxResponse, type PublicLicenceView,
} from '../../../shared/src/dossiers/api';
import { DOSSIER_STATES, RULES } from '../../../shared/src/dossiers/lifecycle';
import { ERRORS } from '../../../shared/src/errors';
import { catalogue } from '../../../shared/src/procedures/catalogue';
import type { Principal } from '../../../shared/src/roles';
import { checkCalendar, licenceStatusChoices, normaliseLicenceNumber, weekdayName } from '../../../web/src/lib/calendar-edit';
import {
  actOnDossier, conflictingDossier, getInbox, isBulkReceiveResult, isDossierSummary, isDossierView, isInboxResponse, isPublicLicenceView, isYearCalendar,
  receiveMany,
} from '../../../web/src/lib/officer-api';
import {
  INBOX_STATES, bulkOutcome, canAssign, canReceive, conflictText, dueText, filtersHash, inboxQueryString, parseFilters, sortByDue,
  toggleFilter,
} from '../../../web/src/lib/officer-format';
import { checkAction } from '../../../web/src/lib/officer-action-rules';
import { formDataSections } from '../../../web/src/lib/officer-form-view';
import { pagePath } from '../../../web/src/lib/i18n';
import { departmentAccess } from '../../../web/src/lib/staff-access';
import { ApiError } from '../../../web/src/lib/api';

const ID = '01JDOSSIER0000000000000001';
const summary: DossierSummary = {
  dossierId: ID, code: '000.00.31.H29-260504-0001', procedureId: 'cap-moi-giay-phep-hoat-dong-phong-kham', state: 'submitted',
  applicantName: 'Lê Quang Minh', createdAt: '2026-05-04T01:00:00.000Z', submittedAt: '2026-05-04T02:00:00.000Z', dueDate: '2026-06-18',
  dueState: 'on_time', feeStatus: 'paid', version: 3,
};
const view: DossierView = {
  dossierId: ID, code: summary.code, procedureId: summary.procedureId, unitId: 'unit-nghiep-vu-y', state: 'in_review', nationalStatus: 4,
  ownerId: 'clinic-owner-minh', applicantName: 'Lê Quang Minh', data: { clinicName: 'Phòng khám An Khang' },
  attachments: [{ attachmentId: '01JATTACH00000000000000001', documentId: 'don-de-nghi', fileName: 'don.pdf', contentType: 'application/pdf', sizeBytes: 120_000, status: 'uploaded', uploadedAt: '2026-05-04T01:30:00.000Z' }],
  fee: { amountVnd: 5_700_000, due: 'submission', status: 'paid', paidAt: '2026-05-04T02:00:00.000Z', paymentId: '01JPAY00000000000000000001' },
  createdAt: '2026-05-04T01:00:00.000Z', updatedAt: '2026-05-05T01:00:00.000Z', submittedAt: '2026-05-04T02:00:00.000Z', receivedAt: '2026-05-05T01:00:00.000Z',
  clockStartedAt: '2026-05-05T01:00:00.000Z', dueDate: '2026-06-19', dueState: 'on_time', assignee: { userId: 'officer-lan', name: 'Võ Thị Lan' },
  appraisal: { visit: { date: '2026-05-20', team: ['Võ Thị Lan', 'Huỳnh Phương Thảo'] } },
  history: [
    { at: '2026-05-04T02:00:00.000Z', action: 'submit', from: 'draft', to: 'submitted', actor: 'applicant' },
    { at: '2026-05-05T01:00:00.000Z', action: 'receive', from: 'submitted', to: 'received', actor: 'officer', by: { userId: 'officer-lan', name: 'Võ Thị Lan' } },
  ],
  availableActions: ['assign', 'request_supplement', 'schedule_appraisal', 'stop', 'reschedule'], version: 5,
};
const licence: PublicLicenceView = {
  number: 'GPHD-2026-000001', kind: 'licence', titleVi: 'Giấy phép hoạt động khám bệnh, chữa bệnh', titleEn: 'Healthcare facility operating licence',
  holderName: 'Phòng khám An Khang', scopeVi: 'Phòng khám đa khoa', issuingUnit: 'Sở Y tế', signedBy: 'Võ Thị Lan', issuedAt: '2026-05-20T03:00:00.000Z',
  validFrom: '2026-05-20', status: 'valid', signature: { algorithm: 'ECDSA_P256_SHA256', sha256: 'ab', value: 'cd', publicKeySpki: 'ef', keyId: 'k1' }, signatureValid: true,
};
const roundTrip = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const without = (value: object, key: string) => Object.fromEntries(Object.entries(value).filter(([k]) => k !== key));

describe('inbox filters in the address fragment', () => {
  it('round-trip every allowed value and drop anything else (no free text reaches the address)', () => {
    for (const state of INBOX_STATES) expect(parseFilters(filtersHash({ state }))).toEqual({ state });
    const all = { state: 'in_review', procedure: 'cap-moi-giay-phep-hoat-dong-phong-kham', due: 'overdue', assignee: 'me' } as const;
    expect(filtersHash(all)).toBe('#state=in_review&procedure=cap-moi-giay-phep-hoat-dong-phong-kham&due=overdue&assignee=me');
    expect(parseFilters(filtersHash(all))).toEqual(all);
    expect(parseFilters('#state=draft&procedure=../x&due=tomorrow&assignee=officer-thao&name=Nguyễn')).toEqual({});
    expect(filtersHash({})).toBe('');
    expect(parseFilters('')).toEqual({});
  });

  it('are exactly the API query: every hash the page makes passes inboxQuery', () => {
    const query = inboxQueryString({ state: 'submitted', due: 'due_soon', assignee: 'none' });
    expect(query).toBe('?state=submitted&due=due_soon&assignee=none');
    expect(inboxQuery.safeParse(Object.fromEntries(new URLSearchParams(query))).success).toBe(true);
    expect([...INBOX_STATES].sort()).toEqual([...(inboxQuery.shape.state.def.innerType.options as readonly string[])].sort());
  });

  it('a chip toggles its own filter and keeps the others', () => {
    expect(toggleFilter({ due: 'overdue', assignee: 'me' }, 'state', 'submitted')).toEqual({ state: 'submitted', due: 'overdue', assignee: 'me' });
    expect(toggleFilter({ state: 'submitted' }, 'state', 'submitted')).toEqual({});
    expect(toggleFilter({ due: 'overdue' }, 'due', 'due_soon')).toEqual({ due: 'due_soon' });
  });

  it('sort by due date, dossiers without one last', () => {
    const a = { ...summary, dossierId: 'a', dueDate: '2026-06-10' };
    const b = { ...summary, dossierId: 'b', dueDate: undefined };
    const c = { ...summary, dossierId: 'c', dueDate: '2026-05-30' };
    expect(sortByDue([a, b, c]).map((s) => s.dossierId)).toEqual(['c', 'a', 'b']);
  });
});

describe('due dates and labels', () => {
  it('say the due state in words in both languages', () => {
    expect(dueText('2026-05-12', 'overdue', 'vi')).toBe('12/05/2026 — Quá hạn');
    expect(dueText('2026-05-12', 'due_soon', 'vi')).toBe('12/05/2026 — Sắp đến hạn');
    expect(dueText('2026-05-12', 'on_time', 'en')).toBe('12/05/2026 — On time');
    expect(dueText(undefined, undefined, 'vi')).toBe('Chưa tính hạn');
  });

  it('offer intake and assignment exactly where the state machine allows them', () => {
    for (const state of DOSSIER_STATES) {
      expect(canReceive(state)).toBe(RULES.receive.from.includes(state));
      expect(canAssign(state)).toBe(RULES.assign.from.includes(state));
    }
  });

  it('describe a conflict with the fresh state and handler', () => {
    expect(conflictText({ state: 'received', assignee: { userId: 'officer-thao', name: 'Huỳnh Phương Thảo' } }, 'officer-lan', 'vi')).toBe(
      'Hồ sơ vừa được người khác cập nhật. Trạng thái hiện tại: Đã tiếp nhận; người xử lý: Huỳnh Phương Thảo. Trang đã hiển thị lại thông tin mới nhất, hãy xem lại trước khi thao tác tiếp.',
    );
    expect(conflictText(undefined, 'officer-lan', 'en')).toMatch(/^Someone else has just updated this dossier\./);
  });

  it('report bulk intake per dossier, with the API error titles', () => {
    const codes = new Map([['x', 'CODE-X'], ['y', 'CODE-Y']]);
    const all = bulkOutcome({ results: [{ dossierId: 'x', ok: true, code: 'CODE-X', state: 'received' }] }, codes, 'vi');
    expect(all).toEqual({ tone: 'success', summary: 'Đã tiếp nhận 1 hồ sơ.', lines: [{ ok: true, text: 'CODE-X: đã tiếp nhận' }] });
    const mixed = bulkOutcome({ results: [{ dossierId: 'x', ok: true }, { dossierId: 'y', ok: false, error: 'conflict' }] }, codes, 'vi');
    expect(mixed.tone).toBe('warning');
    expect(mixed.summary).toBe('Đã tiếp nhận 1 trong 2 hồ sơ; 1 hồ sơ không tiếp nhận được.');
    expect(mixed.lines[1]).toEqual({ ok: false, text: `CODE-Y: không tiếp nhận được — ${ERRORS.conflict.vi}` });
    // A state-machine refusal (the API's `detail`) is said in words too.
    expect(bulkOutcome({ results: [{ dossierId: 'y', ok: false, error: 'not_allowed_in_state' }] }, codes, 'vi').lines[0]!.text).toBe(
      'CODE-Y: không tiếp nhận được — hồ sơ không còn ở trạng thái cho phép thao tác này',
    );
    expect(bulkOutcome({ results: [{ dossierId: 'y', ok: false, error: 'conflict' }] }, codes, 'en').tone).toBe('error');
  });
});

describe('action forms', () => {
  const ctx = { version: 5, today: '2026-05-10', currentDueDate: '2026-06-19' };
  const accepted = (result: ReturnType<typeof checkAction>) => {
    if ('problems' in result) throw new Error(`unexpected problems: ${JSON.stringify(result.problems)}`);
    expect(dossierActionBody.safeParse(result.body).success, JSON.stringify(result.body)).toBe(true);
    return result.body;
  };
  const fields = (result: ReturnType<typeof checkAction>) => ('problems' in result ? result.problems.map((p) => p.field) : []);

  it('receive and approve need nothing but the version', () => {
    expect(accepted(checkAction('receive', {}, ctx, 'vi'))).toEqual({ action: 'receive', version: 5 });
    expect(accepted(checkAction('approve', {}, ctx, 'vi'))).toEqual({ action: 'approve', version: 5 });
  });

  it.each(['refuse', 'reject', 'stop'] as const)('%s needs a reason of at least 5 characters', (action) => {
    expect(fields(checkAction(action, { reason: '' }, ctx, 'vi'))).toEqual(['reason']);
    expect(fields(checkAction(action, { reason: ' abc ' }, ctx, 'vi'))).toEqual(['reason']);
    expect(accepted(checkAction(action, { reason: '  Thiếu giấy phép bức xạ  ' }, ctx, 'vi'))).toEqual({ action, version: 5, reason: 'Thiếu giấy phép bức xạ' });
  });

  it('a supplement lists every ticked document and every typed line, all at once', () => {
    expect(fields(checkAction('request_supplement', { documents: [], otherItems: ' \n ' }, ctx, 'vi'))).toEqual(['missing']);
    const body = accepted(checkAction('request_supplement', { documents: ['giay-phep-buc-xa'], otherItems: 'Bản vẽ mặt bằng có kích thước\n\n  Hợp đồng rác thải còn hạn ', reason: '' }, ctx, 'vi'));
    expect(body.missing).toEqual(['giay-phep-buc-xa', 'Bản vẽ mặt bằng có kích thước', 'Hợp đồng rác thải còn hạn']);
    expect(body.reason).toBeUndefined();
    expect(fields(checkAction('request_supplement', { documents: ['a'], reason: 'abc' }, ctx, 'vi'))).toEqual(['reason']);
    expect(fields(checkAction('request_supplement', { otherItems: 'x'.repeat(301) }, ctx, 'vi'))).toEqual(['missing']);
    expect(fields(checkAction('request_supplement', { otherItems: Array.from({ length: 31 }, (_, i) => `Mục ${i}`).join('\n') }, ctx, 'vi'))).toEqual(['missing']);
  });

  it('an appraisal visit needs a date from today and a team, one person per line', () => {
    expect(fields(checkAction('schedule_appraisal', { visitDate: '2026-05-09', team: 'Võ Thị Lan' }, ctx, 'vi'))).toEqual(['visitDate']);
    expect(fields(checkAction('schedule_appraisal', { visitDate: '2026-02-30', team: '' }, ctx, 'vi'))).toEqual(['visitDate', 'team']);
    expect(accepted(checkAction('schedule_appraisal', { visitDate: '2026-05-20', team: 'Võ Thị Lan\nHuỳnh Phương Thảo\n' }, ctx, 'vi')).visit).toEqual({
      date: '2026-05-20', team: ['Võ Thị Lan', 'Huỳnh Phương Thảo'],
    });
  });

  it('recording an appraisal needs an outcome, minutes, and a later deadline for remediation', () => {
    expect(fields(checkAction('record_appraisal', {}, ctx, 'vi'))).toEqual(['outcome', 'minutes']);
    expect(fields(checkAction('record_appraisal', { outcome: 'remediation_required', minutes: 'Thiếu bồn rửa tay', remediationDeadline: '2026-05-10' }, ctx, 'vi'))).toEqual([
      'remediationDeadline',
    ]);
    expect(accepted(checkAction('record_appraisal', { outcome: 'remediation_required', minutes: 'Thiếu bồn rửa tay', remediationDeadline: '2026-06-01' }, ctx, 'vi')).appraisal).toEqual({
      outcome: 'remediation_required', minutes: 'Thiếu bồn rửa tay', remediationDeadline: '2026-06-01',
    });
    expect(accepted(checkAction('record_appraisal', { outcome: 'passed', minutes: 'Đạt yêu cầu', remediationDeadline: '2026-06-01' }, ctx, 'vi')).appraisal).toEqual({
      outcome: 'passed', minutes: 'Đạt yêu cầu',
    });
  });

  it('a reschedule moves the due date later, once, with an apology', () => {
    expect(fields(checkAction('reschedule', { newDueDate: '2026-06-19', reason: 'Xin lỗi vì chậm trễ' }, ctx, 'vi'))).toEqual(['newDueDate']);
    expect(fields(checkAction('reschedule', { newDueDate: '2026-06-30' }, ctx, 'vi'))).toEqual(['reason']);
    expect(accepted(checkAction('reschedule', { newDueDate: '2026-06-30', reason: 'Xin lỗi: cần thêm ý kiến chuyên gia' }, ctx, 'vi')).newDueDate).toBe('2026-06-30');
  });

  it('assignment names an officer id', () => {
    expect(fields(checkAction('assign', { assignee: '' }, ctx, 'vi'))).toEqual(['assignee']);
    expect(accepted(checkAction('assign', { assignee: 'officer-thao' }, ctx, 'vi')).assignee).toBe('officer-thao');
  });
});

describe('working-day calendar form', () => {
  const rows = (cal: YearCalendar) => ({ holidays: cal.holidays, makeUpDays: cal.makeUpDays });

  it('accepts the seeded years exactly as the API schema does', () => {
    for (const cal of DEFAULT_CALENDARS) {
      expect(yearCalendarSchema.safeParse(cal).success).toBe(true);
      const checked = checkCalendar(cal.year, rows(cal), 'vi');
      expect('calendar' in checked && yearCalendarSchema.safeParse(checked.calendar).success).toBe(true);
    }
  });

  const base = DEFAULT_CALENDARS.find((c) => c.year === 2026)!;
  const broken: [string, YearCalendar, string][] = [
    ['a holiday on a Saturday', { ...base, holidays: [...base.holidays, { date: '2026-03-07', nameVi: 'Thử', nameEn: 'Test' }] }, 'Ngày nghỉ rơi vào thứ Bảy hoặc Chủ nhật'],
    ['a make-up day on a weekday', { ...base, makeUpDays: [{ date: '2026-03-09', nameVi: 'Làm bù', nameEn: 'Make-up' }] }, 'Ngày làm bù phải là thứ Bảy hoặc Chủ nhật'],
    ['a date of another year', { ...base, holidays: [...base.holidays, { date: '2027-03-09', nameVi: 'Thử', nameEn: 'Test' }] }, 'không thuộc năm 2026'],
    ['a date twice', { ...base, holidays: [...base.holidays, { ...base.holidays[0]! }] }, 'đã có ở dòng khác'],
    ['a date that does not exist', { ...base, holidays: [{ date: '2026-02-30', nameVi: 'Thử', nameEn: 'Test' }] }, 'Ngày không hợp lệ'],
    ['an empty name', { ...base, holidays: [{ date: '2026-03-09', nameVi: ' ', nameEn: 'Test' }] }, 'Nhập tên ngày (tiếng Việt)'],
  ];
  it.each(broken)('rejects %s (as the API schema does), naming the row', (_name, cal, message) => {
    expect(yearCalendarSchema.safeParse(cal).success).toBe(false);
    const checked = checkCalendar(2026, rows(cal), 'vi');
    expect('problems' in checked && checked.problems.some((p) => p.message.includes(message) && p.index >= 0)).toBe(true);
  });

  it('names weekdays', () => {
    expect(weekdayName('2026-02-16', 'vi')).toBe('Thứ Hai');
    expect(weekdayName('2026-02-21', 'en')).toBe('Saturday');
    expect(weekdayName('2026-02-30', 'vi')).toBe('');
  });

  it('licences: suspend or revoke a valid one, reinstate a suspended one, nothing after revocation or expiry', () => {
    expect(licenceStatusChoices('valid')).toEqual(['suspended', 'revoked']);
    expect(licenceStatusChoices('suspended')).toEqual(['valid', 'revoked']);
    expect(licenceStatusChoices('revoked')).toEqual([]);
    expect(licenceStatusChoices('expired')).toEqual([]);
    const typed = normaliseLicenceNumber(' gphd-2026-000123 ');
    expect(typed).toBe('GPHD-2026-000123');
    expect(licenceNumberParams.safeParse({ number: typed }).success).toBe(true);
    expect(normaliseLicenceNumber('GPHĐ-2026-000123')).toBeUndefined();
  });
});

describe('form data laid out by the procedure form', () => {
  const clinic = catalogue.find((p) => p.code === 'cap-moi-giay-phep-hoat-dong-phong-kham')!;
  const data = {
    clinicName: 'Phòng khám An Khang', facilityType: 'phong_kham_da_khoa', specialty: 'Nhi (ẩn vì là đa khoa)',
    clinicAddress: { province: '79', ward: '25747', street: '12 Lê Lợi' }, floorArea: 120, hasXray: false,
    staff: [{ fullName: 'Trần Văn Bác', profession: 'bac_sy', licenceNumber: '001234/HCM-GPHN', cccd: '079085001234', position: 'Trưởng phòng khám', workingTime: 'toan_thoi_gian' }],
    legacyField: 'giữ lại',
  };

  it('by step, with option names, yes/no, addresses, groups; hidden fields left out and unknown data kept', () => {
    const sections = formDataSections(clinic.form, data, 'vi');
    const rows = sections.flatMap((s) => s.rows);
    const byId = (id: string) => rows.find((r) => r.fieldId === id);
    // One section per step, in the form's order, every visible field listed (empty ones show '—' on the page).
    expect(sections.slice(0, clinic.form.steps.length).map((s) => s.title)).toEqual(clinic.form.steps.map((s) => s.titleVi));
    expect(sections.find((s) => s.rows.some((r) => r.fieldId === 'clinicName'))?.title).toBe(clinic.form.steps.find((s) => s.fields.some((f) => f.id === 'clinicName'))!.titleVi);
    expect(byId('orgName')?.value).toBe('');
    expect(byId('facilityType')?.value).toBe('Phòng khám đa khoa');
    expect(byId('specialty')).toBeUndefined();
    expect(byId('hasXray')?.value).toBe('Không');
    expect(byId('radiationLicenceNumber')).toBeUndefined();
    expect(byId('clinicAddress')?.value).toBe('12 Lê Lợi, Phường Thủ Dầu Một, Hồ Chí Minh');
    expect(byId('staff')?.items?.[0]?.title).toMatch(/ 1$/);
    expect(byId('staff')?.items?.[0]?.rows.find((r) => r.fieldId === 'profession')?.value).toBe('Bác sỹ');
    expect(sections.at(-1)).toEqual({ title: 'Thông tin khác', rows: [{ fieldId: 'legacyField', label: 'legacyField', value: 'giữ lại' }] });
  });

  it('without a form, lists the data as it is', () => {
    expect(formDataSections(undefined, { a: 'x', b: 2 }, 'en')).toEqual([{ title: 'Other details', rows: [{ fieldId: 'a', label: 'a', value: 'x' }, { fieldId: 'b', label: 'b', value: '2' }] }]);
  });
});

describe('who may use the department pages', () => {
  const person = (p: Partial<Principal>): Principal => ({ userId: 'u', role: 'citizen', name: 'X', duties: [], ...p });
  it('officers of a unit: inbox and dossiers; administrators: dossiers (read) and the admin page', () => {
    expect(departmentAccess(person({ role: 'officer', unitId: 'unit-nghiep-vu-y' }), 'officer')).toEqual({ ok: true, role: 'officer', unitId: 'unit-nghiep-vu-y' });
    expect(departmentAccess(person({ role: 'officer' }), 'officer')).toEqual({ ok: false, reason: 'no_unit' });
    expect(departmentAccess(person({ role: 'officer', unitId: 'unit-nghiep-vu-y' }), 'admin')).toEqual({ ok: false, reason: 'not_admin' });
    expect(departmentAccess(person({ role: 'admin' }), 'admin')).toEqual({ ok: true, role: 'admin' });
    expect(departmentAccess(person({ role: 'admin' }), 'officer_or_admin')).toEqual({ ok: true, role: 'admin' });
    expect(departmentAccess(person({ role: 'admin' }), 'officer')).toEqual({ ok: false, reason: 'not_officer' });
    expect(departmentAccess(person({ role: 'hospital_staff', duties: ['cashier'] }), 'officer')).toEqual({ ok: false, reason: 'not_officer' });
  });

  it('have their addresses in both languages', () => {
    expect(pagePath('officerInbox', 'vi')).toBe('/nhan-vien/ho-so/');
    expect(pagePath('officerDossier', 'en')).toBe('/en/staff/dossiers/detail/');
    expect(pagePath('departmentAdmin', 'vi')).toBe('/nhan-vien/quan-tri/');
  });
});

describe('officer response guards', () => {
  it('accept the shared views after a JSON round trip', () => {
    expect(isDossierView(roundTrip(view))).toBe(true);
    for (const state of DOSSIER_STATES) expect(isDossierView({ ...view, state })).toBe(true);
    expect(isDossierView({ ...view, supplement: { missing: ['don-de-nghi', 'Bản vẽ'], note: 'Bổ sung trong 30 ngày', requestedAt: '2026-05-06T01:00:00.000Z' } })).toBe(true);
    const inbox: InboxResponse = { items: [summary, { ...summary, dossierId: 'b', dueDate: undefined, dueState: undefined }], counts: { total: 2, dueSoon: 0, overdue: 0, byState: { submitted: 2 } }, colleagues: [{ userId: 'officer-thao', name: 'Huỳnh Phương Thảo' }] };
    expect(isInboxResponse(roundTrip(inbox))).toBe(true);
    expect(isBulkReceiveResult({ results: [{ dossierId: ID, ok: true, code: summary.code, state: 'received' }, { dossierId: 'b', ok: false, error: 'conflict' }] })).toBe(true);
    for (const cal of DEFAULT_CALENDARS) expect(isYearCalendar(roundTrip(cal))).toBe(true);
    expect(isPublicLicenceView(roundTrip(licence))).toBe(true);
  });

  it.each(['dossierId', 'state', 'data', 'attachments', 'fee', 'history', 'availableActions', 'version', 'applicantName'])('reject a dossier without %s', (key) => {
    expect(isDossierView(without(view, key))).toBe(false);
  });

  it('reject unknown states, actions and broken counts', () => {
    expect(isDossierView({ ...view, state: 'lost' })).toBe(false);
    expect(isDossierView({ ...view, availableActions: ['delete'] })).toBe(false);
    expect(isDossierSummary({ ...summary, version: 0 })).toBe(false);
    expect(isInboxResponse({ items: [], counts: { total: 0, dueSoon: 0, overdue: 0, byState: { nowhere: 1 } }, colleagues: [] })).toBe(false);
    expect(isPublicLicenceView({ ...licence, status: 'paused' })).toBe(false);
  });
});

describe('officer API client', () => {
  afterEach(() => vi.unstubAllGlobals());
  const stub = (status: number, body: unknown) => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' } }));
    vi.stubGlobal('fetch', fetchMock);
    return fetchMock;
  };

  it('asks the inbox with the filters and the bearer token', async () => {
    const fetchMock = stub(200, { items: [summary], counts: { total: 1, dueSoon: 0, overdue: 0, byState: { submitted: 1 } }, colleagues: [] });
    await getInbox({ state: 'submitted', assignee: 'none' }, { lang: 'vi', token: 't.o.k' });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/inbox?state=submitted&assignee=none');
    expect(init.headers).toMatchObject({ authorization: 'Bearer t.o.k' });
  });

  it('posts bulk intake and actions with the versions read', async () => {
    const fetchMock = stub(200, { results: [{ dossierId: ID, ok: true }] });
    await receiveMany([{ dossierId: ID, version: 3 }], { lang: 'vi', token: 't' });
    expect((fetchMock.mock.calls[0] as unknown as [string])[0]).toBe('/api/inbox/receive');
    expect(JSON.parse(String((fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1].body))).toEqual({ items: [{ dossierId: ID, version: 3 }] });
  });

  it('reads the fresh dossier from a 409', async () => {
    stub(409, { type: 'about:blank', title: ERRORS.conflict.vi, status: 409, code: 'conflict', current: { ...view, state: 'supplement_requested', version: 6 } });
    const error = await actOnDossier(ID, { action: 'approve', version: 5 }, { lang: 'vi', token: 't' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(conflictingDossier(error)?.state).toBe('supplement_requested');
    expect(conflictingDossier(new ApiError(409, 'conflict', 'x', { type: 't', title: 'x', status: 409, code: 'conflict' }))).toBeUndefined();
  });
});

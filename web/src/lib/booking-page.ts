/**
 * Browser side of "Đặt lịch khám" (/dat-lich/): hospital → specialty → a session with places left →
 * patient (a saved profile or another person) → insurance category → confirm. The answer shows the
 * booking code, queue number, room and the check-in QR; a held place offers the fee payment. A full
 * session explains "Buổi khám đã hết chỗ" and offers the next sessions with places.
 */
import type { AppointmentView, SessionView } from '@portal/shared/booking/api';
import { formatQueueNumber } from '@portal/shared/booking/codes';
import { INSURANCE_CATEGORIES } from '@portal/shared/booking/insurance';
import type { Problem } from '@portal/shared/errors';
import { formatVnd } from '@portal/shared/vietnamese';
import { ApiError } from './api';
import { signInHref } from './auth';
import { createAppointment, listHospitals, listProfiles, listSessions, listSpecialties, payAppointment } from './booking-api';
import { dayLabel, insuranceLabel, newIdempotencyKey, periodLabel, placesText, STATUS_LABELS, vietnamTime } from './booking-format';
import { pagePath, type Lang } from './i18n';
import { qrSvg } from './qr-svg';
import { showHospitalRating } from './rating-summary';
import { fillEmpty, identityValues } from './identity-prefill';
import { getToken } from './session';
import { leaveForPayment } from './payment-memory';

const TEXT = {
  vi: {
    chooseHospital: 'Chọn bệnh viện', chooseSpecialty: 'Chọn chuyên khoa', loading: 'Đang tải…',
    noSessions: 'Chưa có buổi khám nào còn nhận đặt lịch cho chuyên khoa này.', sessions: (n: number) => `${n} buổi khám trong thời gian nhận đặt lịch.`,
    room: 'Phòng', newPatient: 'Người khác (nhập thông tin)', relation: { self: 'Bản thân', parent: 'Cha/mẹ', child: 'Con', spouse: 'Vợ/chồng', sibling: 'Anh/chị/em', other: 'Người thân' },
    errorTitle: 'Chưa đặt được lịch', needSession: 'Chọn ngày và buổi khám', needPatient: 'Chọn người bệnh', needCategory: 'Chọn đối tượng khám',
    needSignIn: 'Vui lòng đăng nhập để đặt lịch.', full: 'Các buổi khám gần nhất còn chỗ:', choose: 'Chọn buổi này', noAlternatives: 'Không còn buổi khám nào có chỗ trong thời gian nhận đặt lịch.',
    code: 'Mã đặt lịch', queue: 'Số thứ tự', when: 'Thời gian', where: 'Nơi khám', doctor: 'Bác sĩ', patient: 'Người bệnh', status: 'Trạng thái', insurance: 'Đối tượng',
    qr: (code: string) => `Mã QR tiếp đón, mã đặt lịch ${code}`, held: (amount: string, until: string) => `Bệnh viện yêu cầu thanh toán phí khám ${amount} để xác nhận. Chỗ được giữ đến ${until}.`,
    payFailed: 'Chưa mở được trang thanh toán', booking: 'Đang đặt lịch…',
  },
  en: {
    chooseHospital: 'Choose a hospital', chooseSpecialty: 'Choose a specialty', loading: 'Loading…',
    noSessions: 'No session of this specialty is open for booking yet.', sessions: (n: number) => `${n} sessions open for booking.`,
    room: 'Room', newPatient: 'Someone else (enter their details)', relation: { self: 'Myself', parent: 'Parent', child: 'Child', spouse: 'Spouse', sibling: 'Sibling', other: 'Relative' },
    errorTitle: 'The booking was not made', needSession: 'Choose a day and session', needPatient: 'Choose the patient', needCategory: 'Choose the insurance category',
    needSignIn: 'Please sign in to book.', full: 'The next sessions with places:', choose: 'Choose this session', noAlternatives: 'No other session has places in the booking window.',
    code: 'Booking code', queue: 'Queue number', when: 'When', where: 'Where', doctor: 'Doctor', patient: 'Patient', status: 'Status', insurance: 'Category',
    qr: (code: string) => `Check-in QR code for booking ${code}`, held: (amount: string, until: string) => `The hospital asks for the exam fee of ${amount} to confirm. The place is held until ${until}.`,
    payFailed: 'The payment page could not be opened', booking: 'Booking…',
  },
} as const;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function need<T extends Element>(root: ParentNode, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`booking page: missing ${selector}`);
  return found;
}

export const sessionText = (s: SessionView, lang: Lang): string =>
  `${periodLabel(s.period, lang)} ${s.start}–${s.end} · ${TEXT[lang].room} ${s.room}${s.doctorName ? ` · ${s.doctorName}` : ''} · ${placesText(s.placesLeft, lang)}`;

export function initBookingPage(root: HTMLElement): void {
  const lang = (root.dataset.lang === 'en' ? 'en' : 'vi') as Lang;
  const t = TEXT[lang];
  const form = need<HTMLFormElement>(root, '[data-form]');
  const hospital = need<HTMLSelectElement>(root, '[data-hospital]');
  const specialty = need<HTMLSelectElement>(root, '[data-specialty]');
  const sessionsBox = need<HTMLElement>(root, '[data-sessions]');
  const sessionsStatus = need<HTMLElement>(root, '[data-sessions-status]');
  const profiles = need<HTMLElement>(root, '[data-profiles]');
  const newPatient = need<HTMLElement>(root, '[data-new-patient]');
  const signInNote = need<HTMLElement>(root, '[data-sign-in-note]');
  const referral = need<HTMLElement>(root, '[data-referral]');
  const errorBox = need<HTMLElement>(root, '[data-error]');
  const errorMessage = need<HTMLElement>(root, '[data-error-message]');
  const errorList = need<HTMLUListElement>(root, '[data-error-list]');
  const alternatives = need<HTMLElement>(root, '[data-alternatives]');
  const submit = need<HTMLButtonElement>(root, '[data-submit]');
  const status = need<HTMLElement>(root, '[data-status]');
  const result = need<HTMLElement>(root, '[data-result]');
  const token = getToken();
  let idempotencyKey = newIdempotencyKey();
  let sessions: SessionView[] = [];

  // Any change makes a new request: a new key. A retry of the same form keeps the key (no double booking).
  form.addEventListener('change', () => (idempotencyKey = newIdempotencyKey()));
  form.addEventListener('input', () => (idempotencyKey = newIdempotencyKey()));

  const showError = (message: string, items: { text: string; href?: string }[] = []) => {
    errorMessage.textContent = message;
    errorList.replaceChildren(...items.map((i) => el('li', {}, i.href ? el('a', { href: i.href }, i.text) : i.text)));
    errorBox.hidden = false;
    errorBox.focus();
  };
  const clearError = () => {
    errorBox.hidden = true;
    alternatives.replaceChildren();
  };

  function renderSessions(selected?: string): void {
    sessionsBox.replaceChildren();
    if (sessions.length === 0) {
      sessionsStatus.textContent = t.noSessions;
      return;
    }
    sessionsStatus.textContent = t.sessions(sessions.length);
    const days = [...new Set(sessions.map((s) => s.date))];
    for (const day of days) {
      const group = el('fieldset', { className: 'fieldset session-day' }, el('legend', { className: 'label' }, dayLabel(day, lang)));
      for (const s of sessions.filter((x) => x.date === day)) {
        const input = el('input', { className: 'radio-input', type: 'radio', name: 'session', value: s.sessionId, id: `s-${s.sessionId}`, disabled: s.placesLeft <= 0, checked: s.sessionId === selected });
        group.append(el('div', { className: 'radio' }, input, el('label', { htmlFor: input.id, className: 'radio-label' }, sessionText(s, lang))));
      }
      sessionsBox.append(group);
    }
  }

  async function loadSessions(selected?: string): Promise<void> {
    sessionsStatus.textContent = t.loading;
    try {
      sessions = await listSessions(hospital.value, specialty.value, { lang });
      renderSessions(selected);
    } catch (error) {
      sessionsStatus.textContent = error instanceof ApiError ? error.title : String(error);
    }
  }

  hospital.addEventListener('change', async () => {
    specialty.replaceChildren(el('option', { value: '' }, t.chooseSpecialty));
    specialty.disabled = true;
    sessions = [];
    sessionsBox.replaceChildren();
    void showHospitalRating(need<HTMLElement>(root, '[data-hospital-rating]'), hospital.value, lang);
    if (!hospital.value) return;
    const list = await listSpecialties(hospital.value, { lang });
    specialty.append(...list.map((s) => el('option', { value: s.specialtyId }, lang === 'en' ? s.nameEn : s.name)));
    specialty.disabled = false;
  });
  specialty.addEventListener('change', () => {
    if (specialty.value) void loadSessions();
  });

  form.addEventListener('change', (event) => {
    const target = event.target as HTMLInputElement;
    if (target.name === 'category') referral.hidden = target.value !== 'referral';
    if (target.name === 'profile') newPatient.hidden = target.value !== 'new';
  });

  async function loadProfiles(): Promise<void> {
    if (!token) {
      signInNote.hidden = false;
      need<HTMLAnchorElement>(signInNote, 'a').href = signInHref(pagePath('appointments', lang), lang);
      return;
    }
    const saved = await listProfiles({ lang, token }).catch(() => []);
    const options = saved.map((p) => {
      const input = el('input', { className: 'radio-input', type: 'radio', name: 'profile', value: p.profileId, id: `p-${p.profileId}` });
      return el('div', { className: 'radio' }, input, el('label', { htmlFor: input.id, className: 'radio-label' }, `${p.fullName} (${t.relation[p.relation]})`));
    });
    const other = el('input', { className: 'radio-input', type: 'radio', name: 'profile', value: 'new', id: 'p-new' });
    profiles.replaceChildren(...options, el('div', { className: 'radio' }, other, el('label', { htmlFor: other.id, className: 'radio-label' }, t.newPatient)));
    // Signed in with VNeID: a new profile for oneself starts from the national identity.
    fillEmpty(form, await identityValues({ lang, token }));
  }

  function body(): { value?: unknown; problems: { text: string; href: string }[] } {
    const data = new FormData(form);
    const problems: { text: string; href: string }[] = [];
    const sessionId = data.get('session');
    const profile = data.get('profile');
    const category = data.get('category');
    if (!sessionId) problems.push({ text: t.needSession, href: '#sessions-legend' });
    if (!profile) problems.push({ text: t.needPatient, href: '#patient-legend' });
    if (!category || !INSURANCE_CATEGORIES.includes(String(category) as never)) problems.push({ text: t.needCategory, href: '#insurance-legend' });
    if (problems.length) return { problems };
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const patient = profile === 'new'
      ? {
          patient: {
            fullName: text('fullName'), dateOfBirth: text('dateOfBirth'), sex: text('sex'), phone: text('phone'),
            ...(text('cccd') ? { cccd: text('cccd') } : {}), ...(text('bhxh') ? { bhxh: text('bhxh') } : {}), ...(text('address') ? { address: text('address') } : {}),
          },
        }
      : { patientProfileId: String(profile) };
    const insurance = { category: String(category), ...(category === 'referral' && text('referralDate') ? { referralDate: text('referralDate') } : {}) };
    return { value: { sessionId: String(sessionId), ...patient, insurance }, problems };
  }

  const FIELD_IDS: Record<string, string> = {
    'body.patient.fullName': 'f-fullName', 'body.patient.dateOfBirth': 'f-dateOfBirth', 'body.patient.sex': 'f-sex', 'body.patient.phone': 'f-phone',
    'body.patient.cccd': 'f-cccd', 'body.patient.bhxh': 'f-bhxh', 'body.patient.address': 'f-address', 'body.insurance.referralDate': 'f-referralDate',
  };

  function showAlternatives(problem: Problem | undefined): void {
    const next = ((problem as unknown as { nextSessions?: SessionView[] })?.nextSessions ?? []).filter((s) => typeof s?.sessionId === 'string');
    if (next.length === 0) {
      alternatives.replaceChildren(el('p', {}, t.noAlternatives));
      return;
    }
    alternatives.replaceChildren(
      el('p', {}, t.full),
      el('ul', {}, ...next.map((s) => {
        const pick = el('button', { type: 'button', className: 'button button-secondary' }, t.choose);
        pick.addEventListener('click', async () => {
          await loadSessions(s.sessionId);
          need<HTMLInputElement>(sessionsBox, `input[value="${CSS.escape(s.sessionId)}"]`).focus();
          clearError();
        });
        return el('li', {}, `${dayLabel(s.date, lang)} · ${sessionText(s, lang)} `, pick);
      })),
    );
  }

  function showResult(view: AppointmentView): void {
    form.hidden = true;
    const rows: [string, string][] = [
      [t.code, view.code],
      ...(view.queueNumber !== undefined ? [[t.queue, formatQueueNumber(view.queueNumber)] as [string, string]] : []),
      [t.when, `${dayLabel(view.date, lang)} · ${periodLabel(view.period, lang)} ${view.start}–${view.end}`],
      [t.where, `${view.hospitalName} · ${view.specialtyName} · ${t.room} ${view.room}`],
      ...(view.doctorName ? [[t.doctor, view.doctorName] as [string, string]] : []),
      [t.patient, view.patient.fullName],
      [t.insurance, insuranceLabel(view.insurance.category, lang)],
      [t.status, STATUS_LABELS[view.status][lang]],
    ];
    need<HTMLElement>(result, '[data-result-details]').replaceChildren(...rows.flatMap(([k, v]) => [el('dt', {}, k), el('dd', { className: k === t.code || k === t.queue ? 'code' : '' }, v)]));
    need<HTMLElement>(result, '[data-qr]').replaceChildren(qrSvg(view.qr, t.qr(view.code)));
    const pay = need<HTMLElement>(result, '[data-pay]');
    if (view.status === 'held' && view.payment && view.holdExpiresAt) {
      need<HTMLElement>(pay, '[data-pay-text]').textContent = t.held(formatVnd(view.payment.amountVnd), vietnamTime(view.holdExpiresAt));
      pay.hidden = false;
      need<HTMLButtonElement>(pay, '[data-pay-button]').onclick = async () => {
        try {
          leaveForPayment(await payAppointment(view.appointmentId, { lang, token }), { lang });
        } catch (error) {
          need<HTMLElement>(pay, '[data-pay-error]').textContent = `${t.payFailed}: ${error instanceof ApiError ? error.title : ''}`;
        }
      };
    }
    result.hidden = false;
    result.focus();
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearError();
    if (!token) return showError(t.needSignIn, [{ text: t.needSignIn, href: '#patient-legend' }]);
    const { value, problems } = body();
    if (!value) return showError(t.errorTitle, problems);
    submit.disabled = true;
    status.textContent = t.booking;
    try {
      showResult(await createAppointment(value, idempotencyKey, { lang, token }));
      status.textContent = '';
    } catch (error) {
      status.textContent = '';
      if (!(error instanceof ApiError)) return showError(String(error));
      const fields = (error.problem?.errors ?? []).map((f) => ({ text: f.message, href: `#${FIELD_IDS[f.field] ?? 'patient-legend'}` }));
      showError(error.title, fields);
      if (error.code === 'session_full' || error.code === 'session_closed') {
        showAlternatives(error.problem);
        void loadSessions();
      }
    } finally {
      submit.disabled = false;
    }
  });

  void (async () => {
    try {
      const list = await listHospitals({ lang });
      hospital.replaceChildren(el('option', { value: '' }, t.chooseHospital), ...list.map((h) => el('option', { value: h.hospitalId }, h.name)));
      hospital.disabled = false;
    } catch (error) {
      showError(error instanceof ApiError ? error.title : String(error));
    }
    await loadProfiles();
  })();
}

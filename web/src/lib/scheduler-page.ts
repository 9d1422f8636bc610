/**
 * Browser side of the scheduler's page (/nhan-vien/lich-kham/): a specialty's weekly template
 * (capacity, room, doctor, hourly windows per weekday and period), sessions made from it for a date
 * range, the coming sessions with places taken, closing a session or a whole day (the booked patients
 * are told), and a session's booking list to print.
 */
import type { TemplateEntry, WeeklyTemplate } from '@portal/shared/booking/sessions';
import { PERIODS } from '@portal/shared/booking/sessions';
import { formatQueueNumber } from '@portal/shared/booking/codes';
import { ApiError } from './api';
import { closeDay, closeSession, generateSessions, getTemplate, listSpecialties, putTemplate, sessionAppointments, staffSessions } from './booking-api';
import { dayLabel, insuranceLabel, periodLabel, STATUS_LABELS, weekdayName } from './booking-format';
import { initBookingStaffGate, vietnamToday } from './booking-staff-gate';
import type { Lang } from './i18n';

const TEXT = {
  vi: {
    saved: 'Đã lưu lịch mẫu.', generated: (c: number, e: number) => `Đã tạo ${c} buổi khám (${e} buổi đã có từ trước).`, closed: 'Đã đóng buổi khám; người bệnh đã đặt sẽ được thông báo.',
    closedDay: (n: number) => `Đã đóng ${n} buổi khám trong ngày.`, needReason: 'Nhập lý do đóng (gửi cho người bệnh).', list: 'Danh sách', close: 'Đóng buổi', open: 'Đang mở', closedLabel: 'Đã đóng',
    booked: (b: number, c: number) => `${b}/${c}`, none: 'Chưa có buổi khám trong 14 ngày tới.', listTitle: (d: string, p: string) => `Danh sách đặt lịch – ${d}, ${p}`, empty: 'Chưa có người đặt lịch.',
  },
  en: {
    saved: 'Template saved.', generated: (c: number, e: number) => `${c} sessions made (${e} already existed).`, closed: 'Session closed; booked patients will be told.',
    closedDay: (n: number) => `${n} sessions of the day closed.`, needReason: 'Enter the reason (sent to the patients).', list: 'List', close: 'Close', open: 'Open', closedLabel: 'Closed',
    booked: (b: number, c: number) => `${b}/${c}`, none: 'No sessions in the next 14 days.', listTitle: (d: string, p: string) => `Bookings – ${d}, ${p}`, empty: 'No bookings yet.',
  },
} as const;

const td = (text: string, label?: string) => Object.assign(document.createElement('td'), { textContent: text, ...(label ? { title: label } : {}) });

export async function initScheduler(root: HTMLElement): Promise<void> {
  const lang = (root.dataset.lang === 'en' ? 'en' : 'vi') as Lang;
  const t = TEXT[lang];
  const q = <T extends Element>(s: string) => root.querySelector<T>(s)!;
  const session = await initBookingStaffGate(q('[data-gate]'), q('[data-staff-content]'), lang, 'scheduler');
  if (!session) return;
  const h = session.hospitalId;
  const options = { lang, token: session.token };
  const specialty = q<HTMLSelectElement>('[data-specialty]');
  const templateBody = q<HTMLTableSectionElement>('[data-template-rows]');
  const result = q<HTMLElement>('[data-result]');
  const sessionsBody = q<HTMLTableSectionElement>('[data-session-rows]');
  const reason = q<HTMLInputElement>('[data-reason]');
  const listBox = q<HTMLElement>('[data-list]');
  const say = (text: string, ok = true) => {
    result.className = `panel ${ok ? 'panel-success' : 'panel-error'}`;
    result.textContent = text;
    result.hidden = false;
  };
  const fail = (error: unknown) => say(error instanceof ApiError ? `${error.title}${error.problem?.errors?.[0] ? ` – ${error.problem.errors[0].message}` : ''}` : String(error), false);

  // 7 weekdays × 2 periods, one row each.
  const rows = [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => PERIODS.map((period) => ({ weekday, period })));
  templateBody.replaceChildren(...rows.map(({ weekday, period }) => {
    const id = `${weekday}-${period}`;
    const tr = document.createElement('tr');
    tr.dataset.row = id;
    const cellWith = (input: HTMLInputElement, label: string) => {
      input.id = `${input.name}-${id}`;
      input.setAttribute('aria-label', `${label} – ${weekdayName(weekday, lang)}, ${periodLabel(period, lang)}`);
      const cell = document.createElement('td');
      cell.append(input);
      return cell;
    };
    const input = (name: string, type: string, extra: { min?: string; max?: string; value?: string; maxLength?: number } = {}): HTMLInputElement => {
      const node = document.createElement('input');
      node.name = name;
      node.type = type;
      if (type !== 'checkbox') node.className = 'input input-short';
      if (extra.min) node.min = extra.min;
      if (extra.max) node.max = extra.max;
      if (extra.value) node.value = extra.value;
      if (extra.maxLength) node.maxLength = extra.maxLength;
      return node;
    };
    tr.append(
      td(`${weekdayName(weekday, lang)} – ${periodLabel(period, lang)}`),
      cellWith(input('on', 'checkbox'), lang === 'vi' ? 'Có khám' : 'Open'),
      cellWith(input('capacity', 'number', { min: '1', max: '500', value: '20' }), lang === 'vi' ? 'Số chỗ' : 'Places'),
      cellWith(input('room', 'text', { maxLength: 60 }), lang === 'vi' ? 'Phòng' : 'Room'),
      cellWith(input('doctor', 'text', { maxLength: 100 }), lang === 'vi' ? 'Bác sĩ' : 'Doctor'),
      cellWith(input('hourly', 'checkbox'), lang === 'vi' ? 'Chia khung giờ' : 'Hourly windows'),
    );
    return tr;
  }));

  const field = (tr: Element, name: string) => tr.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
  function fillTemplate(template: WeeklyTemplate): void {
    for (const tr of templateBody.querySelectorAll('tr')) {
      const [weekday, period] = (tr as HTMLElement).dataset.row!.split('-');
      const entry = template.entries.find((e) => String(e.weekday) === weekday && e.period === period);
      field(tr, 'on').checked = Boolean(entry);
      field(tr, 'capacity').value = String(entry?.capacity ?? 20);
      field(tr, 'room').value = entry?.room ?? '';
      field(tr, 'doctor').value = entry?.doctorName ?? '';
      field(tr, 'hourly').checked = Boolean(entry?.hourly);
    }
  }
  function readTemplate(): WeeklyTemplate {
    const entries: TemplateEntry[] = [];
    for (const tr of templateBody.querySelectorAll('tr')) {
      if (!field(tr, 'on').checked) continue;
      const [weekday, period] = (tr as HTMLElement).dataset.row!.split('-');
      entries.push({ weekday: Number(weekday), period: period as TemplateEntry['period'], capacity: Number(field(tr, 'capacity').value), room: field(tr, 'room').value.trim(), hourly: field(tr, 'hourly').checked, ...(field(tr, 'doctor').value.trim() ? { doctorName: field(tr, 'doctor').value.trim() } : {}) });
    }
    return { entries };
  }

  async function showList(sessionId: string): Promise<void> {
    const { session: s, appointments } = await sessionAppointments(h, sessionId, options);
    const title = Object.assign(document.createElement('h2'), { textContent: t.listTitle(dayLabel(s.date, lang), `${periodLabel(s.period, lang)} ${s.start}–${s.end} · ${s.room}`), tabIndex: -1 });
    const table = document.createElement('table');
    table.className = 'data-table';
    const head = document.createElement('thead');
    const hr = document.createElement('tr');
    for (const c of lang === 'vi' ? ['STT', 'Mã', 'Họ tên', 'Ngày sinh', 'Điện thoại', 'Đối tượng', 'Trạng thái'] : ['No.', 'Code', 'Name', 'Date of birth', 'Phone', 'Category', 'Status']) hr.append(Object.assign(document.createElement('th'), { scope: 'col', textContent: c }));
    head.append(hr);
    const body = document.createElement('tbody');
    body.append(...appointments.map((a) => {
      const tr = document.createElement('tr');
      tr.append(td(a.queueNumber !== undefined ? formatQueueNumber(a.queueNumber) : '—'), td(a.code), td(a.fullName), td(a.dateOfBirth), td(a.phone), td(insuranceLabel(a.insuranceCategory, lang)), td(STATUS_LABELS[a.status][lang]));
      return tr;
    }));
    table.append(head, body);
    const print = Object.assign(document.createElement('button'), { type: 'button', className: 'button button-secondary no-print', textContent: lang === 'vi' ? 'In danh sách' : 'Print the list' });
    print.addEventListener('click', () => window.print());
    listBox.replaceChildren(title, appointments.length ? table : Object.assign(document.createElement('p'), { textContent: t.empty }), print);
    listBox.hidden = false;
    title.focus();
  }

  async function loadSessions(): Promise<void> {
    const list = await staffSessions(h, specialty.value, { from: vietnamToday() }, options);
    sessionsBody.replaceChildren(...list.map((s) => {
      const tr = document.createElement('tr');
      const actions = document.createElement('td');
      const listButton = Object.assign(document.createElement('button'), { type: 'button', className: 'button button-small button-secondary', textContent: t.list });
      listButton.setAttribute('aria-label', `${t.list} – ${dayLabel(s.date, lang)} ${s.start}`);
      listButton.addEventListener('click', () => void showList(s.sessionId).catch(fail));
      actions.append(listButton);
      if (s.status === 'open') {
        const close = Object.assign(document.createElement('button'), { type: 'button', className: 'button button-small button-warning', textContent: t.close });
        close.setAttribute('aria-label', `${t.close} – ${dayLabel(s.date, lang)} ${s.start}`);
        close.addEventListener('click', async () => {
          if (reason.value.trim().length < 3) return say(t.needReason, false);
          try {
            await closeSession(h, s.sessionId, reason.value.trim(), options);
            say(t.closed);
            await loadSessions();
          } catch (error) {
            fail(error);
          }
        });
        actions.append(' ', close);
      }
      tr.append(td(dayLabel(s.date, lang)), td(`${periodLabel(s.period, lang)} ${s.start}–${s.end}`), td(s.room), td(t.booked(s.booked, s.capacity)), td(s.status === 'open' ? t.open : t.closedLabel), actions);
      return tr;
    }));
    q<HTMLElement>('[data-sessions-empty]').hidden = list.length > 0;
  }

  async function loadSpecialty(): Promise<void> {
    fillTemplate(await getTemplate(h, specialty.value, options));
    await loadSessions();
  }

  const specialties = await listSpecialties(h, options);
  specialty.replaceChildren(...specialties.map((s) => new Option(lang === 'en' ? s.nameEn : s.name, s.specialtyId)));
  specialty.addEventListener('change', () => void loadSpecialty().catch(fail));
  q<HTMLFormElement>('[data-template-form]').addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      fillTemplate(await putTemplate(h, specialty.value, readTemplate(), options));
      say(t.saved);
    } catch (error) {
      fail(error);
    }
  });
  const from = q<HTMLInputElement>('[data-from]');
  const to = q<HTMLInputElement>('[data-to]');
  from.value = vietnamToday();
  to.value = vietnamToday(Date.now() + 13 * 86_400_000);
  q<HTMLFormElement>('[data-generate-form]').addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const made = await generateSessions(h, { specialtyId: specialty.value, from: from.value, to: to.value }, options);
      say(t.generated(made.created, made.existing));
      await loadSessions();
    } catch (error) {
      fail(error);
    }
  });
  const closeDate = q<HTMLInputElement>('[data-close-date]');
  q<HTMLFormElement>('[data-close-day-form]').addEventListener('submit', async (event) => {
    event.preventDefault();
    if (reason.value.trim().length < 3) return say(t.needReason, false);
    try {
      const closed = await closeDay(h, { date: closeDate.value, specialtyId: specialty.value, reason: reason.value.trim() }, options);
      say(t.closedDay(closed.closed));
      await loadSessions();
    } catch (error) {
      fail(error);
    }
  });
  await loadSpecialty().catch(fail);
}

/**
 * Browser side of "Lịch hẹn của tôi" (/dat-lich/cua-toi/): the signed-in citizen's bookings with the
 * check-in QR; cancel until the cut-off (the place returns), reschedule to another session of the
 * same specialty (both places change in one step, or nothing does), pay a held place.
 */
import type { AppointmentView } from '@portal/shared/booking/api';
import { formatQueueNumber } from '@portal/shared/booking/codes';
import { formatVnd } from '@portal/shared/vietnamese';
import { ApiError } from './api';
import { signInHref } from './auth';
import { cancelAppointment, listSessions, myAppointments, payAppointment, rescheduleAppointment } from './booking-api';
import { canChangeNow, dayLabel, periodLabel, STATUS_LABELS, vietnamTime } from './booking-format';
import { sessionText } from './booking-page';
import { pagePath, type Lang } from './i18n';
import { qrSvg } from './qr-svg';
import { getToken } from './session';
import { leaveForPayment } from './payment-memory';
import { mountRatingPanel } from './rating-panel';

const TEXT = {
  vi: {
    loading: 'Đang tải lịch hẹn…', empty: 'Bạn chưa có lịch hẹn nào.', count: (n: number) => `Bạn có ${n} lịch hẹn.`,
    code: 'Mã đặt lịch', queue: 'Số thứ tự', when: 'Thời gian', where: 'Nơi khám', patient: 'Người bệnh', status: 'Trạng thái', until: 'Hủy hoặc đổi lịch trước',
    showQr: 'Hiện mã QR tiếp đón', qr: (c: string) => `Mã QR tiếp đón, mã đặt lịch ${c}`, cancel: 'Hủy lịch hẹn', confirmCancel: 'Bạn chắc chắn muốn hủy lịch hẹn này? Chỗ sẽ được trả lại cho người khác.',
    cancelled: 'Đã hủy lịch hẹn. Chỗ đã được trả lại.', reschedule: 'Đổi buổi khám', pick: 'Chọn buổi khám mới', move: 'Đổi sang buổi này', moved: 'Đã đổi lịch hẹn.',
    noOther: 'Không còn buổi khám khác có chỗ.', pay: (a: string, u: string) => `Thanh toán phí khám ${a} trước ${u}`, signedOut: 'Bạn cần đăng nhập để xem lịch hẹn.', room: 'Phòng',
  },
  en: {
    loading: 'Loading your appointments…', empty: 'You have no appointments.', count: (n: number) => `You have ${n} ${n === 1 ? 'appointment' : 'appointments'}.`,
    code: 'Booking code', queue: 'Queue number', when: 'When', where: 'Where', patient: 'Patient', status: 'Status', until: 'Cancel or move before',
    showQr: 'Show the check-in QR code', qr: (c: string) => `Check-in QR code for booking ${c}`, cancel: 'Cancel the appointment', confirmCancel: 'Cancel this appointment? The place goes back to others.',
    cancelled: 'The appointment is cancelled and the place returned.', reschedule: 'Move to another session', pick: 'Choose the new session', move: 'Move to this session', moved: 'The appointment was moved.',
    noOther: 'No other session has places.', pay: (a: string, u: string) => `Pay the exam fee of ${a} before ${u}`, signedOut: 'Sign in to see your appointments.', room: 'Room',
  },
} as const;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

export function initMyAppointments(root: HTMLElement): void {
  const lang = (root.dataset.lang === 'en' ? 'en' : 'vi') as Lang;
  const t = TEXT[lang];
  const status = root.querySelector<HTMLElement>('[data-status]')!;
  const list = root.querySelector<HTMLElement>('[data-list]')!;
  const token = getToken();
  if (!token) {
    status.textContent = '';
    const note = root.querySelector<HTMLElement>('[data-signed-out]')!;
    note.querySelector<HTMLAnchorElement>('a')!.href = signInHref(pagePath('myAppointments', lang), lang);
    note.hidden = false;
    return;
  }
  const options = { lang, token };
  const say = (text: string) => (status.textContent = text);

  function card(a: AppointmentView): HTMLElement {
    const rows: [string, string][] = [
      [t.code, a.code],
      ...(a.queueNumber !== undefined ? [[t.queue, formatQueueNumber(a.queueNumber)] as [string, string]] : []),
      [t.when, `${dayLabel(a.date, lang)} · ${periodLabel(a.period, lang)} ${a.start}–${a.end}`],
      [t.where, `${a.hospitalName} · ${a.specialtyName} · ${t.room} ${a.room}`],
      [t.patient, a.patient.fullName],
      [t.status, STATUS_LABELS[a.status][lang]],
    ];
    const changeable = canChangeNow(a, Date.now());
    if (changeable) rows.push([t.until, vietnamTime(a.changeableUntil)]);
    const heading = el('h2', { className: 'h-small' }, `${a.specialtyName} – ${dayLabel(a.date, lang)}`);
    const box = el('article', { className: 'appointment-card' }, heading, el('dl', { className: 'facts' }, ...rows.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])));
    if (a.status === 'confirmed' || a.status === 'held') {
      const details = el('details', {}, el('summary', {}, t.showQr));
      details.addEventListener('toggle', () => {
        if (details.open && !details.querySelector('svg')) details.append(el('div', { className: 'booking-qr' }, qrSvg(a.qr, t.qr(a.code))));
      });
      box.append(details);
    }
    const actions = el('div', { className: 'actions' });
    if (a.status === 'held' && a.payment && a.holdExpiresAt) {
      const pay = el('button', { type: 'button', className: 'button button-pay' }, t.pay(formatVnd(a.payment.amountVnd), vietnamTime(a.holdExpiresAt)));
      pay.addEventListener('click', async () => {
        try {
          leaveForPayment(await payAppointment(a.appointmentId, options), { lang });
        } catch (error) {
          say(error instanceof ApiError ? error.title : String(error));
        }
      });
      actions.append(pay);
    }
    if (changeable) {
      const cancel = el('button', { type: 'button', className: 'button button-warning' }, t.cancel);
      cancel.addEventListener('click', async () => {
        if (!window.confirm(t.confirmCancel)) return;
        try {
          await cancelAppointment(a.appointmentId, options);
          say(t.cancelled);
          await load();
        } catch (error) {
          say(error instanceof ApiError ? error.title : String(error));
        }
      });
      actions.append(cancel);
      if (a.status === 'confirmed') {
        const move = el('button', { type: 'button', className: 'button button-secondary' }, t.reschedule);
        move.addEventListener('click', async () => {
          move.disabled = true;
          const sessions = (await listSessions(a.hospitalId, a.specialtyId, options)).filter((s) => s.sessionId !== a.sessionId && s.placesLeft > 0);
          if (sessions.length === 0) return say(t.noOther);
          const id = `move-${a.appointmentId}`;
          const select = el('select', { className: 'input', id }, ...sessions.map((s) => el('option', { value: s.sessionId }, `${dayLabel(s.date, lang)} · ${sessionText(s, lang)}`)));
          const go = el('button', { type: 'button', className: 'button' }, t.move);
          go.addEventListener('click', async () => {
            try {
              await rescheduleAppointment(a.appointmentId, select.value, options);
              say(t.moved);
              await load();
            } catch (error) {
              say(error instanceof ApiError ? error.title : String(error));
            }
          });
          box.append(el('div', { className: 'form-group' }, el('label', { className: 'label', htmlFor: id }, t.pick), select, go));
          select.focus();
        });
        actions.append(move);
      }
    }
    if (actions.childElementCount) box.append(actions);
    if (a.status === 'checked_in') {
      const host = el('div', { hidden: true });
      box.append(host);
      void mountRatingPanel(host, { lang, token: token!, subject: { type: 'appointment', id: a.appointmentId }, headingLevel: 3 });
    }
    return box;
  }

  async function load(): Promise<void> {
    try {
      const all = await myAppointments(options);
      list.replaceChildren(...all.map(card));
      if (!status.textContent || status.textContent === t.loading) say(all.length ? t.count(all.length) : t.empty);
    } catch (error) {
      say(error instanceof ApiError ? error.title : String(error));
    }
  }
  say(t.loading);
  void load();
}

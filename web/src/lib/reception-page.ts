/**
 * Browser side of reception (/nhan-vien/tiep-don/): check a patient in by typing the booking code or
 * scanning the QR with the camera (BarcodeDetector where the browser has it; typing always works),
 * and see who is next in a session: checked-in patients in queue order.
 */
import { formatQueueNumber, normaliseBookingCode } from '@portal/shared/booking/codes';
import { ApiError } from './api';
import { checkIn, listSpecialties, sessionAppointments, staffSessions } from './booking-api';
import { periodLabel, STATUS_LABELS } from './booking-format';
import { initBookingStaffGate, vietnamToday } from './booking-staff-gate';
import type { Lang } from './i18n';

const TEXT = {
  vi: {
    badCode: 'Mã đặt lịch gồm 8 ký tự, dạng XXXX-XXXX.', done: (n: string, name: string, room: string) => `Đã tiếp đón ${name} – số thứ tự ${n}, phòng ${room}.`,
    scanning: 'Đưa mã QR vào khung hình…', noCamera: 'Không mở được máy ảnh. Vui lòng nhập mã.', next: 'Người tiếp theo', none: 'Chưa có người bệnh nào đã tiếp đón trong buổi này.',
    choose: 'Chọn buổi khám', noSessions: 'Hôm nay chuyên khoa này không có buổi khám.', waiting: (n: number) => `${n} người đã tiếp đón, đang chờ khám.`,
  },
  en: {
    badCode: 'A booking code has 8 characters, like XXXX-XXXX.', done: (n: string, name: string, room: string) => `Checked in ${name} – queue number ${n}, room ${room}.`,
    scanning: 'Hold the QR code in front of the camera…', noCamera: 'The camera could not be opened. Please type the code.', next: 'Next', none: 'Nobody is checked in for this session yet.',
    choose: 'Choose a session', noSessions: 'This specialty has no session today.', waiting: (n: number) => `${n} checked in, waiting.`,
  },
} as const;

interface Detector { detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]> }
type DetectorClass = new (options: { formats: string[] }) => Detector;

export async function initReception(root: HTMLElement): Promise<void> {
  const lang = (root.dataset.lang === 'en' ? 'en' : 'vi') as Lang;
  const t = TEXT[lang];
  const q = <T extends Element>(s: string) => root.querySelector<T>(s)!;
  const session = await initBookingStaffGate(q('[data-gate]'), q('[data-staff-content]'), lang, 'reception');
  if (!session) return;
  const options = { lang, token: session.token };
  const form = q<HTMLFormElement>('[data-check-in]');
  const input = q<HTMLInputElement>('[data-code]');
  const result = q<HTMLElement>('[data-result]');
  const specialty = q<HTMLSelectElement>('[data-specialty]');
  const sessionSelect = q<HTMLSelectElement>('[data-session]');
  const queue = q<HTMLOListElement>('[data-queue]');
  const queueStatus = q<HTMLElement>('[data-queue-status]');
  const say = (text: string, tone: 'success' | 'error') => {
    result.className = `panel panel-${tone === 'success' ? 'success' : 'error'}`;
    result.textContent = text;
    result.hidden = false;
  };

  async function showQueue(): Promise<void> {
    if (!sessionSelect.value) return;
    const { appointments } = await sessionAppointments(session!.hospitalId, sessionSelect.value, options);
    const waiting = appointments.filter((a) => a.status === 'checked_in');
    queueStatus.textContent = waiting.length ? t.waiting(waiting.length) : t.none;
    queue.replaceChildren(...appointments.filter((a) => a.status !== 'cancelled' && a.status !== 'released').map((a, i) => {
      const li = document.createElement('li');
      const next = a.status === 'checked_in' && a === waiting[0];
      if (next) li.className = 'queue-next';
      li.textContent = `${a.queueNumber !== undefined ? formatQueueNumber(a.queueNumber) : '—'} · ${a.fullName} · ${STATUS_LABELS[a.status][lang]}${next ? ` · ${t.next}` : ''}`;
      li.dataset.index = String(i);
      return li;
    }));
  }

  async function loadSessions(select?: string): Promise<void> {
    const today = vietnamToday();
    const list = specialty.value ? await staffSessions(session!.hospitalId, specialty.value, { from: today, to: today }, options) : [];
    sessionSelect.replaceChildren(new Option(list.length ? t.choose : t.noSessions, ''), ...list.map((s) => new Option(`${periodLabel(s.period, lang)} ${s.start}–${s.end} · ${s.room}`, s.sessionId)));
    if (select) sessionSelect.value = select;
    await showQueue();
  }

  const specialties = await listSpecialties(session.hospitalId, options);
  specialty.replaceChildren(...specialties.map((s) => new Option(lang === 'en' ? s.nameEn : s.name, s.specialtyId)));
  specialty.addEventListener('change', () => void loadSessions());
  sessionSelect.addEventListener('change', () => void showQueue());
  await loadSessions();

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const code = normaliseBookingCode(input.value);
    if (!code) return say(t.badCode, 'error');
    try {
      const done = await checkIn(session.hospitalId, code, options);
      say(t.done(done.queueNumber !== undefined ? formatQueueNumber(done.queueNumber) : '—', done.fullName, done.room), 'success');
      input.value = '';
      const specialtyId = done.sessionId.split('.')[1] ?? '';
      if (specialty.value !== specialtyId && [...specialty.options].some((o) => o.value === specialtyId)) specialty.value = specialtyId;
      await loadSessions(done.sessionId);
    } catch (error) {
      say(error instanceof ApiError ? `${error.title}${error.problem?.detail ? ` (${error.problem.detail})` : ''}` : String(error), 'error');
    }
    input.focus();
  });

  const Detector = (window as unknown as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
  const scan = q<HTMLButtonElement>('[data-scan]');
  const video = q<HTMLVideoElement>('[data-video]');
  if (!Detector || !navigator.mediaDevices?.getUserMedia) return;
  scan.hidden = false;
  scan.addEventListener('click', async () => {
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
    } catch {
      return say(t.noCamera, 'error');
    }
    const detector = new Detector({ formats: ['qr_code'] });
    video.srcObject = stream;
    video.hidden = false;
    await video.play();
    say(t.scanning, 'success');
    const stop = () => {
      for (const track of stream.getTracks()) track.stop();
      video.hidden = true;
    };
    const tick = async () => {
      const codes = await detector.detect(video).catch(() => []);
      const found = codes.map((c) => normaliseBookingCode(c.rawValue)).find(Boolean);
      if (found) {
        stop();
        input.value = found;
        form.requestSubmit();
      } else if (!video.hidden) requestAnimationFrame(() => void tick());
    };
    void tick();
  });
}

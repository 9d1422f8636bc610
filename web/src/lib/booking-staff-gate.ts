/**
 * The access gate of the hospital booking pages (scheduler, reception): hospital staff of a hospital
 * with the page's duty; otherwise the StaffGate markup explains why and offers sign-in.
 */
import { hospitalName } from '@portal/shared/hospitals';
import type { Duty, Principal } from '@portal/shared/roles';
import { ApiError, getMe } from './api';
import type { Lang } from './i18n';
import { clearToken, getToken } from './session';

const TEXT = {
  vi: {
    signedOutTitle: 'Bạn cần đăng nhập', signedOut: 'Trang này dành cho nhân viên bệnh viện. Vui lòng đăng nhập bằng tài khoản được giao nhiệm vụ phù hợp.',
    deniedTitle: 'Bạn không có quyền sử dụng trang này', denied: (name: string, duty: string) => `Tài khoản “${name}” không phải nhân viên bệnh viện có nhiệm vụ ${duty}.`,
    errorTitle: 'Không kiểm tra được quyền truy cập', signIn: 'Đăng nhập', duty: { scheduler: 'lập lịch khám', reception: 'tiếp đón', cashier: 'thu ngân' },
  },
  en: {
    signedOutTitle: 'You need to sign in', signedOut: 'This page is for hospital staff. Please sign in with an account that has the right duty.',
    deniedTitle: 'You cannot use this page', denied: (name: string, duty: string) => `“${name}” is not hospital staff with the ${duty} duty.`,
    errorTitle: 'Could not check your access', signIn: 'Sign in', duty: { scheduler: 'scheduling', reception: 'reception', cashier: 'cashier' },
  },
} as const;

export interface BookingStaffSession { token: string; me: Principal; hospitalId: string }

export async function initBookingStaffGate(gate: HTMLElement, content: HTMLElement, lang: Lang, duty: Duty): Promise<BookingStaffSession | null> {
  const t = TEXT[lang];
  const q = <T extends Element>(s: string) => gate.querySelector<T>(s)!;
  const deny = (title: string, text: string) => {
    content.hidden = true;
    q<HTMLElement>('[data-gate-status]').textContent = '';
    q<HTMLElement>('[data-gate-title]').textContent = title;
    q<HTMLElement>('[data-gate-message]').textContent = text;
    q<HTMLElement>('[data-gate-sign-in]').textContent = t.signIn;
    q<HTMLElement>('[data-gate-denied]').hidden = false;
    return null;
  };
  const token = getToken();
  if (!token) return deny(t.signedOutTitle, t.signedOut);
  let me: Principal;
  try {
    me = await getMe(token, { lang });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      clearToken();
      return deny(t.signedOutTitle, t.signedOut);
    }
    return deny(t.errorTitle, error instanceof ApiError ? error.title : String(error));
  }
  if (me.role !== 'hospital_staff' || !me.hospitalId || !me.duties.includes(duty)) return deny(t.deniedTitle, t.denied(me.name, t.duty[duty]));
  q<HTMLElement>('[data-gate-status]').textContent = '';
  const who = q<HTMLElement>('[data-gate-who]');
  who.textContent = `${me.name} · ${hospitalName(me.hospitalId)}`;
  who.hidden = false;
  content.hidden = false;
  return { token, me, hospitalId: me.hospitalId };
}

/** Today's date in Vietnam (UTC+7), whatever the device's time zone. */
export const vietnamToday = (nowMs = Date.now()): string => new Date(nowMs + 7 * 3600_000).toISOString().slice(0, 10);

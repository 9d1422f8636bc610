/**
 * The access gate of the hospital booking pages (scheduler, reception): hospital staff of a hospital
 * with the page's duty; otherwise the StaffGate markup explains why and offers sign-in. The checking
 * itself is the one staff gate of staff-page.ts (runStaffGate), with these words and this rule.
 */
import { hospitalName } from '@portal/shared/hospitals';
import type { Duty, Principal } from '@portal/shared/roles';
import type { Lang } from './i18n';
import { runStaffGate } from './staff-page';

const TEXT = {
  vi: {
    signedOutTitle: 'Bạn cần đăng nhập', signedOut: 'Trang này dành cho nhân viên bệnh viện. Vui lòng đăng nhập bằng tài khoản được giao nhiệm vụ phù hợp.',
    expired: 'Phiên đăng nhập đã hết hạn hoặc không hợp lệ. Vui lòng đăng nhập lại.',
    deniedTitle: 'Bạn không có quyền sử dụng trang này', denied: (name: string, duty: string) => `Tài khoản “${name}” không phải nhân viên bệnh viện có nhiệm vụ ${duty}.`,
    errorTitle: 'Không kiểm tra được quyền truy cập', signIn: 'Đăng nhập', duty: { scheduler: 'lập lịch khám', reception: 'tiếp đón', cashier: 'thu ngân' },
  },
  en: {
    signedOutTitle: 'You need to sign in', signedOut: 'This page is for hospital staff. Please sign in with an account that has the right duty.',
    expired: 'Your session has expired or is not valid. Please sign in again.',
    deniedTitle: 'You cannot use this page', denied: (name: string, duty: string) => `“${name}” is not hospital staff with the ${duty} duty.`,
    errorTitle: 'Could not check your access', signIn: 'Sign in', duty: { scheduler: 'scheduling', reception: 'reception', cashier: 'cashier' },
  },
} as const;

export interface BookingStaffSession { token: string; me: Principal; hospitalId: string }

export async function initBookingStaffGate(gate: HTMLElement, content: HTMLElement, lang: Lang, duty: Duty): Promise<BookingStaffSession | null> {
  const t = TEXT[lang];
  const admitted = await runStaffGate(gate, content, lang, t, (me) =>
    me.role === 'hospital_staff' && me.hospitalId && me.duties.includes(duty)
      ? { ok: true, grant: me.hospitalId, who: `${me.name} · ${hospitalName(me.hospitalId)}` }
      : { ok: false, message: t.denied(me.name, t.duty[duty]) },
  );
  return admitted && { token: admitted.token, me: admitted.me, hospitalId: admitted.grant };
}

/** Today's date in Vietnam (UTC+7), whatever the device's time zone. */
export const vietnamToday = (nowMs = Date.now()): string => new Date(nowMs + 7 * 3600_000).toISOString().slice(0, 10);

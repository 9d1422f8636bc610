/** Browser side of the account page: GET /api/me with the session; sign-out ends it here and at the issuer. */
import { ROLE_LABELS, type Duty, type Principal } from '@portal/shared/roles';
import { ApiError, getMe } from './api';
import { updateAuthLink } from './auth-link';
import type { Lang } from './i18n';
import { clearToken, getToken, signOut as endSession } from './session';
import { cashierAccess, departmentAccess } from './staff-access';

const DUTY_LABELS: Record<Duty, Record<Lang, string>> = {
  scheduler: { vi: 'Điều phối lịch khám', en: 'Scheduler' },
  cashier: { vi: 'Thu ngân', en: 'Cashier' },
  reception: { vi: 'Tiếp đón', en: 'Reception' },
};
const FALLBACK_ERROR = { vi: 'Đã có lỗi xảy ra. Vui lòng thử lại.', en: 'Something went wrong. Please try again.' };

function required<T extends Element>(root: ParentNode, selector: string): T {
  const element = root.querySelector<T>(selector);
  if (!element) throw new Error(`account: missing ${selector}`);
  return element;
}

export function initAccount(root: HTMLElement): void {
  const lang: Lang = root.dataset.lang === 'en' ? 'en' : 'vi';
  const status = required<HTMLElement>(root, '[data-status]');
  const signedOut = required<HTMLElement>(root, '[data-signed-out]');
  const signedIn = required<HTMLElement>(root, '[data-signed-in]');
  const errorBox = required<HTMLElement>(root, '[data-error]');
  const errorMessage = required<HTMLElement>(errorBox, '[data-error-message]');
  const retry = required<HTMLButtonElement>(errorBox, '[data-retry]');
  const signOut = required<HTMLButtonElement>(signedIn, '[data-sign-out]');
  const staffLinks = required<HTMLElement>(signedIn, '[data-staff-links]');
  const applicantLinks = required<HTMLElement>(signedIn, '[data-applicant-links]');
  const departmentLinks = required<HTMLElement>(signedIn, '[data-department-links]');
  const bookingLinks = required<HTMLElement>(signedIn, '[data-booking-links]');

  function showSignedOut(message: string): void {
    signedIn.hidden = true;
    errorBox.hidden = true;
    signedOut.hidden = false;
    status.textContent = message;
  }

  function showPrincipal(me: Principal): void {
    const set = (slot: string, text: string) => {
      required<HTMLElement>(signedIn, `[data-slot="${slot}"]`).textContent = text;
    };
    const row = (name: string, text: string | undefined) => {
      required<HTMLElement>(signedIn, `[data-row="${name}"]`).hidden = !text;
      set(name, text ?? '');
    };
    set('name', me.name);
    set('role', ROLE_LABELS[me.role][lang]);
    set('userId', me.userId);
    row('organisationId', me.organisationId);
    row('unitId', me.unitId);
    row('hospitalId', me.hospitalId);
    row('duties', me.duties.map((d) => DUTY_LABELS[d][lang]).join(', ') || undefined);
    // Cashiers get links to the staff pages (the pages check again with GET /api/me).
    staffLinks.hidden = !cashierAccess(me).ok;
    // Citizens and clinic owners apply for procedures: "Hồ sơ của tôi".
    applicantLinks.hidden = me.role !== 'citizen' && me.role !== 'clinic_owner';
    // Officers of a unit get the inbox, administrators the calendar and licences page.
    const officer = departmentAccess(me, 'officer').ok;
    const admin = departmentAccess(me, 'admin').ok;
    for (const item of departmentLinks.querySelectorAll<HTMLElement>('[data-for-role]')) item.hidden = item.dataset.forRole === 'admin' ? !admin : !officer;
    departmentLinks.hidden = !officer && !admin;
    // Booking: citizens see their appointments; a hospital's schedulers and reception their pages.
    const bookingFor = (who: string | undefined) => (who === 'citizen' ? me.role === 'citizen' : me.role === 'hospital_staff' && me.duties.includes(who as Duty));
    const bookingItems = [...bookingLinks.querySelectorAll<HTMLElement>('[data-for]')];
    for (const item of bookingItems) item.hidden = !bookingFor(item.dataset.for);
    bookingLinks.hidden = bookingItems.every((item) => item.hidden);
    status.textContent = '';
    errorBox.hidden = true;
    signedOut.hidden = true;
    signedIn.hidden = false;
  }

  async function load(): Promise<void> {
    const token = getToken();
    if (!token) {
      showSignedOut('');
      return;
    }
    retry.disabled = true;
    try {
      showPrincipal(await getMe(token, { lang }));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        clearToken();
        updateAuthLink();
        showSignedOut(root.dataset.expiredText ?? '');
        return;
      }
      status.textContent = '';
      errorMessage.textContent = error instanceof ApiError ? error.title : FALLBACK_ERROR[lang];
      errorBox.hidden = false;
    } finally {
      retry.disabled = false;
    }
  }

  // Here and at the issuer: the portal revokes the refresh token, the issuer ends its session and sends the browser home.
  signOut.addEventListener('click', () => {
    signOut.disabled = true;
    void endSession(lang);
  });
  retry.addEventListener('click', () => {
    void load().then(() => {
      if (!errorBox.hidden) errorBox.focus();
    });
  });

  void load();
}

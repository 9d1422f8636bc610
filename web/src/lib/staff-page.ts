/**
 * Browser parts shared by the staff pages: the access gate (GET /api/me: hospital staff with the
 * cashier duty, else a clear message and a sign-in link), native <dialog>s that give focus back
 * to their opener, field errors, the results region and small DOM builders.
 */
import { hospitalName } from '@portal/shared/hospitals';
import type { Principal } from '@portal/shared/roles';
import { ApiError, getMe } from './api';
import { updateAuthLink } from './auth-link';
import type { Lang } from './i18n';
import { clearToken, getToken } from './session';
import { cashierAccess, type Tone } from './staff-format';

export function required<T extends Element>(root: ParentNode, selector: string): T {
  const element = root.querySelector<T>(selector);
  if (!element) throw new Error(`staff page: missing ${selector}`);
  return element;
}

export const FALLBACK_ERROR = { vi: 'Đã có lỗi xảy ra. Vui lòng thử lại.', en: 'Something went wrong. Please try again.' } as const;

export const errorText = (error: unknown, lang: Lang): string => (error instanceof ApiError ? error.title : FALLBACK_ERROR[lang]);

const GATE_TEXT = {
  vi: {
    signedOutTitle: 'Bạn cần đăng nhập',
    signedOut: 'Trang này dành cho nhân viên thu ngân của bệnh viện. Vui lòng đăng nhập bằng tài khoản nhân viên bệnh viện được giao nhiệm vụ thu ngân.',
    expired: 'Phiên đăng nhập đã hết hạn hoặc không hợp lệ. Vui lòng đăng nhập lại bằng tài khoản thu ngân.',
    deniedTitle: 'Bạn không có quyền sử dụng trang này',
    not_hospital_staff: (name: string) => `Tài khoản “${name}” không phải tài khoản nhân viên bệnh viện. Trang này chỉ dành cho nhân viên thu ngân của bệnh viện; hãy đăng nhập bằng tài khoản thu ngân.`,
    not_cashier: (name: string) => `Tài khoản “${name}” chưa được giao nhiệm vụ thu ngân. Liên hệ quản trị của bệnh viện, hoặc đăng nhập bằng tài khoản thu ngân.`,
    no_hospital: (name: string) => `Tài khoản “${name}” chưa được gắn với bệnh viện nào. Liên hệ quản trị hệ thống.`,
    signIn: 'Đăng nhập bằng tài khoản thu ngân',
    errorTitle: 'Không kiểm tra được quyền truy cập',
    cashier: 'Thu ngân',
  },
  en: {
    signedOutTitle: 'You need to sign in',
    signedOut: 'This page is for hospital cashiers. Please sign in with a hospital staff account that has the cashier duty.',
    expired: 'Your session has expired or is not valid. Please sign in again with a cashier account.',
    deniedTitle: 'You cannot use this page',
    not_hospital_staff: (name: string) => `“${name}” is not a hospital staff account. This page is for hospital cashiers; please sign in with a cashier account.`,
    not_cashier: (name: string) => `“${name}” does not have the cashier duty. Ask your hospital’s administrator, or sign in with a cashier account.`,
    no_hospital: (name: string) => `“${name}” is not linked to a hospital. Ask the system administrator.`,
    signIn: 'Sign in with a cashier account',
    errorTitle: 'Could not check your access',
    cashier: 'Cashier',
  },
} as const;

export interface StaffSession {
  token: string;
  me: Principal;
  hospitalId: string;
}

/** The words of a gate: why someone is turned away, and the sign-in link's label. */
export interface GateWords {
  signedOutTitle: string;
  signedOut: string;
  expired: string;
  deniedTitle: string;
  errorTitle: string;
  signIn: string;
}

/** A gate's rule applied to the signed-in person: what they get (and the "who" line), or why not. */
export type GateVerdict<G> = { ok: true; grant: G; who: string } | { ok: false; message: string };

/**
 * The StaffGate markup (components/StaffGate.astro) at work: checks who is signed in (GET /api/me)
 * and applies `judge`. Shows the page (`content`) to those it admits and returns their token,
 * principal and grant; otherwise explains why not, offers sign-in (the link is rendered with the
 * page's return path) and returns null. The cashier gate below and department-gate.ts use it.
 */
export async function runStaffGate<G>(
  gate: HTMLElement,
  content: HTMLElement,
  lang: Lang,
  words: GateWords,
  judge: (me: Principal) => GateVerdict<G>,
): Promise<{ token: string; me: Principal; grant: G } | null> {
  const status = required<HTMLElement>(gate, '[data-gate-status]');
  const denied = required<HTMLElement>(gate, '[data-gate-denied]');
  const title = required<HTMLElement>(denied, '[data-gate-title]');
  const message = required<HTMLElement>(denied, '[data-gate-message]');
  const signIn = required<HTMLAnchorElement>(denied, '[data-gate-sign-in]');
  const who = required<HTMLElement>(gate, '[data-gate-who]');

  const deny = (heading: string, text: string, offerSignIn = true) => {
    content.hidden = true;
    delete content.dataset.gatePending;
    status.textContent = '';
    title.textContent = heading;
    message.textContent = text;
    signIn.hidden = !offerSignIn;
    signIn.textContent = words.signIn;
    // Shown on load, right under the heading: no focus move (nothing was done yet to move it from).
    denied.hidden = false;
    return null;
  };

  const token = getToken();
  if (!token) return deny(words.signedOutTitle, words.signedOut);
  let me: Principal;
  try {
    me = await getMe(token, { lang });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      clearToken();
      updateAuthLink();
      return deny(words.signedOutTitle, words.expired);
    }
    return deny(words.errorTitle, errorText(error, lang), false);
  }
  const verdict = judge(me);
  if (!verdict.ok) return deny(words.deniedTitle, verdict.message);
  status.textContent = '';
  who.textContent = verdict.who;
  who.hidden = false;
  content.hidden = false;
  // A page may lay its content out (unseen) while the gate checks, so showing it moves nothing.
  delete content.dataset.gatePending;
  return { token, me, grant: verdict.grant };
}

/** The cashier pages' gate: hospital staff with the cashier duty. */
export async function initStaffGate(gate: HTMLElement, content: HTMLElement, lang: Lang): Promise<StaffSession | null> {
  const t = GATE_TEXT[lang];
  const signedIn = await runStaffGate(gate, content, lang, t, (me) => {
    const access = cashierAccess(me);
    if (!access.ok) return { ok: false, message: t[access.reason](me.name) };
    return { ok: true, grant: access.hospitalId, who: `${me.name} · ${t.cashier} · ${hospitalName(access.hospitalId)}` };
  });
  return signedIn && { token: signedIn.token, me: signedIn.me, hospitalId: signedIn.grant };
}

/* ------------------------------------------------------------------------------------------------
 * Dialogs: native <dialog> opened with showModal() (the rest of the page is inert, Esc closes),
 * focus goes to `focusFirst` and back to the opener when it closes.
 * --------------------------------------------------------------------------------------------- */

export function openDialog(dialog: HTMLDialogElement, opener: HTMLElement | null, focusFirst?: HTMLElement): void {
  dialog.addEventListener(
    'close',
    () => {
      // Back to the opener, unless the action already moved focus on purpose (to its outcome).
      const active = document.activeElement;
      const unplaced = !active || active === document.body || dialog.contains(active);
      if (unplaced && opener?.isConnected) opener.focus();
    },
    { once: true },
  );
  dialog.showModal();
  (focusFirst ?? dialog).focus();
}

/** Every [data-close] button closes its dialog. */
export function wireDialogClose(dialog: HTMLDialogElement): void {
  for (const button of dialog.querySelectorAll<HTMLButtonElement>('[data-close]')) button.addEventListener('click', () => dialog.close());
}

/* ------------------------------------------------------------------------------------------------
 * Field errors (GOV.UK pattern: message above the field, red bar, aria-invalid).
 * --------------------------------------------------------------------------------------------- */

export function setFieldError(form: HTMLElement, field: string, message: string | null): void {
  const group = form.querySelector<HTMLElement>(`[data-group="${field}"]`);
  const error = form.querySelector<HTMLElement>(`[data-error-for="${field}"]`);
  const input = form.querySelector<HTMLElement>(`[data-field="${field}"]`);
  group?.classList.toggle('form-group-error', message !== null);
  if (error) {
    error.hidden = message === null;
    error.textContent = message ?? '';
  }
  if (input) {
    if (message === null) input.removeAttribute('aria-invalid');
    else input.setAttribute('aria-invalid', 'true');
  }
}

/* ------------------------------------------------------------------------------------------------
 * Results: one region per page section that says what the last action did. It is always in the
 * page (role="status", polite; empty ones are not displayed) so that filling it is announced.
 * Focus moves to it when the action came from a dialog that has just closed, so keyboard users
 * land on the outcome.
 * --------------------------------------------------------------------------------------------- */

export function showResult(region: HTMLElement, tone: Tone, text: string, options: { focus?: boolean; link?: { href: string; text: string } } = {}): void {
  region.replaceChildren();
  region.dataset.tone = tone;
  const p = document.createElement('p');
  p.textContent = text;
  if (options.link) {
    const a = document.createElement('a');
    a.href = options.link.href;
    a.textContent = options.link.text;
    p.append(' ', a);
  }
  region.append(p);
  if (options.focus) region.focus();
}

export function clearResult(region: HTMLElement): void {
  region.replaceChildren();
}

/** A <td> (or <th scope="row">) with text and the column name for the phone layout. */
export function cell(text: string, columnLabel: string, options: { header?: boolean; className?: string } = {}): HTMLTableCellElement {
  const element = document.createElement(options.header ? 'th' : 'td');
  if (options.header) element.scope = 'row';
  element.textContent = text;
  element.dataset.label = columnLabel;
  if (options.className) element.className = options.className;
  return element;
}

/** The column labels of a table, from its <thead> (`data-col` names each). */
export function columnLabels(table: HTMLTableElement): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const th of table.querySelectorAll<HTMLElement>('thead th[data-col]')) labels[th.dataset.col!] = th.textContent?.trim() ?? '';
  return labels;
}

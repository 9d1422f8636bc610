/**
 * The access gate of the department's pages (components/StaffGate.astro markup): GET /api/me, then
 * officers of a unit (inbox, dossier) or administrators (calendar, licences); anyone else reads why
 * and gets a sign-in link that comes back to the page.
 */
import type { Principal } from '@portal/shared/roles';
import { unitName } from '@portal/shared/units';
import type { Lang } from './i18n';
import { departmentAccess, type DepartmentNeed } from './staff-access';
import { runStaffGate } from './staff-page';

const TEXT = {
  vi: {
    signedOutTitle: 'Bạn cần đăng nhập',
    signedOut: {
      officer: 'Trang này dành cho cán bộ các phòng nghiệp vụ của Sở Y tế. Vui lòng đăng nhập bằng tài khoản cán bộ.',
      officer_or_admin: 'Trang này dành cho cán bộ các phòng nghiệp vụ của Sở Y tế. Vui lòng đăng nhập bằng tài khoản cán bộ.',
      admin: 'Trang này dành cho quản trị hệ thống của Sở Y tế. Vui lòng đăng nhập bằng tài khoản quản trị.',
    },
    expired: 'Phiên đăng nhập đã hết hạn hoặc không hợp lệ. Vui lòng đăng nhập lại.',
    deniedTitle: 'Bạn không có quyền sử dụng trang này',
    not_officer: (name: string) => `Tài khoản “${name}” không phải tài khoản cán bộ phòng nghiệp vụ. Hãy đăng nhập bằng tài khoản cán bộ.`,
    not_admin: (name: string) => `Tài khoản “${name}” không có quyền quản trị. Hãy đăng nhập bằng tài khoản quản trị hệ thống.`,
    no_unit: (name: string) => `Tài khoản “${name}” chưa được gắn với phòng nghiệp vụ nào. Liên hệ quản trị hệ thống.`,
    signIn: 'Đăng nhập',
    errorTitle: 'Không kiểm tra được quyền truy cập',
    officer: 'Cán bộ',
    admin: 'Quản trị hệ thống',
  },
  en: {
    signedOutTitle: 'You need to sign in',
    signedOut: {
      officer: 'This page is for the Department of Health’s officers. Please sign in with an officer account.',
      officer_or_admin: 'This page is for the Department of Health’s officers. Please sign in with an officer account.',
      admin: 'This page is for the Department of Health’s administrators. Please sign in with an administrator account.',
    },
    expired: 'Your session has expired or is not valid. Please sign in again.',
    deniedTitle: 'You cannot use this page',
    not_officer: (name: string) => `“${name}” is not a department officer account. Please sign in with an officer account.`,
    not_admin: (name: string) => `“${name}” is not an administrator. Please sign in with an administrator account.`,
    no_unit: (name: string) => `“${name}” is not linked to a department unit. Ask the system administrator.`,
    signIn: 'Sign in',
    errorTitle: 'Could not check your access',
    officer: 'Officer',
    admin: 'Administrator',
  },
} as const;

export interface DepartmentSession {
  token: string;
  me: Principal;
  role: 'officer' | 'admin';
  unitId?: string;
}

/** Shows `content` to the right people and returns their session; otherwise explains and returns null. */
export async function initDepartmentGate(gate: HTMLElement, content: HTMLElement, lang: Lang, need: DepartmentNeed): Promise<DepartmentSession | null> {
  const t = TEXT[lang];
  const signedIn = await runStaffGate(gate, content, lang, { ...t, signedOut: t.signedOut[need] }, (me) => {
    const access = departmentAccess(me, need);
    if (!access.ok) return { ok: false, message: t[access.reason](me.name) };
    return { ok: true, grant: access, who: access.role === 'officer' && access.unitId ? `${me.name} · ${t.officer} · ${unitName(access.unitId, lang)}` : `${me.name} · ${t.admin}` };
  });
  if (!signedIn) return null;
  const { token, me, grant: access } = signedIn;
  // The staff navigation offers each person the pages they can use: officers the inbox, administrators their page.
  for (const link of document.querySelectorAll<HTMLElement>('[data-nav-admin]')) link.hidden = access.role !== 'admin';
  for (const link of document.querySelectorAll<HTMLElement>('[data-nav-officer]')) link.hidden = access.role !== 'officer';
  return { token, me, role: access.role, ...(access.unitId ? { unitId: access.unitId } : {}) };
}

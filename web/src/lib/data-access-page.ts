/**
 * Browser side of "Ai đã xem dữ liệu của tôi" (/tai-khoan/ai-da-xem/): GET /api/me/data-access with
 * the session, 20 entries a page, "Xem thêm" appends the next page and moves focus to its first entry.
 */
import type { DataAccessItem } from '@portal/shared/audit/data-access';
import { ApiError, getDataAccess } from './api';
import { signInHref } from './auth';
import { updateAuthLink } from './auth-link';
import { vietnamDateTime } from './dossier-format';
import { pagePath, type Lang } from './i18n';
import { clearToken, getToken } from './session';
import { el, fact, required as requiredIn } from './dom';

const TEXT = {
  vi: {
    count: (n: number, more: boolean) => `Đang hiện ${n} lần truy cập${more ? '; bấm “Xem thêm” để xem các lần cũ hơn' : ''}.`,
    when: 'Thời gian',
    who: 'Người thực hiện',
    dossier: 'Hồ sơ',
    appointment: 'Lịch khám',
    noCode: 'chưa có mã',
    expired: 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.',
    fallback: 'Đã có lỗi xảy ra. Vui lòng thử lại.',
  },
  en: {
    count: (n: number, more: boolean) => `Showing ${n} ${n === 1 ? 'entry' : 'entries'}${more ? '; choose “Show more” for older ones' : ''}.`,
    when: 'When',
    who: 'By',
    dossier: 'Application',
    appointment: 'Booking',
    noCode: 'no code yet',
    expired: 'Your session has expired. Please sign in again.',
    fallback: 'Something went wrong. Please try again.',
  },
} as const;

const required = <T extends Element>(root: ParentNode, selector: string): T => requiredIn<T>(root, selector, 'data access');

/** "Cán bộ Sở Y tế — Phòng Nghiệp vụ Y" (the name only where the department shows names). */
export function staffText(by: DataAccessItem['by'], lang: Lang): string {
  return [by.name, by.roleLabel[lang], by.place?.[lang]].filter(Boolean).join(' — ');
}

/** Where the entry's item lives on the site: the dossier's page, or my bookings. */
export function targetHref(target: DataAccessItem['target'], lang: Lang): string {
  return target.type === 'dossier' ? `${pagePath('dossierDetail', lang)}#${encodeURIComponent(target.id)}` : pagePath('myAppointments', lang);
}

export function entryElement(item: DataAccessItem, lang: Lang): HTMLLIElement {
  const t = TEXT[lang];
  const li = el('li', { class: 'dossier-item', 'data-entry': item.action, tabindex: '-1' });
  li.append(el('h2', {}, item.actionLabel[lang]));
  const facts = el('dl', { class: 'facts' });
  facts.append(fact(t.when, el('time', { datetime: item.at }, vietnamDateTime(item.at))));
  facts.append(fact(t.who, staffText(item.by, lang)));
  const label = item.target.type === 'dossier' ? t.dossier : t.appointment;
  facts.append(fact(label, el('a', { href: targetHref(item.target, lang), 'data-target': item.target.type }, item.target.code ?? t.noCode)));
  li.append(facts);
  return li;
}

export function initDataAccess(root: HTMLElement): void {
  const lang: Lang = root.dataset.lang === 'en' ? 'en' : 'vi';
  const t = TEXT[lang];
  const status = required<HTMLElement>(root, '[data-status]');
  const signedOut = required<HTMLElement>(root, '[data-signed-out]');
  const errorBox = required<HTMLElement>(root, '[data-error]');
  const empty = required<HTMLElement>(root, '[data-empty]');
  const list = required<HTMLOListElement>(root, '[data-list]');
  const moreRow = required<HTMLElement>(root, '[data-more-row]');
  const more = required<HTMLButtonElement>(moreRow, '[data-more]');
  const retry = required<HTMLButtonElement>(errorBox, '[data-retry]');
  let next: string | undefined;
  let failed: 'first' | 'more' = 'first';

  function showSignedOut(message: string): void {
    required<HTMLAnchorElement>(signedOut, '[data-sign-in]').href = signInHref(location.pathname, lang);
    signedOut.hidden = false;
    list.hidden = true;
    moreRow.hidden = true;
    status.textContent = message;
  }

  async function load(cursor?: string): Promise<void> {
    const token = getToken();
    if (!token) return showSignedOut('');
    retry.disabled = true;
    more.disabled = true;
    errorBox.hidden = true;
    try {
      const page = await getDataAccess(cursor, { lang, token });
      const added = page.items.map((item) => entryElement(item, lang));
      if (!cursor) list.replaceChildren();
      list.append(...added);
      next = page.next;
      const shown = list.children.length;
      list.hidden = shown === 0;
      empty.hidden = shown > 0;
      moreRow.hidden = !next;
      status.textContent = shown ? t.count(shown, Boolean(next)) : '';
      // After "Xem thêm" the keyboard continues at the first new entry.
      if (cursor) added[0]?.focus();
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        clearToken();
        updateAuthLink();
        return showSignedOut(t.expired);
      }
      failed = cursor ? 'more' : 'first';
      status.textContent = '';
      required<HTMLElement>(errorBox, '[data-error-message]').textContent = error instanceof ApiError ? error.title : t.fallback;
      errorBox.hidden = false;
    } finally {
      retry.disabled = false;
      more.disabled = false;
    }
  }

  more.addEventListener('click', () => void load(next));
  retry.addEventListener('click', () => {
    void load(failed === 'more' ? next : undefined).then(() => {
      if (!errorBox.hidden) errorBox.focus();
    });
  });
  void load();
}

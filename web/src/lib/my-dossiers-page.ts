/** Browser side of "Hồ sơ của tôi" (/ho-so/): GET /api/dossiers?mine=1 with the stored token. */
import type { DossierSummary } from '@portal/shared/dossiers/api';
import { ApiError } from './api';
import { signInHref } from './auth';
import { updateAuthLink } from './auth-link';
import { DUE_STATE_LABELS, stateLabel, stateTone, vietnamDateTime, vietnamDay } from './dossier-format';
import { listMyDossiers, procedureNames } from './dossiers-api';
import { pagePath, type Lang } from './i18n';
import { clearToken, getToken } from './session';
import { el, fact, required as requiredIn } from './dom';

const TEXT = {
  vi: {
    count: (n: number) => `Bạn có ${n} hồ sơ.`,
    code: 'Mã hồ sơ',
    draftCode: 'Chưa có mã (bản nháp)',
    state: 'Tình trạng',
    created: 'Tạo lúc',
    submitted: 'Nộp lúc',
    due: 'Hẹn trả kết quả',
    fee: 'Lệ phí',
    feeUnpaid: 'Chưa nộp',
    feePaid: 'Đã nộp',
    resume: 'Tiếp tục soạn hồ sơ',
    view: 'Xem hồ sơ',
    expired: 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.',
    fallback: 'Đã có lỗi xảy ra. Vui lòng thử lại.',
  },
  en: {
    count: (n: number) => `You have ${n} ${n === 1 ? 'application' : 'applications'}.`,
    code: 'Dossier code',
    draftCode: 'No code yet (draft)',
    state: 'Status',
    created: 'Started',
    submitted: 'Submitted',
    due: 'Result due',
    fee: 'Fee',
    feeUnpaid: 'Not paid',
    feePaid: 'Paid',
    resume: 'Continue the application',
    view: 'View the application',
    expired: 'Your session has expired. Please sign in again.',
    fallback: 'Something went wrong. Please try again.',
  },
} as const;

const required = <T extends Element>(root: ParentNode, selector: string): T => requiredIn<T>(root, selector, 'my dossiers');

/** Drafts first, then the newest submission. */
export function sortDossiers(items: readonly DossierSummary[]): DossierSummary[] {
  return [...items].sort((a, b) => {
    if ((a.state === 'draft') !== (b.state === 'draft')) return a.state === 'draft' ? -1 : 1;
    return (b.submittedAt ?? b.createdAt).localeCompare(a.submittedAt ?? a.createdAt);
  });
}

export function initMyDossiers(root: HTMLElement): void {
  const lang: Lang = root.dataset.lang === 'en' ? 'en' : 'vi';
  const t = TEXT[lang];
  const status = required<HTMLElement>(root, '[data-status]');
  const signedOut = required<HTMLElement>(root, '[data-signed-out]');
  const errorBox = required<HTMLElement>(root, '[data-error]');
  const empty = required<HTMLElement>(root, '[data-empty]');
  const list = required<HTMLElement>(root, '[data-list]');
  const retry = required<HTMLButtonElement>(errorBox, '[data-retry]');

  function showSignedOut(message: string): void {
    required<HTMLAnchorElement>(signedOut, '[data-sign-in]').href = signInHref(location.pathname, lang);
    signedOut.hidden = false;
    status.textContent = message;
  }

  function item(d: DossierSummary): HTMLElement {
    const li = el('li', { class: 'dossier-item', 'data-dossier': d.dossierId, 'data-state': d.state });
    const heading = el('h2');
    const detail = `${pagePath('dossierDetail', lang)}#${d.dossierId}`;
    const resume = `${pagePath('applyDossier', lang)}?${lang === 'vi' ? 'ho-so' : 'dossier'}=${d.dossierId}`;
    const title = el('a', { href: d.state === 'draft' ? resume : detail }, d.procedureId);
    heading.append(title);
    void procedureNames(d.procedureId, { lang }).then((n) => {
      if (n) title.textContent = lang === 'vi' ? n.nameVi : n.nameEn;
    });
    li.append(heading);
    const facts = el('dl', { class: 'facts' });
    facts.append(fact(t.code, d.code ? el('span', { class: 'code' }, d.code) : t.draftCode));
    const tag = el('span', { class: 'tag', 'data-tone': stateTone(d.state), 'data-slot': 'state' }, stateLabel(d.state, lang));
    facts.append(fact(t.state, tag));
    facts.append(fact(d.submittedAt ? t.submitted : t.created, vietnamDateTime(d.submittedAt ?? d.createdAt)));
    if (d.dueDate) {
      const due = el('span', {}, vietnamDay(d.dueDate));
      const value = el('span');
      value.append(due);
      if (d.dueState) value.append(' ', el('span', { class: 'tag', 'data-due': d.dueState }, DUE_STATE_LABELS[d.dueState][lang]));
      facts.append(fact(t.due, value));
    }
    if (d.feeStatus !== 'not_required' && d.state !== 'draft') facts.append(fact(t.fee, d.feeStatus === 'paid' ? t.feePaid : t.feeUnpaid));
    li.append(facts);
    const actions = el('p', { class: 'actions' });
    if (d.state === 'draft') actions.append(el('a', { class: 'button button-small', href: resume, 'data-resume': '' }, t.resume));
    actions.append(el('a', { href: detail, 'data-view': '' }, t.view));
    li.append(actions);
    return li;
  }

  async function load(): Promise<void> {
    const token = getToken();
    if (!token) return showSignedOut('');
    retry.disabled = true;
    errorBox.hidden = true;
    try {
      const items = sortDossiers(await listMyDossiers({ lang, token }));
      list.replaceChildren(...items.map(item));
      list.hidden = items.length === 0;
      empty.hidden = items.length > 0;
      status.textContent = items.length ? t.count(items.length) : '';
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        clearToken();
        updateAuthLink();
        return showSignedOut(t.expired);
      }
      status.textContent = '';
      required<HTMLElement>(errorBox, '[data-error-message]').textContent = error instanceof ApiError ? error.title : t.fallback;
      errorBox.hidden = false;
    } finally {
      retry.disabled = false;
    }
  }

  retry.addEventListener('click', () => {
    void load().then(() => {
      if (!errorBox.hidden) errorBox.focus();
    });
  });
  void load();
}

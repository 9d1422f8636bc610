/** Browser side of the sign-in callback page (ADR 0021). */
import { signInHref } from './auth';
import type { Lang } from './i18n';
import { checkCallback, exchangeCode, takePending } from './sign-in';

export async function completeCallback(root: HTMLElement): Promise<void> {
  const lang: Lang = root.dataset.lang === 'en' ? 'en' : 'vi';
  const search = location.search;
  // The code must not stay in the address bar, the history or a bookmark, even for a second.
  history.replaceState(null, '', location.pathname);
  const pending = takePending();
  const check = checkCallback(search, pending, Date.now());
  if (check.ok && (await exchangeCode(check.code, check.pending, lang))) {
    location.replace(check.pending.returnPath);
    return;
  }
  const status = root.querySelector<HTMLElement>('[data-status]');
  const error = root.querySelector<HTMLElement>('[data-error]');
  if (status) status.textContent = '';
  if (!error) return;
  const reason = check.ok ? undefined : check.reason;
  const text = error.querySelector<HTMLElement>('[data-error-text]');
  if (text && reason === 'cancelled') text.textContent = root.dataset.cancelled ?? '';
  if (text && reason === 'stale') text.textContent = root.dataset.stale ?? '';
  // "Sign in again" returns to where this sign-in began, not to the account page.
  const again = error.querySelector<HTMLAnchorElement>('a.button');
  if (again && pending) again.href = signInHref(pending.returnPath, lang);
  error.hidden = false;
  error.focus();
}

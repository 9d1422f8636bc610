/** Keeps the header's account link in step with the sign-in state of this tab. */
import { signInHref } from './auth';
import { SIGN_IN_URL } from './config';
import { getToken } from './session';

export function updateAuthLink(): void {
  const link = document.querySelector<HTMLAnchorElement>('a[data-auth-link]');
  if (!link) return;
  link.dataset.accountLabel ??= link.textContent ?? '';
  link.dataset.accountHref ??= link.getAttribute('href') ?? '';
  if (getToken()) {
    link.textContent = link.dataset.accountLabel;
    link.href = link.dataset.accountHref;
  } else {
    link.textContent = link.dataset.signInLabel ?? link.dataset.accountLabel;
    link.href = signInHref(SIGN_IN_URL, `${location.pathname}${location.search}`);
    link.removeAttribute('aria-current');
  }
}

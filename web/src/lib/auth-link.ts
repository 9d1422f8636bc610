/** Keeps the header's account link in step with the sign-in state of this tab. */
import { signInHref } from './auth';
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
    // The page's own address, its hash included (a dossier's detail page names the dossier there).
    link.href = signInHref(`${location.pathname}${location.search}${location.hash}`, document.documentElement.lang === 'en' ? 'en' : 'vi');
    link.removeAttribute('aria-current');
  }
}

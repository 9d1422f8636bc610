/** Browser side of the sign-in page: one button per fitting issuer; a click starts code + PKCE. */
import { ApiError } from './api';
import { safeReturnPath } from './auth';
import type { Lang } from './i18n';
import { audienceOf, choicesFor, loadChoices, startSignIn, type SignInAudience } from './sign-in';

const FALLBACK = { vi: 'Không kết nối được với máy chủ. Vui lòng thử lại.', en: 'Could not reach the server. Please try again.' };

export function initSignIn(root: HTMLElement): void {
  const lang: Lang = root.dataset.lang === 'en' ? 'en' : 'vi';
  const need = <T extends Element>(selector: string) => root.querySelector<T>(selector) as T;
  const status = need<HTMLElement>('[data-status]');
  const list = need<HTMLUListElement>('[data-choices]');
  const errorBox = need<HTMLElement>('[data-error]');
  const switchLink = need<HTMLAnchorElement>('[data-switch]');
  const params = new URLSearchParams(location.search);
  const returnPath = safeReturnPath(params.get('return'), root.dataset.account ?? '/tai-khoan/');
  const asked = params.get('for');
  const audience: SignInAudience = asked === 'staff' || asked === 'citizens' ? asked : audienceOf(returnPath);

  for (const intro of root.querySelectorAll<HTMLElement>('[data-intro]')) intro.hidden = intro.dataset.intro !== audience;
  const other = new URL(location.href);
  other.searchParams.set('for', audience === 'staff' ? 'citizens' : 'staff');
  switchLink.href = `${other.pathname}${other.search}`;
  switchLink.textContent = (audience === 'staff' ? switchLink.dataset.toCitizens : switchLink.dataset.toStaff) ?? '';

  async function load(): Promise<void> {
    errorBox.hidden = true;
    try {
      const choices = choicesFor(await loadChoices(lang), audience);
      list.replaceChildren(
        ...choices.map((choice) => {
          const item = document.createElement('li');
          const button = document.createElement('button');
          button.type = 'button';
          button.className = choice.kind === 'national' ? 'button' : choices.length > 1 ? 'button button-secondary' : 'button';
          button.textContent = choice.label[lang];
          button.dataset.issuer = choice.id;
          button.addEventListener('click', () => {
            button.setAttribute('aria-busy', 'true');
            void startSignIn(choice, returnPath, lang, location.origin).then((url) => location.assign(url));
          });
          item.append(button);
          return item;
        }),
      );
      status.textContent = '';
    } catch (error) {
      status.textContent = '';
      need<HTMLElement>('[data-error-message]').textContent = error instanceof ApiError ? error.title : FALLBACK[lang];
      errorBox.hidden = false;
      errorBox.focus();
    }
  }
  need<HTMLButtonElement>('[data-retry]').addEventListener('click', () => void load());
  void load();
}

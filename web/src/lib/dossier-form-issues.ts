/**
 * Shows a form step's issues (the shared rules' or a 422 problem's) next to the fields, with an
 * error summary of links at the top (GOV.UK pattern), and clears them again.
 */
import type { FormIssue } from '@portal/shared/procedures/form-rules';
import { el } from './dossier-form';
import { elementId } from './dossier-form-spec';
import { states } from './dossier-form-values';
import type { Lang } from './i18n';

const ERROR_TITLE: Record<Lang, string> = { vi: 'Vui lòng kiểm tra lại thông tin', en: 'Please check the information' };

/** Removes every message shown by showIssues. */
export function clearIssues(container: HTMLElement): void {
  for (const m of container.querySelectorAll<HTMLElement>('.error-message')) {
    m.textContent = '';
    m.hidden = true;
  }
  for (const c of container.querySelectorAll('[aria-invalid]')) c.removeAttribute('aria-invalid');
  for (const g of container.querySelectorAll('.form-group-error')) g.classList.remove('form-group-error');
  const summary = container.querySelector<HTMLElement>('[data-form-errors]');
  if (summary) {
    summary.hidden = true;
    summary.replaceChildren();
  }
}

/** The element that shows a path's message and the control to focus: a leaf, an address part, a group. */
function targetOf(container: HTMLElement, prefix: string, path: string): { message: HTMLElement; control: HTMLElement } | undefined {
  const id = elementId(prefix, path);
  const message = container.querySelector<HTMLElement>(`#${CSS.escape(`${id}-error`)}`);
  if (!message) return undefined;
  const node = container.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
  // Address parts: the ward's control in use may be the text box.
  const control = node?.hidden || (node as HTMLInputElement | null)?.disabled
    ? (node!.parentElement!.querySelector<HTMLElement>('[data-part]:not([disabled])') ?? node!)
    : node?.tagName === 'FIELDSET'
      ? (node.querySelector<HTMLElement>('input:not([disabled]), select:not([disabled]), textarea, button') ?? node)
      : (node ?? message);
  return { message, control };
}

/**
 * Shows issues (from validateDossierData or a 422 problem's field errors): the message under each
 * field, aria-invalid on its control, and an error summary at the top with links, which gets focus.
 * Issues of fields not on this step are listed in the summary without a link. Returns how many.
 */
export function showIssues(container: HTMLElement, issues: readonly FormIssue[], lang: Lang): number {
  const s = states.get(container);
  clearIssues(container);
  if (!s || issues.length === 0) return 0;
  const summary = container.querySelector<HTMLElement>('[data-form-errors]')!;
  const list = el('ul', { class: 'error-summary-list' });
  const seen = new Set<string>();
  for (const issue of issues) {
    const text = lang === 'vi' ? issue.messageVi : issue.messageEn;
    const target = issue.path ? targetOf(container, s.prefix, issue.path) : undefined;
    const li = el('li');
    if (target) {
      if (!seen.has(issue.path)) {
        target.message.textContent = text;
        target.message.hidden = false;
        target.control.setAttribute('aria-invalid', 'true');
        target.message.closest('.form-group')?.classList.add('form-group-error');
        seen.add(issue.path);
      }
      const link = el('a', { href: `#${target.control.id}` }, text);
      link.addEventListener('click', (e) => {
        e.preventDefault();
        target.control.focus();
      });
      li.append(link);
    } else {
      li.textContent = text;
    }
    list.append(li);
  }
  summary.replaceChildren(el('h2', { class: 'error-summary-title' }, ERROR_TITLE[lang]), list);
  summary.hidden = false;
  summary.focus();
  return issues.length;
}

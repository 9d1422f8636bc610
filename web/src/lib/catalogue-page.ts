/**
 * Browser side of the catalogue page: load GET /api/procedures once, then search and filter
 * locally (the catalogue is tens of entries, so every keystroke filters instantly without a
 * request). The filter state lives in the address (?q=&field=&applicantType=) so a result can be
 * shared or bookmarked.
 */
import type { ProcedureSummary } from '@portal/shared/procedures/catalogue';
import { ApiError, listProcedures } from './api';
import { APPLICANT_LABELS, SERVICE_LEVEL_LABELS, formatProcedureFee, formatTimeLimit, procedureName, resultCount } from './format';
import type { Lang } from './i18n';
import { pagePath } from './i18n';
import { filterProcedures, type CatalogueFilter } from '@portal/shared/procedures/search';

const FALLBACK_ERROR = { vi: 'Đã có lỗi xảy ra. Vui lòng thử lại.', en: 'Something went wrong. Please try again.' };

function required<T extends Element>(root: ParentNode, selector: string): T {
  const element = root.querySelector<T>(selector);
  if (!element) throw new Error(`catalogue: missing ${selector}`);
  return element;
}

export function initCatalogue(root: HTMLElement): void {
  const lang: Lang = root.dataset.lang === 'en' ? 'en' : 'vi';
  const form = required<HTMLFormElement>(root, '[data-filters]');
  const q = required<HTMLInputElement>(form, 'input[name="q"]');
  const field = required<HTMLSelectElement>(form, 'select[name="field"]');
  const applicantType = required<HTMLSelectElement>(form, 'select[name="applicantType"]');
  const status = required<HTMLElement>(root, '[data-status]');
  const errorBox = required<HTMLElement>(root, '[data-error]');
  const errorMessage = required<HTMLElement>(errorBox, '[data-error-message]');
  const retry = required<HTMLButtonElement>(errorBox, '[data-retry]');
  const list = required<HTMLUListElement>(root, '[data-procedure-list]');
  const template = required<HTMLTemplateElement>(root, 'template[data-item-template]');
  const fieldLabels = new Map([...field.options].map((o) => [o.value, o.text]));
  const controls = [q, field, applicantType];
  let items: ProcedureSummary[] | null = null;
  let debounce: ReturnType<typeof setTimeout> | undefined;

  // Restore a shared or bookmarked search.
  const params = new URLSearchParams(location.search);
  q.value = params.get('q') ?? '';
  field.value = [...field.options].some((o) => o.value === params.get('field')) ? (params.get('field') ?? '') : '';
  applicantType.value = [...applicantType.options].some((o) => o.value === params.get('applicantType')) ? (params.get('applicantType') ?? '') : '';

  const currentFilter = (): CatalogueFilter => ({
    q: q.value,
    field: field.value as CatalogueFilter['field'],
    applicantType: applicantType.value as CatalogueFilter['applicantType'],
  });

  function renderItem(p: ProcedureSummary): HTMLLIElement {
    const li = (template.content.firstElementChild as HTMLLIElement).cloneNode(true) as HTMLLIElement;
    li.dataset.code = p.code;
    const slot = (name: string) => required<HTMLElement>(li, `[data-slot="${name}"]`);
    const link = slot('link') as HTMLAnchorElement;
    link.href = pagePath('procedure', lang, p.code);
    link.textContent = procedureName(p, lang);
    slot('field').textContent = fieldLabels.get(p.field) ?? p.field;
    slot('applicantType').textContent = APPLICANT_LABELS[p.applicantType][lang];
    slot('fee').textContent = formatProcedureFee(p.fee, lang, new Date());
    slot('feeNote').hidden = p.fee.confirmed || p.fee.amountVnd === 0;
    slot('timeLimit').textContent = formatTimeLimit(p.timeLimit, lang);
    slot('serviceLevel').textContent = SERVICE_LEVEL_LABELS[p.serviceLevel][lang];
    slot('unavailable').hidden = p.available;
    return li;
  }

  function render(): void {
    if (!items) return;
    const filter = currentFilter();
    const visible = filterProcedures(items, filter);
    list.replaceChildren(...visible.map(renderItem));
    status.textContent = resultCount(visible.length, lang);
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(filter)) if (value) search.set(key, value);
    const query = search.toString();
    history.replaceState(history.state, '', `${location.pathname}${query ? `?${query}` : ''}`);
  }

  async function load(): Promise<void> {
    errorBox.hidden = true;
    retry.disabled = true;
    list.setAttribute('aria-busy', 'true');
    status.textContent = list.dataset.loadingText ?? '';
    try {
      items = (await listProcedures({}, { lang })).items;
      list.dataset.source = 'api';
      for (const control of controls) control.disabled = false;
      form.hidden = false;
      render();
    } catch (error) {
      status.textContent = '';
      // Search needs the live list: without it, the disabled form would only confuse.
      if (!items) form.hidden = true;
      errorMessage.textContent = error instanceof ApiError ? error.title : FALLBACK_ERROR[lang];
      errorBox.hidden = false;
    } finally {
      list.removeAttribute('aria-busy');
      retry.disabled = false;
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(debounce);
    render();
  });
  q.addEventListener('input', () => {
    clearTimeout(debounce);
    debounce = setTimeout(render, 250);
  });
  field.addEventListener('change', render);
  applicantType.addEventListener('change', render);
  retry.addEventListener('click', () => {
    void load().then(() => {
      if (!errorBox.hidden) errorBox.focus();
    });
  });

  void load();
}

/**
 * Browser side of the bill lookup page (/thanh-toan/, /en/payments/): the second-factor radios
 * with their revealed field, checks in the GOV.UK way (an error summary at the top linking to each
 * field, the message next to the field, focus on the summary), then POST /api/bills/lookup with
 * fetch (never a GET: nothing typed may reach an address or a log) and the bill on this page.
 */
import { hospitals } from '@portal/shared/hospitals';
import { vietnamDate } from '@portal/shared/vietnamese';
import { ApiError, lookUpBill } from './api';
import { initBillPanel } from './bill-view';
import type { Lang } from './i18n';
import { checkLookup, fieldMessage, fieldOfApiError, lockoutMessage, type FieldProblem, type LookupField, type LookupInput, type SecondFactor } from './payments-format';

const TEXT = {
  vi: {
    searching: 'Đang tra cứu hóa đơn…',
    found: 'Đã tìm thấy hóa đơn.',
    notFound: 'Không tìm thấy hóa đơn. Vui lòng kiểm tra lại thông tin.',
    fallback: 'Đã có lỗi xảy ra. Vui lòng thử lại.',
  },
  en: {
    searching: 'Looking up the bill…',
    found: 'Bill found.',
    notFound: 'No bill was found. Please check the details and try again.',
    fallback: 'Something went wrong. Please try again.',
  },
} as const;

const FIELDS: LookupField[] = ['hospitalId', 'patientCode', 'billCode', 'factor', 'phoneLast4', 'dateOfBirth'];

function required<T extends Element>(root: ParentNode, selector: string): T {
  const element = root.querySelector<T>(selector);
  if (!element) throw new Error(`lookup: missing ${selector}`);
  return element;
}

export function initPaymentLookup(root: HTMLElement, billRoot: HTMLElement): void {
  const lang: Lang = root.dataset.lang === 'en' ? 'en' : 'vi';
  const t = TEXT[lang];
  const form = required<HTMLFormElement>(root, '[data-lookup-form]');
  const summary = required<HTMLElement>(root, '[data-summary]');
  const summaryMessage = required<HTMLElement>(summary, '[data-summary-message]');
  const summaryList = required<HTMLUListElement>(summary, '[data-summary-list]');
  const submit = required<HTMLButtonElement>(form, '[data-submit]');
  const status = required<HTMLElement>(form, '[data-status]');
  const factorRadios = [...form.querySelectorAll<HTMLInputElement>('input[name="factor"]')];
  const reveals = [...form.querySelectorAll<HTMLElement>('[data-reveal]')];
  const billPanel = initBillPanel(billRoot, lang);
  const submitLabel = submit.textContent ?? '';
  let busy = false;

  const control = (field: LookupField) => required<HTMLInputElement | HTMLSelectElement>(form, `[data-field="${field}"]`);
  const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null)?.value ?? '';
  const factor = (): SecondFactor | '' => {
    const checked = factorRadios.find((r) => r.checked)?.value;
    return checked === 'phone' || checked === 'dob' ? checked : '';
  };

  /** GOV.UK conditional reveal: only the chosen factor's field is shown (and sent). */
  function syncReveal(): void {
    const chosen = factor();
    for (const reveal of reveals) reveal.hidden = reveal.dataset.reveal !== chosen;
  }

  function clearErrors(): void {
    summary.hidden = true;
    summaryMessage.hidden = true;
    summaryMessage.textContent = '';
    summaryList.replaceChildren();
    for (const field of FIELDS) {
      const message = required<HTMLElement>(form, `[data-error-for="${field}"]`);
      message.hidden = true;
      message.textContent = '';
      required<HTMLElement>(form, `[data-group="${field}"]`).classList.remove('form-group-error');
      if (field !== 'factor') control(field).removeAttribute('aria-invalid');
    }
  }

  /** Field problems next to their fields and as links in the summary; or one message for the whole form. */
  function showErrors(problems: FieldProblem[], message?: string): void {
    clearErrors();
    const prefix = lang === 'vi' ? 'Lỗi: ' : 'Error: ';
    for (const { field, message: text } of problems) {
      const slot = required<HTMLElement>(form, `[data-error-for="${field}"]`);
      const hidden = document.createElement('span');
      hidden.className = 'visually-hidden';
      hidden.textContent = prefix;
      slot.replaceChildren(hidden, text);
      slot.hidden = false;
      required<HTMLElement>(form, `[data-group="${field}"]`).classList.add('form-group-error');
      if (field !== 'factor') control(field).setAttribute('aria-invalid', 'true');
      const link = document.createElement('a');
      link.href = `#${control(field).id}`;
      link.textContent = text;
      link.dataset.target = field;
      const li = document.createElement('li');
      li.append(link);
      summaryList.append(li);
    }
    if (message) {
      summaryMessage.textContent = message;
      summaryMessage.hidden = false;
    }
    summary.hidden = false;
    summary.focus();
  }

  function setBusy(on: boolean): void {
    busy = on;
    submit.disabled = on;
    if (on) submit.setAttribute('aria-busy', 'true');
    else submit.removeAttribute('aria-busy');
    submit.textContent = on ? t.searching : submitLabel;
  }

  async function lookUp(): Promise<void> {
    if (busy) return;
    const input: LookupInput = {
      hospitalId: value('hospitalId'),
      patientCode: value('patientCode'),
      billCode: value('billCode'),
      factor: factor(),
      phoneLast4: value('phoneLast4'),
      dateOfBirth: value('dateOfBirth'),
    };
    const checked = checkLookup(input, hospitals.map((h) => h.hospitalId), vietnamDate(new Date()), lang);
    if ('problems' in checked) {
      billPanel.hide();
      status.textContent = '';
      showErrors(checked.problems);
      return;
    }
    clearErrors();
    billPanel.hide();
    setBusy(true);
    status.textContent = t.searching;
    try {
      const bill = await lookUpBill(checked.lookup, { lang });
      status.textContent = t.found;
      billPanel.show(bill, { focus: true });
    } catch (error) {
      status.textContent = '';
      if (!(error instanceof ApiError)) showErrors([], t.fallback);
      else if (error.code === 'not_found') showErrors([], t.notFound);
      else if (error.code === 'lookup_locked') showErrors([], lockoutMessage(error.retryAfterSeconds, lang));
      else if (error.code === 'validation_failed' && error.problem?.errors?.length) {
        // The API's own check disagreed with ours: point at the fields it names, in our words.
        const fields = new Set<LookupField>();
        for (const e of error.problem.errors) {
          const field = fieldOfApiError(e.field, input.factor);
          if (field) fields.add(field);
        }
        const problems = FIELDS.filter((f) => fields.has(f)).map((field) => ({ field, message: fieldMessage(field, field === 'factor' ? 'missing' : 'invalid', lang) }));
        showErrors(problems, problems.length ? undefined : error.title);
      } else showErrors([], error.title);
    } finally {
      setBusy(false);
    }
  }

  // A summary link moves focus to its field and shows the field's label above it (GOV.UK).
  summaryList.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-target]');
    if (!link) return;
    event.preventDefault();
    const target = control(link.dataset.target as LookupField);
    const group = target.closest('.form-group') ?? target;
    group.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  });
  for (const radio of factorRadios) radio.addEventListener('change', syncReveal);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void lookUp();
  });

  syncReveal();
  form.hidden = false;
}

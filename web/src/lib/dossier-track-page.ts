/**
 * Browser side of the public tracking page (/tra-cuu/ho-so/): the code and the 4 digits are checked
 * here first (every problem at once, next to its field), then GET /api/public/dossiers/{code}?check=…
 * A mismatch and an unknown code read the same (404), and too many tries lock the code (429).
 */
import type { PublicDossierView } from '@portal/shared/dossiers/api';
import { ApiError } from './api';
import { DUE_STATE_LABELS, normaliseCode, stateLabel, stateTone, trackProblems, vietnamDateTime, vietnamDay, type TrackField } from './dossier-format';
import { procedureNames, trackDossier } from './dossiers-api';
import { pagePath, type Lang } from './i18n';

const TEXT = {
  vi: {
    notFound: 'Không tìm thấy hồ sơ khớp với mã hồ sơ và 4 số cuối đã nhập. Kiểm tra lại mã hồ sơ trên giấy tiếp nhận, và dùng 4 số cuối của số điện thoại hoặc số định danh cá nhân mà người nộp đã khai trong hồ sơ.',
    locked: (minutes: number) => `Bạn đã nhập sai quá nhiều lần. Để bảo vệ thông tin hồ sơ, việc tra cứu mã hồ sơ này tạm khóa. Vui lòng thử lại sau ${minutes} phút.`,
    found: 'Đã tìm thấy hồ sơ.',
    fallback: 'Đã có lỗi xảy ra. Vui lòng thử lại.',
  },
  en: {
    notFound: 'No application matches this code and these 4 digits. Check the code on the acknowledgement of receipt, and use the last 4 digits of the phone number or personal ID number the applicant gave in the application.',
    locked: (minutes: number) => `Too many wrong attempts. To protect the application’s details, tracking this code is locked for now. Please try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`,
    found: 'Application found.',
    fallback: 'Something went wrong. Please try again.',
  },
} as const;

function required<T extends Element>(root: ParentNode, selector: string): T {
  const element = root.querySelector<T>(selector);
  if (!element) throw new Error(`dossier tracking: missing ${selector}`);
  return element;
}

type Field = TrackField;

export function initDossierTrack(root: HTMLElement): void {
  const lang: Lang = root.dataset.lang === 'en' ? 'en' : 'vi';
  const t = TEXT[lang];
  const form = required<HTMLFormElement>(root, '[data-track-form]');
  const summary = required<HTMLElement>(root, '[data-error-summary]');
  const list = required<HTMLElement>(summary, '[data-error-list]');
  const status = required<HTMLElement>(root, '[data-status]');
  const result = required<HTMLElement>(root, '[data-result]');
  const submit = required<HTMLButtonElement>(form, '[data-submit]');
  const codeInput = required<HTMLInputElement>(form, '[data-field="code"]');
  const checkInput = required<HTMLInputElement>(form, '[data-field="check"]');
  const label = submit.textContent ?? '';

  function fieldError(field: Field, message: string | null): void {
    required<HTMLElement>(form, `[data-group="${field}"]`).classList.toggle('form-group-error', message !== null);
    const error = required<HTMLElement>(form, `[data-error-for="${field}"]`);
    error.hidden = message === null;
    error.textContent = message ?? '';
    const input = required<HTMLElement>(form, `[data-field="${field}"]`);
    if (message === null) input.removeAttribute('aria-invalid');
    else input.setAttribute('aria-invalid', 'true');
  }

  function showSummary(items: { field?: Field; message: string }[]): void {
    list.replaceChildren(
      ...items.map((item) => {
        const li = document.createElement('li');
        if (item.field) {
          const a = document.createElement('a');
          a.href = `#track-${item.field}`;
          a.textContent = item.message;
          a.addEventListener('click', (event) => {
            event.preventDefault();
            required<HTMLElement>(form, `[data-field="${item.field}"]`).focus();
          });
          li.append(a);
        } else li.textContent = item.message;
        return li;
      }),
    );
    summary.hidden = items.length === 0;
    if (items.length) summary.focus();
  }

  function setSlot(name: string, text: string): HTMLElement {
    const el = required<HTMLElement>(result, `[data-slot="${name}"]`);
    el.textContent = text;
    return el;
  }
  const row = (name: string, visible: boolean) => {
    required<HTMLElement>(result, `[data-row="${name}"]`).hidden = !visible;
  };

  function show(view: PublicDossierView): void {
    setSlot('code', view.code);
    const state = setSlot('state', stateLabel(view.state, lang));
    state.dataset.tone = stateTone(view.state);
    state.dataset.state = view.state;
    setSlot('procedure', view.procedureId);
    void procedureNames(view.procedureId, { lang }).then((n) => {
      if (n) setSlot('procedure', lang === 'vi' ? n.nameVi : n.nameEn);
    });
    setSlot('submittedAt', view.submittedAt ? vietnamDateTime(view.submittedAt) : '');
    row('submittedAt', !!view.submittedAt);
    setSlot('receivedAt', view.receivedAt ? vietnamDateTime(view.receivedAt) : '');
    row('receivedAt', !!view.receivedAt);
    setSlot('dueDate', view.dueDate ? vietnamDay(view.dueDate) : '');
    const due = setSlot('dueState', view.dueState ? DUE_STATE_LABELS[view.dueState][lang] : '');
    due.hidden = !view.dueState;
    if (view.dueState) due.dataset.due = view.dueState;
    row('dueDate', !!view.dueDate);
    setSlot('visit', view.appraisalVisitDate ? vietnamDay(view.appraisalVisitDate) : '');
    row('visit', !!view.appraisalVisitDate);
    const licence = setSlot('licence', view.licenceNumber ?? '') as HTMLAnchorElement;
    if (view.licenceNumber) licence.href = `${pagePath('licenceVerify', lang)}${encodeURIComponent(view.licenceNumber)}`;
    row('licence', !!view.licenceNumber);
    const history = required<HTMLElement>(result, '[data-history]');
    history.replaceChildren(
      ...[...view.history].reverse().map((h) => {
        const li = document.createElement('li');
        const time = document.createElement('time');
        time.dateTime = h.at;
        time.textContent = vietnamDateTime(h.at);
        const what = document.createElement('span');
        what.textContent = stateLabel(h.state, lang);
        li.append(time, what);
        return li;
      }),
    );
    result.hidden = false;
    status.textContent = t.found;
    result.focus();
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const problems = trackProblems(codeInput.value, checkInput.value, lang);
    fieldError('code', problems.find((p) => p.field === 'code')?.message ?? null);
    fieldError('check', problems.find((p) => p.field === 'check')?.message ?? null);
    result.hidden = true;
    if (problems.length) {
      status.textContent = '';
      showSummary(problems);
      return;
    }
    showSummary([]);
    submit.disabled = true;
    submit.textContent = submit.dataset.busyLabel ?? label;
    status.textContent = submit.dataset.busyLabel ?? '';
    trackDossier(normaliseCode(codeInput.value), checkInput.value.trim(), { lang })
      .then(show)
      .catch((error: unknown) => {
        status.textContent = '';
        if (error instanceof ApiError && (error.code === 'not_found' || error.status === 404 || error.status === 400)) return showSummary([{ message: t.notFound }]);
        if (error instanceof ApiError && (error.code === 'lookup_locked' || error.status === 429)) {
          const minutes = error.retryAfterSeconds === undefined ? 15 : Math.max(1, Math.ceil(error.retryAfterSeconds / 60));
          return showSummary([{ message: t.locked(minutes) }]);
        }
        showSummary([{ message: error instanceof ApiError ? error.title : t.fallback }]);
      })
      .finally(() => {
        submit.disabled = false;
        submit.textContent = label;
      });
  });
}

/**
 * Browser side of the administrator's page (views/DepartmentAdmin.astro): the working-day calendar
 * of a year as editable rows (GET/PUT /api/calendar/{year}, checked with calendar-edit.ts first,
 * the API's field errors placed on their rows too) and licence status (GET /api/public/licences/
 * {number}, POST /api/licences/{number}/status).
 */
import type { CalendarDay, YearCalendar } from '@portal/shared/calendar/holidays';
import type { PublicLicenceView } from '@portal/shared/dossiers/api';
import { ApiError } from './api';
import {
  LICENCE_STATUS_LABELS, calendarFieldOf, checkCalendar, licenceStatusChoices, normaliseLicenceNumber, weekdayName,
  type CalendarField, type CalendarList, type CalendarProblem,
} from './calendar-edit';
import { initDepartmentGate, type DepartmentSession } from './department-gate';
import type { Lang } from './i18n';
import { getCalendar, getLicence, putCalendar, setLicenceStatus } from './officer-api';
import { REASON_MAX, REASON_MIN } from './officer-action-rules';
import { displayDay } from './officer-format';
import { vietnamDateTime } from './payments-format';
import { errorText, required, setFieldError, showResult } from './staff-page';
import { DEPARTMENT_ADMIN_TEXT } from './department-admin-texts';

export function initDepartmentAdmin(gate: HTMLElement, root: HTMLElement): void {
  const lang: Lang = root.dataset.lang === 'en' ? 'en' : 'vi';
  void initDepartmentGate(gate, root, lang, 'admin').then((session) => {
    if (session) {
      runCalendar(root, lang, session);
      runLicences(root, lang, session);
    }
  });
}

/* ------------------------------------------------------------------------------------------------
 * Calendar
 * --------------------------------------------------------------------------------------------- */

function runCalendar(root: HTMLElement, lang: Lang, session: DepartmentSession): void {
  const t = DEPARTMENT_ADMIN_TEXT[lang];
  const options = { lang, token: session.token };
  const yearForm = required<HTMLFormElement>(root, '[data-year-form]');
  const yearSelect = required<HTMLSelectElement>(yearForm, '[data-field="year"]');
  const status = required<HTMLElement>(root, '[data-calendar-status]');
  const result = required<HTMLElement>(root, '[data-calendar-result]');
  const editor = required<HTMLFormElement>(root, '[data-calendar-form]');
  const errorBox = required<HTMLElement>(editor, '[data-calendar-error]');
  const errorList = required<HTMLElement>(editor, '[data-calendar-error-list]');
  const save = required<HTMLButtonElement>(editor, '[data-calendar-save]');
  const bodies: Record<CalendarList, HTMLTableSectionElement> = {
    holidays: required<HTMLTableSectionElement>(editor, '[data-rows="holidays"]'),
    makeUpDays: required<HTMLTableSectionElement>(editor, '[data-rows="makeUpDays"]'),
  };
  let year = Number(yearSelect.value);

  const sourceText = (calendar: YearCalendar & { source?: string; updatedAt?: string }) =>
    calendar.source === 'edited' ? t.source.edited(calendar.updatedAt ? vietnamDateTime(calendar.updatedAt) : '') : calendar.source === 'default' ? t.source.default : calendar.source === 'none' ? t.source.none : '';
  const inputId = (list: CalendarList, index: number, field: CalendarField) => `cal-${list}-${index}-${field}`;

  function renumber(list: CalendarList): void {
    [...bodies[list].rows].forEach((tr, index) => {
      const n = index + 1;
      for (const field of ['date', 'nameVi', 'nameEn'] as const) {
        const inputEl = tr.querySelector<HTMLInputElement>(`[data-cal="${field}"]`)!;
        const error = tr.querySelector<HTMLElement>(`[data-cal-error="${field}"]`)!;
        inputEl.id = inputId(list, index, field);
        error.id = `${inputEl.id}-error`;
        inputEl.setAttribute('aria-label', `${t.row(list, n)}: ${t.field[field]}`);
        inputEl.setAttribute('aria-describedby', error.id);
      }
      tr.querySelector<HTMLButtonElement>('[data-remove]')!.setAttribute('aria-label', t.remove(list, n));
    });
  }

  function addRow(list: CalendarList, day: CalendarDay = { date: '', nameVi: '', nameEn: '' }): HTMLTableRowElement {
    const tr = document.createElement('tr');
    const weekday = document.createElement('td');
    weekday.className = 'calendar-weekday';
    weekday.dataset.weekday = '';
    const td = (field: CalendarField, type: 'date' | 'text') => {
      const cellEl = document.createElement('td');
      const wrap = document.createElement('div');
      wrap.className = 'calendar-cell';
      const error = Object.assign(document.createElement('p'), { className: 'error-message', hidden: true });
      error.dataset.calError = field;
      const inputEl = Object.assign(document.createElement('input'), { className: `input${type === 'date' ? ' input-date' : ''}`, type, value: field === 'date' ? day.date : day[field] });
      inputEl.dataset.cal = field;
      if (type === 'text') inputEl.maxLength = 120;
      if (type === 'date') {
        inputEl.min = `${year}-01-01`;
        inputEl.max = `${year}-12-31`;
        const show = () => (weekday.textContent = weekdayName(inputEl.value, lang));
        inputEl.addEventListener('input', show);
        inputEl.addEventListener('change', show);
        show();
      }
      wrap.append(error, inputEl);
      cellEl.append(wrap);
      return cellEl;
    };
    const removeCell = document.createElement('td');
    removeCell.className = 'cell-actions';
    const remove = Object.assign(document.createElement('button'), { type: 'button', className: 'button button-secondary button-small', textContent: t.removeShort });
    remove.dataset.remove = '';
    remove.addEventListener('click', () => {
      const next = (tr.nextElementSibling ?? tr.previousElementSibling) as HTMLElement | null;
      tr.remove();
      renumber(list);
      status.textContent = t.removed;
      (next?.querySelector<HTMLElement>('[data-remove]') ?? required<HTMLElement>(editor, `[data-add-row="${list}"]`)).focus();
    });
    removeCell.append(remove);
    tr.append(td('date', 'date'), weekday, td('nameVi', 'text'), td('nameEn', 'text'), removeCell);
    bodies[list].append(tr);
    renumber(list);
    return tr;
  }

  function readRows(list: CalendarList): CalendarDay[] {
    return [...bodies[list].rows].map((tr) => ({
      date: tr.querySelector<HTMLInputElement>('[data-cal="date"]')!.value,
      nameVi: tr.querySelector<HTMLInputElement>('[data-cal="nameVi"]')!.value,
      nameEn: tr.querySelector<HTMLInputElement>('[data-cal="nameEn"]')!.value,
    }));
  }

  function clearProblems(): void {
    errorBox.hidden = true;
    errorList.replaceChildren();
    for (const e of editor.querySelectorAll<HTMLElement>('[data-cal-error], [data-list-error]')) {
      e.hidden = true;
      e.textContent = '';
    }
    for (const i of editor.querySelectorAll<HTMLElement>('[aria-invalid]')) i.removeAttribute('aria-invalid');
    for (const g of editor.querySelectorAll<HTMLElement>('.form-group-error')) g.classList.remove('form-group-error');
  }

  function showProblems(problems: CalendarProblem[]): void {
    clearProblems();
    for (const p of problems) {
      const li = document.createElement('li');
      if (p.index < 0) {
        const listError = required<HTMLElement>(editor, `[data-list-error="${p.list}"]`);
        listError.textContent = p.message;
        listError.hidden = false;
        li.textContent = p.message;
      } else {
        const tr = bodies[p.list].rows[p.index];
        const inputEl = tr?.querySelector<HTMLInputElement>(`[data-cal="${p.field}"]`);
        const error = tr?.querySelector<HTMLElement>(`[data-cal-error="${p.field}"]`);
        if (inputEl && error) {
          error.textContent = p.message;
          error.hidden = false;
          inputEl.setAttribute('aria-invalid', 'true');
          inputEl.closest('.calendar-cell')?.classList.add('form-group-error');
        }
        const a = Object.assign(document.createElement('a'), { href: `#${inputId(p.list, p.index, p.field)}`, textContent: `${t.row(p.list, p.index + 1)}: ${p.message}` });
        a.addEventListener('click', (event) => {
          event.preventDefault();
          inputEl?.focus();
        });
        li.append(a);
      }
      errorList.append(li);
    }
    errorBox.hidden = false;
    errorBox.focus();
  }

  function show(calendar: YearCalendar): void {
    for (const list of ['holidays', 'makeUpDays'] as const) {
      bodies[list].replaceChildren();
      for (const day of calendar[list]) addRow(list, day);
    }
    for (const label of editor.querySelectorAll<HTMLElement>('[data-year-label]')) label.textContent = `— ${t.inYear(year)}`;
    save.textContent = `${lang === 'vi' ? 'Lưu lịch năm' : 'Save the calendar for'} ${year}`;
    clearProblems();
    editor.hidden = false;
  }

  async function load(): Promise<void> {
    year = Number(yearSelect.value);
    status.textContent = t.loading(year);
    result.replaceChildren();
    try {
      const calendar = await getCalendar(year, options);
      show(calendar);
      status.textContent = `${t.loaded(year, calendar.holidays.length, calendar.makeUpDays.length)} ${sourceText(calendar)}`;
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) {
        show({ year, holidays: [], makeUpDays: [] });
        status.textContent = t.notFoundYear(year);
        return;
      }
      editor.hidden = true;
      status.textContent = '';
      showResult(result, 'error', errorText(error, lang), { focus: true });
    }
  }

  yearForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void load();
  });
  for (const list of ['holidays', 'makeUpDays'] as const) {
    required<HTMLButtonElement>(editor, `[data-add-row="${list}"]`).addEventListener('click', () => {
      addRow(list).querySelector<HTMLInputElement>('[data-cal="date"]')?.focus();
    });
  }

  editor.addEventListener('submit', (event) => {
    event.preventDefault();
    if (save.disabled) return;
    const checked = checkCalendar(year, { holidays: readRows('holidays'), makeUpDays: readRows('makeUpDays') }, lang);
    if ('problems' in checked) {
      showProblems(checked.problems);
      return;
    }
    clearProblems();
    save.disabled = true;
    status.textContent = t.saving;
    putCalendar(checked.calendar, options)
      .then((saved) => {
        show(saved);
        status.textContent = sourceText(saved);
        showResult(result, 'success', t.saved(saved.year, saved.holidays.length, saved.makeUpDays.length), { focus: true });
      })
      .catch((error: unknown) => {
        status.textContent = '';
        // The API's field errors (problem+json `errors`) go to their rows too.
        const fields = error instanceof ApiError ? ((error.problem as { errors?: { field?: string; path?: string; message?: string }[] } | undefined)?.errors ?? []) : [];
        const placed: CalendarProblem[] = [];
        for (const f of fields) {
          const at = calendarFieldOf(String(f.field ?? f.path ?? ''));
          if (at) placed.push({ ...at, message: f.message ?? errorText(error, lang) });
        }
        if (placed.length > 0) showProblems(placed);
        else showResult(result, 'error', errorText(error, lang), { focus: true });
      })
      .finally(() => {
        save.disabled = false;
      });
  });

  void load();
}

/* ------------------------------------------------------------------------------------------------
 * Licences
 * --------------------------------------------------------------------------------------------- */

function runLicences(root: HTMLElement, lang: Lang, session: DepartmentSession): void {
  const t = DEPARTMENT_ADMIN_TEXT[lang];
  const options = { lang, token: session.token };
  const findForm = required<HTMLFormElement>(root, '[data-licence-find]');
  const numberInput = required<HTMLInputElement>(findForm, '[data-field="number"]');
  const status = required<HTMLElement>(root, '[data-licence-status]');
  const result = required<HTMLElement>(root, '[data-licence-result]');
  const panel = required<HTMLElement>(root, '[data-licence-panel]');
  const heading = required<HTMLElement>(panel, '[data-licence-heading]');
  const changeForm = required<HTMLFormElement>(panel, '[data-licence-change]');
  const noChange = required<HTMLElement>(panel, '[data-no-change]');
  const errorBox = required<HTMLElement>(panel, '[data-licence-error]');
  const errorMessage = required<HTMLElement>(errorBox, '[data-licence-error-message]');
  const reason = required<HTMLTextAreaElement>(changeForm, '[data-field="reason"]');
  const submit = required<HTMLButtonElement>(changeForm, '[data-licence-submit]');
  const slot = (name: string) => required<HTMLElement>(panel, `[data-slot="${name}"]`);
  let current: PublicLicenceView | null = null;

  function show(licence: PublicLicenceView): void {
    current = licence;
    heading.textContent = licence.number;
    slot('kind').textContent = lang === 'vi' ? licence.titleVi : licence.titleEn;
    slot('holder').textContent = licence.holderName;
    slot('scope').textContent = licence.scopeVi;
    slot('issuer').textContent = `${licence.issuingUnit} — ${licence.signedBy}`;
    slot('issued').textContent = vietnamDateTime(licence.issuedAt);
    slot('validity').textContent = t.until(displayDay(licence.validFrom.slice(0, 10)), licence.validUntil ? displayDay(licence.validUntil.slice(0, 10)) : undefined);
    const tag = Object.assign(document.createElement('span'), { className: 'tag', textContent: LICENCE_STATUS_LABELS[licence.status][lang] });
    tag.dataset.licenceStatus = licence.status;
    slot('status').replaceChildren(tag);
    required<HTMLElement>(panel, '[data-row="statusReason"]').hidden = !licence.statusReason;
    slot('statusReason').textContent = licence.statusReason ? `${licence.statusReason}${licence.statusChangedAt ? ` (${vietnamDateTime(licence.statusChangedAt)})` : ''}` : '';
    slot('signature').textContent = licence.signatureValid ? t.signatureOk : t.signatureBad;
    const choices = licenceStatusChoices(licence.status);
    for (const label of changeForm.querySelectorAll<HTMLElement>('[data-status-choice]')) {
      const allowed = choices.includes(label.dataset.statusChoice as 'valid');
      label.hidden = !allowed;
      const radio = label.querySelector<HTMLInputElement>('input');
      if (radio) {
        radio.checked = false;
        radio.disabled = !allowed;
      }
    }
    changeForm.hidden = choices.length === 0;
    noChange.hidden = choices.length > 0;
    reason.value = '';
    setFieldError(changeForm, 'status', null);
    setFieldError(changeForm, 'reason', null);
    errorBox.hidden = true;
    panel.hidden = false;
  }

  findForm.addEventListener('submit', (event) => {
    event.preventDefault();
    result.replaceChildren();
    const number = normaliseLicenceNumber(numberInput.value);
    if (!number) {
      setFieldError(findForm, 'number', t.numberMissing);
      numberInput.focus();
      return;
    }
    setFieldError(findForm, 'number', null);
    numberInput.value = number;
    status.textContent = t.finding;
    getLicence(number, options)
      .then((licence) => {
        status.textContent = '';
        show(licence);
        heading.focus();
      })
      .catch((error: unknown) => {
        status.textContent = '';
        panel.hidden = true;
        showResult(result, 'error', error instanceof ApiError && error.status === 404 ? t.noLicence : errorText(error, lang), { focus: true });
      });
  });

  changeForm.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!current || submit.disabled) return;
    const chosen = changeForm.querySelector<HTMLInputElement>('input[name="status"]:checked')?.value as 'valid' | 'suspended' | 'revoked' | undefined;
    const text = reason.value.trim();
    const reasonProblem = !text ? t.reasonMissing : text.length < REASON_MIN ? t.reasonShort : text.length > REASON_MAX ? t.reasonLong : null;
    setFieldError(changeForm, 'status', chosen ? null : t.statusMissing);
    setFieldError(changeForm, 'reason', reasonProblem);
    if (!chosen) return void changeForm.querySelector<HTMLInputElement>('input[name="status"]:not(:disabled)')?.focus();
    if (reasonProblem) return void reason.focus();
    submit.disabled = true;
    status.textContent = t.updating;
    const number = current.number;
    setLicenceStatus(number, { status: chosen, reason: text }, options)
      .then(async (changed) => {
        // The register's view as the public page now shows it (falls back to what the change said).
        const fresh = await getLicence(number, options).catch(() => null);
        status.textContent = '';
        show(fresh ?? { ...current!, status: changed.status, statusReason: changed.statusReason, statusChangedAt: changed.statusChangedAt });
        showResult(result, 'success', t.updated(number, LICENCE_STATUS_LABELS[changed.status][lang]), { focus: true });
      })
      .catch(async (error: unknown) => {
        status.textContent = '';
        if (error instanceof ApiError && error.status === 409) {
          const fresh = await getLicence(number, options).catch(() => null);
          if (fresh) show(fresh);
          showResult(result, 'warning', t.conflict, { focus: true });
          return;
        }
        errorMessage.textContent = errorText(error, lang);
        errorBox.hidden = false;
        errorBox.focus();
      })
      .finally(() => {
        submit.disabled = false;
      });
  });
}

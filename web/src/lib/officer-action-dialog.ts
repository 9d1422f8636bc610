/**
 * The officer's action dialog on the dossier page: one dialog for every action of
 * `availableActions`, its panels per action, the checks before sending (officer-format.ts
 * `checkAction`, the same rules as the API), POST /api/dossiers/{id}/actions with the version read,
 * and a 409 answered with the dossier as it is now. The page tells it what it shows and hears back
 * what changed.
 */
import type { DossierView, PersonRef } from '@portal/shared/dossiers/api';
import type { OfficerAction } from '@portal/shared/dossiers/lifecycle';
import { ApiError } from './api';
import type { DepartmentSession } from './department-gate';
import type { Lang } from './i18n';
import { actOnDossier, conflictingDossier, getDossier, getInbox, type ProcedureLayout } from './officer-api';
import { checkAction, type ActionField, type ActionInputText, type ActionProblem } from './officer-action-rules';
import { actionDone, actionLabel, conflictText, dueText, errorCodeText, personText } from './officer-format';
import { OFFICER_DOSSIER_TEXT } from './officer-dossier-texts';
import { vietnamToday } from './staff-format';
import { errorText, openDialog, required, wireDialogClose } from './staff-page';

/** Which input panels each action shows in the dialog. */
const PANELS: Record<OfficerAction, string[]> = {
  receive: [],
  refuse: ['reason'],
  assign: ['assign'],
  request_supplement: ['supplement', 'reason'],
  schedule_appraisal: ['visit'],
  record_appraisal: ['appraisal'],
  approve: [],
  reject: ['reason'],
  stop: ['reason'],
  reschedule: ['reschedule', 'reason'],
};
export const WARNING_ACTIONS: readonly OfficerAction[] = ['refuse', 'reject', 'stop'];

/** Where each checked field's error summary link points. */
const FIELD_TARGETS: Record<ActionField, string> = {
  reason: 'action-reason',
  missing: 'action-other',
  visitDate: 'action-visit-date',
  team: 'action-team',
  outcome: 'action-outcome-0',
  minutes: 'action-minutes',
  remediationDeadline: 'action-remediation',
  newDueDate: 'action-new-due',
  assignee: 'action-assignee',
};

export interface DossierPageLink {
  lang: Lang;
  session: DepartmentSession;
  /** The dossier and procedure the page shows now (null while loading). */
  dossier: () => DossierView | null;
  procedure: () => ProcedureLayout | null;
  /** The page's hint under the reason box (from the view). */
  reasonHint: string;
  /** After an action: the dossier as it is now (when known) and what to tell the officer. */
  changed: (dossier: DossierView | undefined, kind: 'success' | 'warning', text: string) => void;
}

/** Wires the dialog once; `open` shows it for one action, from the button that opened it. */
export function actionDialog(page: DossierPageLink): { open: (action: OfficerAction, opener: HTMLElement) => void } {
  const { lang, session } = page;
  const t = OFFICER_DOSSIER_TEXT[lang];
  const options = { lang, token: session.token };
  const dialog = required<HTMLDialogElement>(document, '[data-action-dialog]');
  const form = required<HTMLFormElement>(dialog, '[data-action-form]');
  const dialogHeading = required<HTMLElement>(dialog, '[data-action-heading]');
  const explain = required<HTMLElement>(dialog, '[data-action-explain]');
  const errorBox = required<HTMLElement>(dialog, '[data-action-error]');
  const errorList = required<HTMLElement>(errorBox, '[data-action-error-list]');
  const submit = required<HTMLButtonElement>(dialog, '[data-action-submit]');
  const actionStatus = required<HTMLElement>(dialog, '[data-action-status]');
  const supplementDocs = required<HTMLElement>(dialog, '[data-supplement-docs]');
  const reasonLabel = required<HTMLElement>(dialog, '[data-reason-label]');
  const reasonHint = required<HTMLElement>(dialog, '[data-reason-hint]');
  const assigneeSelect = required<HTMLSelectElement>(dialog, '[data-input="assignee"]');
  const remediation = required<HTMLElement>(dialog, '[data-remediation]');
  wireDialogClose(dialog);
  dialog.querySelectorAll<HTMLInputElement>('input[name="outcome"]').forEach((radio, i) => {
    radio.id = `action-outcome-${i}`;
    radio.addEventListener('change', () => {
      remediation.hidden = !(radio.checked && radio.value === 'remediation_required');
    });
  });


  let acting: OfficerAction | null = null;
  let colleagues: PersonRef[] | null = null;
  const input = <T extends HTMLElement>(name: string) => required<T>(dialog, `[data-input="${name}"]`);

  function clearErrors(): void {
    errorBox.hidden = true;
    errorList.replaceChildren();
    for (const group of dialog.querySelectorAll<HTMLElement>('.form-group-error')) group.classList.remove('form-group-error');
    for (const message of dialog.querySelectorAll<HTMLElement>('[data-error-for]')) {
      message.hidden = true;
      message.textContent = '';
    }
    for (const field of dialog.querySelectorAll<HTMLElement>('[aria-invalid]')) field.removeAttribute('aria-invalid');
  }

  function showProblems(problems: ActionProblem[]): void {
    clearErrors();
    for (const p of problems) {
      dialog.querySelector<HTMLElement>(`[data-group="${p.field}"]`)?.classList.add('form-group-error');
      const message = dialog.querySelector<HTMLElement>(`[data-error-for="${p.field}"]`);
      if (message) {
        message.textContent = p.message;
        message.hidden = false;
      }
      dialog.querySelector<HTMLElement>(`[data-field="${p.field}"]`)?.setAttribute('aria-invalid', 'true');
      const li = document.createElement('li');
      const a = Object.assign(document.createElement('a'), { href: `#${FIELD_TARGETS[p.field]}`, textContent: p.message });
      a.addEventListener('click', (event) => {
        event.preventDefault();
        const target = p.field === 'missing' ? (supplementDocs.querySelector<HTMLInputElement>('input') ?? document.getElementById(FIELD_TARGETS[p.field])) : document.getElementById(FIELD_TARGETS[p.field]);
        target?.focus();
      });
      li.append(a);
      errorList.append(li);
    }
    errorBox.hidden = false;
    errorBox.focus();
  }

  function showApiError(text: string): void {
    clearErrors();
    errorList.replaceChildren(Object.assign(document.createElement('li'), { textContent: text }));
    errorBox.hidden = false;
    errorBox.focus();
  }

  function fillSupplementDocs(): void {
    const docs = page.procedure()?.documents ?? [];
    supplementDocs.replaceChildren(
      ...docs.map((doc, i) => {
        const label = document.createElement('label');
        label.className = 'checkbox-row';
        const box = Object.assign(document.createElement('input'), { type: 'checkbox', className: 'checkbox', value: doc.id, id: `action-doc-${i}` });
        box.dataset.supplementDoc = doc.id;
        label.append(box, Object.assign(document.createElement('span'), { textContent: lang === 'vi' ? doc.nameVi : doc.nameEn }));
        return label;
      }),
    );
  }

  async function fillColleagues(): Promise<void> {
    if (!colleagues) {
      try {
        colleagues = session.role === 'officer' ? (await getInbox({ state: 'submitted' }, options)).colleagues : [];
      } catch {
        colleagues = [];
        actionStatus.textContent = t.noColleagues;
      }
    }
    const people = colleagues.some((c) => c.userId === session.me.userId) ? colleagues : [{ userId: session.me.userId, name: session.me.name }, ...colleagues];
    assigneeSelect.replaceChildren(
      ...people.map((p) => {
        const option = Object.assign(document.createElement('option'), { value: p.userId, textContent: personText(p, session.me.userId, lang) });
        const assignee = page.dossier()?.assignee;
        option.selected = assignee ? p.userId === assignee.userId : p.userId === session.me.userId;
        return option;
      }),
    );
  }

  function openAction(action: OfficerAction, opener: HTMLElement): void {
    const dossier = page.dossier();
    if (!dossier) return;
    acting = action;
    form.reset();
    clearErrors();
    remediation.hidden = true;
    actionStatus.textContent = '';
    dialogHeading.textContent = `${actionLabel(action, lang)} — ${dossier.code ?? ''}`.replace(/ — $/, '');
    explain.textContent = t.explain[action];
    submit.textContent = t.submit[action];
    submit.classList.toggle('button-warning', WARNING_ACTIONS.includes(action));
    submit.disabled = false;
    const panels = PANELS[action];
    for (const panel of dialog.querySelectorAll<HTMLElement>('[data-panel]')) panel.hidden = !panels.includes(panel.dataset.panel ?? '');
    const label = t.reasonLabel[action];
    if (label) reasonLabel.textContent = label;
    reasonHint.textContent = page.reasonHint;
    const reason = input<HTMLTextAreaElement>('reason');
    if (action === 'request_supplement') reason.removeAttribute('aria-required');
    else reason.setAttribute('aria-required', 'true');
    if (action === 'request_supplement') fillSupplementDocs();
    if (action === 'reschedule') required<HTMLElement>(dialog, '[data-slot="currentDue"]').textContent = dueText(dossier.dueDate, dossier.dueState, lang);
    if (action === 'assign') void fillColleagues();
    openDialog(dialog, opener, dialogHeading);
  }

  function readInput(): ActionInputText {
    const value = (name: string) => input<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(name).value;
    return {
      reason: value('reason'),
      documents: [...supplementDocs.querySelectorAll<HTMLInputElement>('input:checked')].map((b) => b.value),
      otherItems: value('otherItems'),
      visitDate: value('visitDate'),
      team: value('team'),
      outcome: dialog.querySelector<HTMLInputElement>('input[name="outcome"]:checked')?.value ?? '',
      minutes: value('minutes'),
      remediationDeadline: value('remediationDeadline'),
      newDueDate: value('newDueDate'),
      assignee: value('assignee'),
    };
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const dossier = page.dossier();
    if (!acting || !dossier || submit.disabled) return;
    const action = acting;
    const checked = checkAction(action, readInput(), { version: dossier.version, today: vietnamToday(), currentDueDate: dossier.dueDate }, lang);
    if ('problems' in checked) {
      showProblems(checked.problems);
      return;
    }
    clearErrors();
    submit.disabled = true;
    submit.setAttribute('aria-busy', 'true');
    actionStatus.textContent = t.working;
    actOnDossier(dossier.dossierId, checked.body, options)
      .then((updated) => {
        dialog.close();
        page.changed(updated, 'success', actionDone(action, updated.state, lang));
      })
      .catch(async (error: unknown) => {
        actionStatus.textContent = '';
        if (error instanceof ApiError && error.status === 409) {
          // Someone else changed it first (conflict), or the state no longer allows it: show the dossier as it is now.
          const fresh = conflictingDossier(error) ?? (await getDossier(dossier.dossierId, options).catch(() => undefined));
          dialog.close();
          const refusal = (error.problem as { refusal?: string; detail?: string } | undefined)?.refusal;
          const text = error.code === 'conflict' ? conflictText(fresh, session.me.userId, lang) : refusal ? `${error.title}: ${errorCodeText(refusal, lang)}.` : error.title;
          page.changed(fresh, 'warning', text);
          return;
        }
        showApiError(errorText(error, lang));
      })
      .finally(() => {
        submit.disabled = false;
        submit.removeAttribute('aria-busy');
      });
  });

  return { open: openAction };
}

/**
 * Browser side of the officer's dossier page (views/OfficerDossier.astro): GET /api/dossiers/{id}
 * (the id from the fragment) and the procedure's layout (GET /api/procedures/{code}), the actions of
 * `availableActions` in one dialog (POST /api/dossiers/{id}/actions with the version read), a 409
 * re-rendering the fresh dossier from the problem's `current`, attachments opened from a
 * short-lived link in a new tab.
 */
import { OFFICER_ACTIONS, type OfficerAction } from '@portal/shared/dossiers/lifecycle';
import type { AttachmentView, DossierView, HistoryEntry, PersonRef } from '@portal/shared/dossiers/api';
import { unitName } from '@portal/shared/units';
import { ApiError } from './api';
import { initDepartmentGate, type DepartmentSession } from './department-gate';
import type { Lang } from './i18n';
import { carryToCounterpart } from './lang-switch';
import { actOnDossier, conflictingDossier, getAttachmentLink, getDossier, getInbox, getProcedureLayout, type ProcedureLayout } from './officer-api';
import {
  APPRAISAL_OUTCOME_LABELS, actionDone, actionLabel, checkAction, conflictText, displayDay, errorCodeText, dueText, feeText, personText, rememberedFiltersHash, stateLabel,
  type ActionField, type ActionInputText, type ActionProblem,
} from './officer-format';
import { formDataSections } from './officer-form-view';
import { vietnamDateTime } from './payments-format';
import { vietnamToday } from './staff-format';
import { cell, columnLabels, errorText, openDialog, required, showResult, wireDialogClose } from './staff-page';
import { OFFICER_DOSSIER_TEXT } from './officer-dossier-texts';

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
const WARNING_ACTIONS: readonly OfficerAction[] = ['refuse', 'reject', 'stop'];

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

const DOSSIER_ID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

export function fileSize(bytes: number, lang: Lang): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  const mb = (bytes / (1024 * 1024)).toFixed(1);
  return `${lang === 'vi' ? mb.replace('.', ',') : mb} MB`;
}

export function initOfficerDossier(gate: HTMLElement, root: HTMLElement): void {
  const lang: Lang = root.dataset.lang === 'en' ? 'en' : 'vi';
  void initDepartmentGate(gate, root, lang, 'officer_or_admin').then((session) => {
    if (session) runDossier(root, lang, session);
  });
}

function runDossier(root: HTMLElement, lang: Lang, session: DepartmentSession): void {
  const t = OFFICER_DOSSIER_TEXT[lang];
  const options = { lang, token: session.token };
  const heading = required<HTMLElement>(document, '[data-heading]');
  const loadStatus = required<HTMLElement>(root, '[data-load-status]');
  const loadError = required<HTMLElement>(root, '[data-load-error]');
  const page = required<HTMLElement>(root, '[data-dossier-body]');
  const result = required<HTMLElement>(root, '[data-result]');
  const slot = (name: string) => required<HTMLElement>(root, `[data-slot="${name}"]`);
  const row = (name: string, text: string | undefined) => {
    required<HTMLElement>(root, `[data-row="${name}"]`).hidden = !text;
    slot(name).textContent = text ?? '';
  };
  const actionButtons = required<HTMLElement>(root, '[data-action-buttons]');
  const noActions = required<HTMLElement>(root, '[data-no-actions]');
  const attachmentsTable = required<HTMLTableElement>(root, '[data-attachments-table]');
  const attachmentsBody = required<HTMLElement>(attachmentsTable, '[data-attachments-body]');
  const attachmentStatus = required<HTMLElement>(root, '[data-attachment-status]');
  const historyTable = required<HTMLTableElement>(root, '[data-history-table]');
  const historyBody = required<HTMLElement>(historyTable, '[data-history-body]');

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

  const dossierId = decodeURIComponent(location.hash.replace(/^#/, ''));
  carryToCounterpart(location.hash);
  // "Back to the list" keeps the filters the officer was working with.
  const inboxLink = document.querySelector<HTMLAnchorElement>('[data-inbox-link]');
  if (inboxLink) inboxLink.href = `${inboxLink.pathname}${rememberedFiltersHash()}`;
  let dossier: DossierView | null = null;
  let procedure: ProcedureLayout | null = null;
  let colleagues: PersonRef[] | null = null;

  const docName = (id: string) => {
    const d = procedure?.documents.find((doc) => doc.id === id);
    return d ? (lang === 'vi' ? d.nameVi : d.nameEn) : id;
  };

  function fail(text: string): void {
    loadStatus.textContent = '';
    page.hidden = true;
    loadError.replaceChildren(Object.assign(document.createElement('p'), { textContent: text }));
    loadError.hidden = false;
  }

  /* ---- Rendering ---- */

  function render(d: DossierView): void {
    dossier = d;
    heading.textContent = t.heading(d.code);
    document.title = `${t.heading(d.code)} — ${document.title.split(' — ').slice(-1)[0] ?? ''}`;
    slot('procedure').textContent = procedure ? (lang === 'vi' ? procedure.nameVi : procedure.nameEn) : d.procedureId;

    const state = slot('state');
    const tag = Object.assign(document.createElement('span'), { className: 'tag', textContent: stateLabel(d.state, lang) });
    tag.dataset.state = d.state;
    state.replaceChildren(tag);
    if (d.nationalStatus) state.append(' ', Object.assign(document.createElement('span'), { className: 'cell-note', textContent: t.national(d.nationalStatus) }));

    const due = slot('due');
    due.replaceChildren(document.createTextNode(dueText(d.dueDate, d.dueState, lang)));
    due.dataset.due = d.dueState ?? '';
    row('originalDue', d.originalDueDate && d.originalDueDate !== d.dueDate ? displayDay(d.originalDueDate) : undefined);
    slot('applicant').textContent = d.applicantName;
    slot('submitted').textContent = d.submittedAt ? vietnamDateTime(d.submittedAt) : t.notYet;
    row('received', d.receivedAt ? vietnamDateTime(d.receivedAt) : undefined);
    slot('assignee').textContent = personText(d.assignee, session.me.userId, lang);
    slot('fee').textContent = feeText(d.fee, lang);
    slot('unit').textContent = unitName(d.unitId, lang);
    row('licence', d.licenceNumber);
    row('decision', d.decisionReason);

    renderActions(d);
    renderSupplement(d);
    renderAppraisal(d);
    renderFormData(d);
    renderAttachments(d.attachments);
    renderHistory(d.history);
    loadStatus.textContent = '';
    loadError.hidden = true;
    page.hidden = false;
  }

  function renderActions(d: DossierView): void {
    const actions = OFFICER_ACTIONS.filter((a) => d.availableActions.includes(a));
    actionButtons.replaceChildren(
      ...actions.map((action) => {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = `button${WARNING_ACTIONS.includes(action) ? ' button-warning' : action === 'receive' || action === 'approve' ? '' : ' button-secondary'}`;
        button.textContent = actionLabel(action, lang);
        button.dataset.action = action;
        button.addEventListener('click', () => openAction(action, button));
        return button;
      }),
    );
    noActions.hidden = actions.length > 0;
  }

  function renderSupplement(d: DossierView): void {
    const section = required<HTMLElement>(root, '[data-supplement]');
    section.hidden = !d.supplement;
    if (!d.supplement) return;
    required<HTMLElement>(section, '[data-supplement-list]').replaceChildren(
      ...d.supplement.missing.map((item) => Object.assign(document.createElement('li'), { textContent: docName(item) })),
    );
    row('supplementNote', d.supplement.note);
    slot('supplementAt').textContent = vietnamDateTime(d.supplement.requestedAt);
  }

  function renderAppraisal(d: DossierView): void {
    const section = required<HTMLElement>(root, '[data-appraisal]');
    const a = d.appraisal;
    section.hidden = !a || (!a.visit && !a.outcome);
    if (!a) return;
    row('visitDate', a.visit ? displayDay(a.visit.date) : undefined);
    row('team', a.visit?.team.join('; '));
    row('outcome', a.outcome ? APPRAISAL_OUTCOME_LABELS[a.outcome][lang] : undefined);
    row('minutes', a.minutes);
    row('remediation', a.remediationDeadline ? displayDay(a.remediationDeadline) : undefined);
  }

  function dl(rows: { label: string; value: string }[]): HTMLDListElement {
    const list = document.createElement('dl');
    list.className = 'summary-list compact-list';
    for (const r of rows) {
      const div = document.createElement('div');
      div.className = 'summary-row';
      const dt = Object.assign(document.createElement('dt'), { textContent: r.label });
      const dd = Object.assign(document.createElement('dd'), { textContent: r.value || '—' });
      div.append(dt, dd);
      list.append(div);
    }
    return list;
  }

  function renderFormData(d: DossierView): void {
    const container = required<HTMLElement>(root, '[data-form-data]');
    const sections = formDataSections(procedure?.form, d.data, lang);
    container.replaceChildren(
      ...sections.map((section) => {
        const wrap = document.createElement('section');
        wrap.className = 'data-section';
        const h3 = Object.assign(document.createElement('h3'), { textContent: section.title });
        wrap.append(h3);
        const simple = section.rows.filter((r) => !r.items);
        if (simple.length) wrap.append(dl(simple));
        for (const group of section.rows.filter((r) => r.items)) {
          const h4 = Object.assign(document.createElement('h4'), { className: 'data-group-title', textContent: `${group.label} (${group.items!.length})` });
          wrap.append(h4);
          for (const item of group.items!) {
            const block = document.createElement('div');
            block.className = 'data-group-item';
            block.append(Object.assign(document.createElement('p'), { className: 'data-group-item-title', textContent: item.title }), dl(item.rows));
            wrap.append(block);
          }
        }
        return wrap;
      }),
    );
  }

  function renderAttachments(attachments: AttachmentView[]): void {
    const cols = columnLabels(attachmentsTable);
    required<HTMLElement>(root, '[data-no-attachments]').hidden = attachments.length > 0;
    attachmentsTable.hidden = attachments.length === 0;
    attachmentsBody.replaceChildren(
      ...attachments.map((a) => {
        const tr = document.createElement('tr');
        const open = cell('', cols.open ?? '', { className: 'cell-actions' });
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'button button-secondary button-small';
        button.textContent = lang === 'vi' ? 'Mở' : 'Open';
        button.setAttribute('aria-label', t.openFile(a.fileName));
        button.dataset.openAttachment = a.attachmentId;
        button.addEventListener('click', () => void openAttachment(a, button));
        open.append(button);
        tr.append(
          cell(docName(a.documentId), cols.document ?? '', { header: true, className: 'cell-text' }),
          cell(a.fileName, cols.file ?? '', { className: 'code' }),
          cell(fileSize(a.sizeBytes, lang), cols.size ?? '', { className: 'num' }),
          cell(a.status === 'uploaded' ? t.uploaded : t.pending, cols.status ?? ''),
          open,
        );
        return tr;
      }),
    );
  }

  async function openAttachment(a: AttachmentView, button: HTMLButtonElement): Promise<void> {
    if (!dossier) return;
    // Opened now, while the click still counts as the user's: a tab opened after the request would be blocked.
    const tab = window.open('about:blank', '_blank');
    button.disabled = true;
    attachmentStatus.textContent = t.opening;
    try {
      const link = await getAttachmentLink(dossier.dossierId, a.attachmentId, options);
      const href = new URL(link.url, location.href).toString();
      if (tab) {
        tab.opener = null;
        tab.location.replace(href);
        attachmentStatus.textContent = t.opened(a.fileName);
      } else {
        const anchor = Object.assign(document.createElement('a'), { href, target: '_blank', rel: 'noopener noreferrer', textContent: t.fileLink(a.fileName) });
        attachmentStatus.replaceChildren(`${t.blocked} `, anchor);
      }
    } catch (error) {
      tab?.close();
      attachmentStatus.textContent = errorText(error, lang);
    } finally {
      button.disabled = false;
    }
  }

  function renderHistory(history: HistoryEntry[]): void {
    const cols = columnLabels(historyTable);
    const actor = (h: HistoryEntry) => (h.by ? personText(h.by, session.me.userId, lang) : h.actor === 'applicant' ? t.applicant : h.actor === 'system' ? t.system : t.officer);
    historyBody.replaceChildren(
      ...[...history]
        .sort((a, b) => a.at.localeCompare(b.at))
        .map((h) => {
          const tr = document.createElement('tr');
          const details: string[] = [];
          if (h.missing?.length) details.push(`${t.missing}${h.missing.map(docName).join('; ')}`);
          if (h.newDueDate) details.push(t.newDue(displayDay(h.newDueDate)));
          if (h.reason) details.push(h.reason);
          const what = h.from && h.from !== h.to ? `${actionLabel(h.action, lang)} → ${stateLabel(h.to, lang)}` : actionLabel(h.action, lang);
          tr.append(
            cell(vietnamDateTime(h.at), cols.when ?? '', { className: 'nowrap' }),
            cell(what, cols.what ?? ''),
            cell(actor(h), cols.who ?? ''),
            cell(details.join(' · '), cols.details ?? '', { className: 'cell-text' }),
          );
          return tr;
        }),
    );
  }

  /* ---- Actions ---- */

  let acting: OfficerAction | null = null;
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
    const docs = procedure?.documents ?? [];
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
        option.selected = dossier?.assignee ? p.userId === dossier.assignee.userId : p.userId === session.me.userId;
        return option;
      }),
    );
  }

  function openAction(action: OfficerAction, opener: HTMLElement): void {
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
    reasonHint.textContent = root.dataset.reasonHint ?? '';
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
        render(updated);
        showResult(result, 'success', actionDone(action, updated.state, lang), { focus: true });
      })
      .catch(async (error: unknown) => {
        actionStatus.textContent = '';
        if (error instanceof ApiError && error.status === 409) {
          // Someone else changed it first (conflict), or the state no longer allows it: show the dossier as it is now.
          const fresh = conflictingDossier(error) ?? (await getDossier(dossierId, options).catch(() => undefined));
          dialog.close();
          if (fresh) render(fresh);
          const refusal = (error.problem as { refusal?: string; detail?: string } | undefined)?.refusal;
          const text = error.code === 'conflict' ? conflictText(fresh, session.me.userId, lang) : refusal ? `${error.title}: ${errorCodeText(refusal, lang)}.` : error.title;
          showResult(result, 'warning', text, { focus: true });
          return;
        }
        showApiError(errorText(error, lang));
      })
      .finally(() => {
        submit.disabled = false;
        submit.removeAttribute('aria-busy');
      });
  });

  /* ---- Loading ---- */

  async function load(): Promise<void> {
    if (!DOSSIER_ID.test(dossierId)) return fail(t.badAddress);
    try {
      const d = await getDossier(dossierId, options);
      procedure = await getProcedureLayout(d.procedureId, { lang }).catch(() => null);
      render(d);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return fail(t.notFound);
      if (error instanceof ApiError && error.status === 403) return fail(t.forbidden);
      fail(errorText(error, lang));
    }
  }

  window.addEventListener('hashchange', () => location.reload());
  void load();
}

/**
 * Browser side of the officer's dossier page (views/OfficerDossier.astro): GET /api/dossiers/{id}
 * (the id from the fragment) and the procedure's layout (GET /api/procedures/{code}), the actions of
 * `availableActions` in one dialog (POST /api/dossiers/{id}/actions with the version read), a 409
 * re-rendering the fresh dossier from the problem's `current`, attachments opened from a
 * short-lived link in a new tab.
 */
import type { AttachmentView, DossierView, HistoryEntry } from '@portal/shared/dossiers/api';
import { OFFICER_ACTIONS } from '@portal/shared/dossiers/lifecycle';
import { unitName } from '@portal/shared/units';
import { ApiError } from './api';
import { initDepartmentGate, type DepartmentSession } from './department-gate';
import type { Lang } from './i18n';
import { carryToCounterpart } from './lang-switch';
import { actionDialog, WARNING_ACTIONS } from './officer-action-dialog';
import { getAttachmentLink, getDossier, getProcedureLayout, type ProcedureLayout } from './officer-api';
import { OFFICER_DOSSIER_TEXT } from './officer-dossier-texts';
import { APPRAISAL_OUTCOME_LABELS, actionLabel, displayDay, dueText, feeText, personText, rememberedFiltersHash, stateLabel } from './officer-format';
import { formDataSections } from './officer-form-view';
import { vietnamDateTime } from './payments-format';
import { cell, columnLabels, errorText, required, showResult } from './staff-page';

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

  const dossierId = decodeURIComponent(location.hash.replace(/^#/, ''));
  carryToCounterpart(location.hash);
  // "Back to the list" keeps the filters the officer was working with.
  const inboxLink = document.querySelector<HTMLAnchorElement>('[data-inbox-link]');
  if (inboxLink) inboxLink.href = `${inboxLink.pathname}${rememberedFiltersHash()}`;
  let dossier: DossierView | null = null;
  let procedure: ProcedureLayout | null = null;
  const actionsDialog = actionDialog({
    lang,
    session,
    dossier: () => dossier,
    procedure: () => procedure,
    reasonHint: root.dataset.reasonHint ?? '',
    changed: (fresh, kind, text) => {
      if (fresh) render(fresh);
      showResult(result, kind, text, { focus: true });
    },
  });

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
        button.addEventListener('click', () => actionsDialog.open(action, button));
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

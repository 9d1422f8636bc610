/**
 * Browser side of the applicant's dossier page (/ho-so/chi-tiet/#<dossierId>): GET /api/dossiers/{id}
 * drawn with what the applicant may do now (`availableActions`): pay the fee, answer a supplement
 * request (documents here, the form in the wizard, then "Nộp bổ sung" = POST …/submit on the same
 * dossier), withdraw after a confirmation, download the licence once issued.
 */
import type { DossierView, HistoryEntry } from '@portal/shared/dossiers/api';
import type { Procedure } from '@portal/shared/procedures/catalogue';
import { ApiError } from './api';
import { signInHref } from './auth';
import { updateAuthLink } from './auth-link';
import { renderDocuments, type DocumentsPanel } from './dossier-documents';
import { DUE_STATE_LABELS, TYPE_NAMES, dossierIdFromHash, formatBytes, missingItems, stateLabel, stateTone, vietnamDateTime, vietnamDay } from './dossier-format';
import { attachmentUrl, downloadLicence, getApplyProcedure, getDossier, payDossierFee, submitDossier, withdrawDossier } from './dossiers-api';
import { formatFee, procedureName } from './format';
import { pagePath, type Lang } from './i18n';
import { carryToCounterpart } from './lang-switch';
import { clearToken, getToken } from './session';
import { DOSSIER_DETAIL_TEXT } from './dossier-detail-texts';
import { leaveForPayment } from './payment-memory';
import { mountDossierRating } from './rating-panel';

function required<T extends Element>(root: ParentNode, selector: string): T {
  const element = root.querySelector<T>(selector);
  if (!element) throw new Error(`dossier detail: missing ${selector}`);
  return element;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

export function initDossierDetail(root: HTMLElement): void {
  const lang: Lang = root.dataset.lang === 'en' ? 'en' : 'vi';
  const t = DOSSIER_DETAIL_TEXT[lang];
  const status = required<HTMLElement>(root, '[data-status]');
  const signedOut = required<HTMLElement>(root, '[data-signed-out]');
  const errorBox = required<HTMLElement>(root, '[data-error]');
  const retry = required<HTMLButtonElement>(errorBox, '[data-retry]');
  const content = required<HTMLElement>(root, '[data-content]');
  const supplement = required<HTMLElement>(content, '[data-supplement]');
  const documentsSection = required<HTMLElement>(content, '[data-documents-section]');
  const actions = required<HTMLElement>(content, '[data-applicant-actions]');
  const resubmit = required<HTMLButtonElement>(actions, '[data-resubmit]');
  const withdraw = required<HTMLButtonElement>(actions, '[data-withdraw]');
  const withdrawBox = required<HTMLElement>(content, '[data-withdraw-box]');
  const reasonInput = required<HTMLTextAreaElement>(withdrawBox, '[data-field="reason"]');
  const payButton = required<HTMLButtonElement>(content, '[data-pay]');
  const licence = required<HTMLElement>(content, '[data-licence]');
  let dossier: DossierView | undefined;
  let procedure: Procedure | undefined;
  let documents: DocumentsPanel | undefined;
  /** Attachments present when the supplement page opened: a new one ticks its checklist item. */
  let attachmentsAtLoad = new Set<string>();

  const token = getToken();
  const say = (text: string) => {
    status.textContent = text;
  };

  function showError(title: string | null, message: string, items: HTMLElement[] = [], canRetry = false): void {
    if (title) required<HTMLElement>(errorBox, '[data-error-title]').textContent = title;
    required<HTMLElement>(errorBox, '[data-error-message]').textContent = message;
    required<HTMLElement>(errorBox, '[data-error-list]').replaceChildren(...items);
    retry.hidden = !canRetry;
    errorBox.hidden = false;
    errorBox.focus();
  }

  function signOutAndAsk(message: string): void {
    clearToken();
    updateAuthLink();
    required<HTMLAnchorElement>(signedOut, '[data-sign-in]').href = signInHref(`${location.pathname}${location.hash}`, lang);
    signedOut.hidden = false;
    content.hidden = true;
    say(message);
  }

  const slot = (name: string, text: string): HTMLElement => {
    const node = required<HTMLElement>(content, `[data-slot="${name}"]`);
    node.textContent = text;
    return node;
  };
  const row = (name: string, visible: boolean) => {
    required<HTMLElement>(content, `[data-row="${name}"]`).hidden = !visible;
  };

  function docName(id: string): string | undefined {
    const d = procedure?.documents.find((x) => x.id === id);
    return d ? (lang === 'vi' ? d.nameVi : d.nameEn) : undefined;
  }

  function drawChecklist(): void {
    if (!dossier?.supplement) return;
    const current = documents?.attachments() ?? dossier.attachments;
    required<HTMLElement>(supplement, '[data-checklist]').replaceChildren(
      ...dossier.supplement.missing.map((item) => {
        const name = docName(item);
        if (!name) return el('li', {}, `${item} (${t.textItem})`);
        const added = current.some((a) => a.documentId === item && !attachmentsAtLoad.has(a.attachmentId));
        const li = el('li', {}, `${name} — ${added ? t.added : t.notYet}`);
        if (added) li.dataset.checked = '';
        return li;
      }),
    );
  }

  function drawHistory(history: readonly HistoryEntry[]): void {
    required<HTMLElement>(content, '[data-history]').replaceChildren(
      ...[...history].reverse().map((h) => {
        const li = el('li');
        const time = el('time', { datetime: h.at }, vietnamDateTime(h.at));
        const what = el('strong', {}, t.action[h.action] ?? h.action);
        li.append(time, what, ` — ${stateLabel(h.to, lang)} (${t.actor[h.actor]}${h.by ? `: ${h.by.name}` : ''})`);
        const notes = [
          h.reason ? `${t.reasonLine} ${h.reason}` : '',
          h.missing?.length ? h.missing.map((m) => `• ${docName(m) ?? m}`).join('\n') : '',
          h.newDueDate ? `${t.newDue} ${vietnamDay(h.newDueDate)}` : '',
        ].filter(Boolean);
        if (notes.length) li.append(el('p', { class: 'timeline-note' }, notes.join('\n')));
        return li;
      }),
    );
  }

  function draw(d: DossierView): void {
    dossier = d;
    const mayEdit = d.state === 'draft' || d.state === 'supplement_requested';
    slot('procedure', procedure ? procedureName(procedure, lang) : d.procedureId);
    slot('code', d.code ?? t.noCode);
    const tag = slot('state', stateLabel(d.state, lang));
    tag.dataset.tone = stateTone(d.state);
    tag.dataset.state = d.state;
    slot('submittedAt', d.submittedAt ? vietnamDateTime(d.submittedAt) : '');
    row('submittedAt', !!d.submittedAt);
    slot('receivedAt', d.receivedAt ? vietnamDateTime(d.receivedAt) : '');
    row('receivedAt', !!d.receivedAt);
    slot('dueDate', d.dueDate ? vietnamDay(d.dueDate) : t.dueAfterFee);
    const due = slot('dueState', d.dueState && d.dueDate ? DUE_STATE_LABELS[d.dueState][lang] : '');
    due.hidden = !(d.dueState && d.dueDate);
    if (d.dueState) due.dataset.due = d.dueState;
    slot('dueNote', [
      d.originalDueDate && d.originalDueDate !== d.dueDate ? t.rescheduled(vietnamDay(d.originalDueDate)) : '',
      d.state === 'supplement_requested' ? t.clockPaused : '',
    ].filter(Boolean).join(' '));
    row('dueDate', d.state !== 'draft' && (!!d.dueDate || d.state === 'awaiting_fee' || d.state === 'submitted'));
    const visit = d.appraisal?.visit;
    const outcome = d.appraisal?.outcome;
    slot('visit', [visit ? t.visit(vietnamDay(visit.date), visit.team.join(', ')) : '', outcome ? t.outcomeLine(t.outcome[outcome], d.appraisal?.remediationDeadline ? vietnamDay(d.appraisal.remediationDeadline) : undefined) : ''].filter(Boolean).join('. '));
    row('visit', !!visit || !!outcome);
    const amount = formatFee(d.fee.amountVnd, lang);
    slot('fee', d.fee.amountVnd === 0 || d.fee.status === 'not_required' ? t.feeNone : d.fee.status === 'paid' ? t.feePaid(amount, d.fee.paidAt ? vietnamDateTime(d.fee.paidAt) : undefined) : t.feeUnpaid(amount, d.fee.due));
    row('fee', d.state !== 'draft');
    payButton.hidden = !(d.fee.status === 'unpaid' && d.fee.amountVnd > 0 && !['draft', 'withdrawn', 'refused', 'rejected', 'stopped'].includes(d.state));
    slot('decision', d.decisionReason ?? '');
    row('decision', !!d.decisionReason);

    // Supplement: the checklist and the note; documents editable while the applicant may edit.
    supplement.hidden = d.state !== 'supplement_requested' || !d.supplement;
    if (d.supplement) {
      slot('note', d.supplement.note ?? '');
      required<HTMLElement>(supplement, '[data-note-block]').hidden = !d.supplement.note;
      required<HTMLAnchorElement>(supplement, '[data-edit-form]').href = `${pagePath('applyDossier', lang)}?${lang === 'vi' ? 'ho-so' : 'dossier'}=${d.dossierId}`;
    }
    const host = required<HTMLElement>(documentsSection, '[data-documents]');
    const readonly = required<HTMLElement>(documentsSection, '[data-documents-readonly]');
    if (mayEdit && d.state === 'supplement_requested' && procedure) {
      attachmentsAtLoad = new Set(d.attachments.map((a) => a.attachmentId));
      documents = renderDocuments(host, procedure, d, { lang, token: token!, highlight: d.supplement?.missing ?? [], announce: say, onChange: drawChecklist });
      host.hidden = false;
      readonly.hidden = true;
    } else {
      documents = undefined;
      host.hidden = true;
      host.replaceChildren();
      readonly.replaceChildren(
        ...d.attachments.map((a) => {
          const li = el('li', {}, `${docName(a.documentId) ?? a.documentId}: ${a.fileName} (${TYPE_NAMES[a.contentType] ?? a.contentType}, ${formatBytes(a.sizeBytes, lang)}) `);
          const open = el('button', { type: 'button', class: 'link-button', 'aria-label': t.openFile(a.fileName), 'data-open': a.attachmentId }, t.open);
          open.addEventListener('click', () => openAttachment(d.dossierId, a.attachmentId, open));
          li.append(open);
          return li;
        }),
      );
      readonly.hidden = d.attachments.length === 0;
    }
    documentsSection.hidden = d.attachments.length === 0 && !documents;
    drawChecklist();

    // What the applicant may do now.
    resubmit.hidden = !(d.state === 'supplement_requested' && d.availableActions.includes('submit'));
    const continueLink = required<HTMLAnchorElement>(actions, '[data-continue]');
    continueLink.hidden = d.state !== 'draft';
    continueLink.href = `${pagePath('applyDossier', lang)}?${lang === 'vi' ? 'ho-so' : 'dossier'}=${d.dossierId}`;
    withdraw.hidden = !d.availableActions.includes('withdraw');
    actions.hidden = resubmit.hidden && continueLink.hidden && withdraw.hidden;
    withdrawBox.hidden = true;

    // The result.
    licence.hidden = !(d.state === 'result_issued' && d.licenceNumber);
    if (d.licenceNumber) {
      slot('licenceNumber', d.licenceNumber);
      required<HTMLAnchorElement>(licence, '[data-verify]').href = `${pagePath('licenceVerify', lang)}${encodeURIComponent(d.licenceNumber)}`;
    }
    mountDossierRating(required<HTMLElement>(content, '[data-rating]'), d, { lang, token: token! });
    drawHistory(d.history);
    content.hidden = false;
  }

  /** A short-lived link to one of the applicant's files, opened in a new tab (or this one if tabs are blocked). */
  function openAttachment(dossierId: string, attachmentId: string, button: HTMLButtonElement): void {
    if (button.disabled) return;
    button.disabled = true;
    // Opened now, while the tap still counts as the user's, then pointed at the file.
    const tab = window.open('', '_blank');
    attachmentUrl(dossierId, attachmentId, { lang, token: token! })
      .then(({ url }) => {
        if (tab) {
          tab.opener = null;
          tab.location.href = url;
        } else location.assign(url);
      })
      .catch((error: unknown) => {
        tab?.close();
        if (error instanceof ApiError && error.status === 401) return signOutAndAsk(t.expired);
        showError(null, error instanceof ApiError ? error.title : t.fallback);
      })
      .finally(() => {
        button.disabled = false;
      });
  }

  async function load(): Promise<void> {
    const id = dossierIdFromHash(location.hash);
    errorBox.hidden = true;
    if (!id) {
      say('');
      return showError(null, t.noId);
    }
    carryToCounterpart(`#${id}`);
    if (!token) {
      say('');
      required<HTMLAnchorElement>(signedOut, '[data-sign-in]').href = signInHref(`${location.pathname}${location.hash}`, lang);
      signedOut.hidden = false;
      return;
    }
    try {
      const d = await getDossier(id, { lang, token });
      procedure = await getApplyProcedure(d.procedureId, { lang }).catch(() => undefined);
      draw(d);
      say('');
    } catch (error) {
      say('');
      if (error instanceof ApiError && error.status === 401) return signOutAndAsk(t.expired);
      if (error instanceof ApiError && (error.status === 404 || error.status === 400 || error.status === 403)) return showError(null, t.notFound);
      showError(null, error instanceof ApiError ? error.title : t.fallback, [], true);
    }
  }

  async function reloadAfterConflict(): Promise<void> {
    if (!dossier) return;
    const fresh = await getDossier(dossier.dossierId, { lang, token: token! }).catch(() => undefined);
    if (fresh) draw(fresh);
    showError('', t.conflict);
  }

  resubmit.addEventListener('click', () => {
    if (!dossier || resubmit.disabled) return;
    if (documents?.busy()) return say(t.busy);
    resubmit.disabled = true;
    const label = resubmit.textContent;
    resubmit.textContent = resubmit.dataset.busyLabel ?? label;
    errorBox.hidden = true;
    submitDossier(dossier.dossierId, dossier.version, { lang, token: token! })
      .then((d) => {
        draw(d);
        say(t.resubmitted);
        required<HTMLElement>(content, '[data-slot="state"]').scrollIntoView({ block: 'center' });
      })
      .catch(async (error: unknown) => {
        if (error instanceof ApiError && error.status === 401) return signOutAndAsk(t.expired);
        if (error instanceof ApiError && error.code === 'conflict') return reloadAfterConflict();
        const items = missingItems(error instanceof ApiError ? error.problem?.errors : undefined);
        if (items.length && dossier) {
          const editForm = `${pagePath('applyDossier', lang)}?${lang === 'vi' ? 'ho-so' : 'dossier'}=${dossier.dossierId}`;
          const docs = items.filter((i) => i.kind === 'document').map((i) => i.id);
          documents?.showMissing(docs);
          return showError(
            t.incomplete,
            '',
            items.map((item) => {
              const li = el('li');
              const a = el('a', { href: item.kind === 'document' ? `#doc-${item.id}` : editForm }, item.message);
              if (item.kind === 'document') {
                a.addEventListener('click', (e) => {
                  e.preventDefault();
                  documents?.focusDocument(item.id);
                });
              }
              li.append(a);
              return li;
            }),
          );
        }
        showError(null, error instanceof ApiError ? error.title : t.fallback);
      })
      .finally(() => {
        resubmit.disabled = false;
        resubmit.textContent = label;
      });
  });

  withdraw.addEventListener('click', () => {
    withdrawBox.hidden = false;
    reasonInput.value = '';
    withdrawBox.focus();
  });
  required<HTMLButtonElement>(withdrawBox, '[data-withdraw-cancel]').addEventListener('click', () => {
    withdrawBox.hidden = true;
    withdraw.focus();
  });
  required<HTMLButtonElement>(withdrawBox, '[data-withdraw-confirm]').addEventListener('click', (event) => {
    const confirm = event.currentTarget as HTMLButtonElement;
    if (!dossier || confirm.disabled) return;
    const reason = reasonInput.value.trim();
    const reasonError = required<HTMLElement>(withdrawBox, '[data-error-for="reason"]');
    const bad = reason.length > 0 && reason.length < 5;
    reasonError.hidden = !bad;
    reasonError.textContent = bad ? t.reasonShort : '';
    required<HTMLElement>(withdrawBox, '[data-group="reason"]').classList.toggle('form-group-error', bad);
    if (bad) {
      reasonInput.setAttribute('aria-invalid', 'true');
      reasonInput.focus();
      return;
    }
    reasonInput.removeAttribute('aria-invalid');
    confirm.disabled = true;
    withdrawDossier(dossier.dossierId, dossier.version, reason || undefined, { lang, token: token! })
      .then((d) => {
        draw(d);
        say(t.withdrawn);
        required<HTMLElement>(content, '[data-slot="state"]').scrollIntoView({ block: 'center' });
      })
      .catch(async (error: unknown) => {
        if (error instanceof ApiError && error.status === 401) return signOutAndAsk(t.expired);
        if (error instanceof ApiError && error.code === 'conflict') return reloadAfterConflict();
        showError(null, error instanceof ApiError ? error.title : t.fallback);
      })
      .finally(() => {
        confirm.disabled = false;
      });
  });

  payButton.addEventListener('click', () => {
    if (!dossier || payButton.disabled) return;
    payButton.disabled = true;
    payButton.setAttribute('aria-busy', 'true');
    payDossierFee(dossier.dossierId, { lang, token: token! })
      .then((opened) => leaveForPayment(opened, { lang }))
      .catch((error: unknown) => {
        payButton.disabled = false;
        payButton.removeAttribute('aria-busy');
        if (error instanceof ApiError && error.status === 401) return signOutAndAsk(t.expired);
        showError(null, error instanceof ApiError ? error.title : t.fallback);
      });
  });

  required<HTMLButtonElement>(licence, '[data-download]').addEventListener('click', (event) => {
    const button = event.currentTarget as HTMLButtonElement;
    if (!dossier?.licenceNumber || button.disabled) return;
    button.disabled = true;
    say(t.downloading);
    downloadLicence(dossier.dossierId, dossier.licenceNumber, { lang, token: token! })
      .then(({ blob, filename }) => {
        const url = URL.createObjectURL(blob);
        const a = el('a', { href: url, download: filename, hidden: '' });
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
        say(t.downloaded);
      })
      .catch((error: unknown) => {
        say('');
        if (error instanceof ApiError && error.status === 401) return signOutAndAsk(t.expired);
        showError(null, error instanceof ApiError ? error.title : t.fallback);
      })
      .finally(() => {
        button.disabled = false;
      });
  });

  retry.addEventListener('click', () => void load());
  window.addEventListener('hashchange', () => void load());
  void load();
}

/**
 * Browser side of the apply wizard (/ho-so/nop/?thu-tuc=<code> or ?ho-so=<dossierId>):
 *
 *   form steps (dossier-form.ts renders each; the shared rules check the step before it is saved)
 *     → every "Tiếp tục" saves: POST /api/dossiers the first time (the address then carries
 *       ?ho-so=<id> so a reload or another device resumes), PATCH with the version after
 *   → documents (dossier-documents.ts: checked here, presigned PUT with progress, remove)
 *   → review (everything entered, documents, fee, time limit) → POST …/submit
 *       422: what is missing, each item a link to its step/field or document
 *   → acknowledgement of receipt (code, due date; printable) and "Nộp phí trực tuyến" when due.
 */
import type { DossierView } from '@portal/shared/dossiers/api';
import type { Problem } from '@portal/shared/errors';
import type { Procedure } from '@portal/shared/procedures/catalogue';
import { validateDossierData, type FormIssue } from '@portal/shared/procedures/form-rules';
import { ApiError } from './api';
import { listMissingDocuments, listSubmitProblems, renderAcknowledgement, renderReview } from './apply-review';
import { APPLY_TEXT } from './apply-texts';
import { signInHref } from './auth';
import { updateAuthLink } from './auth-link';
import { el, required as requiredIn } from './dom';
import { renderDocuments, type DocumentsPanel } from './dossier-documents';
import { renderStep } from './dossier-form';
import { showIssues } from './dossier-form-issues';
import { readStep } from './dossier-form-values';
import { missingItems, stepOfField, type MissingItem } from './dossier-format';
import { openApplication, type Opening } from './apply-start';
import { createDossier, getDossier, payDossierFee, saveDossier, submitDossier } from './dossiers-api';
import { procedureName } from './format';
import { pagePath, type Lang } from './i18n';
import { carryToCounterpart } from './lang-switch';
import { clearToken, getToken } from './session';
import { leaveForPayment } from './payment-memory';

const required = <T extends Element>(root: ParentNode, selector: string): T => requiredIn<T>(root, selector, 'apply');

/** A 422's field errors as form issues (the API's message is already in the page language). */
function issuesFrom(items: readonly MissingItem[]): FormIssue[] {
  return items.filter((i) => i.kind === 'field').map((i) => ({ field: i.id, path: i.path, messageVi: i.message, messageEn: i.message }));
}

export function initApply(root: HTMLElement): void {
  const lang: Lang = root.dataset.lang === 'en' ? 'en' : 'vi';
  const t = APPLY_TEXT[lang];
  const params = new URLSearchParams(location.search);
  const code = params.get(lang === 'vi' ? 'thu-tuc' : 'procedure') ?? params.get('thu-tuc') ?? params.get('procedure');
  const resumeId = params.get(lang === 'vi' ? 'ho-so' : 'dossier') ?? params.get('ho-so') ?? params.get('dossier');

  const status = required<HTMLElement>(root, '[data-status]');
  const nameLine = required<HTMLElement>(root, '[data-procedure-name]');
  const signedOut = required<HTMLElement>(root, '[data-signed-out]');
  const pageError = required<HTMLElement>(root, '[data-page-error]');
  const wizard = required<HTMLElement>(root, '[data-wizard]');
  const stepCount = required<HTMLElement>(wizard, '[data-step-count]');
  const stepList = required<HTMLElement>(wizard, '[data-step-list]');
  const stepForm = required<HTMLFormElement>(wizard, '[data-step-form]');
  const stepTitle = required<HTMLElement>(stepForm, '[data-step-title]');
  const container = required<HTMLElement>(stepForm, '[data-form-container]');
  const nextButton = required<HTMLButtonElement>(stepForm, '[data-next]');
  const backButton = required<HTMLButtonElement>(stepForm, '[data-back]');
  const documentsStep = required<HTMLElement>(wizard, '[data-documents-step]');
  const documentsErrors = required<HTMLElement>(documentsStep, '[data-documents-errors]');
  const reviewStep = required<HTMLElement>(wizard, '[data-review-step]');
  const submitErrors = required<HTMLElement>(reviewStep, '[data-submit-errors]');
  const submitButton = required<HTMLButtonElement>(reviewStep, '[data-submit]');
  const done = required<HTMLElement>(root, '[data-done]');

  const token = getToken();
  let procedure: Procedure;
  let dossier: DossierView | undefined;
  let data: Record<string, unknown> = {};
  let index = 0;
  let documents: DocumentsPanel | undefined;
  // Issues to show once a step is drawn (from a 422 on submit).
  let pendingIssues: FormIssue[] = [];

  const say = (text: string) => {
    status.textContent = text;
  };
  const steps = () => procedure.form.steps;
  const total = () => steps().length + 2;
  const titleOf = (i: number) => (i < steps().length ? (lang === 'vi' ? steps()[i]!.titleVi : steps()[i]!.titleEn) : i === steps().length ? t.documents : t.review);

  function fail(title: string, message: string, items: HTMLElement[] = []): void {
    say('');
    required<HTMLElement>(pageError, '[data-page-error-title]').textContent = title;
    required<HTMLElement>(pageError, '[data-page-error-message]').textContent = message;
    required<HTMLElement>(pageError, '[data-page-error-list]').replaceChildren(...items);
    pageError.hidden = false;
    pageError.focus();
  }

  function showSignIn(message = ''): void {
    required<HTMLAnchorElement>(signedOut, '[data-sign-in]').href = signInHref(`${location.pathname}${location.search}`, lang);
    signedOut.hidden = false;
    wizard.hidden = true;
    say(message);
  }

  /** Handles what every call may answer; true when it did. */
  function handledCommon(error: unknown): boolean {
    if (error instanceof ApiError && error.status === 401) {
      clearToken();
      updateAuthLink();
      showSignIn(t.expired);
      return true;
    }
    return false;
  }

  function drawStepList(): void {
    const items: HTMLElement[] = [];
    for (let i = 0; i < total(); i++) {
      const li = el('li', {}, titleOf(i));
      if (i === index) li.setAttribute('aria-current', 'step');
      if (i < index) li.dataset.stepDone = '';
      items.push(li);
    }
    stepList.replaceChildren(...items);
    stepCount.textContent = t.stepOf(index + 1, total(), titleOf(index));
  }

  /**
   * Shows step `to`. Each step is a history entry of its own (same address), so the phone's back
   * button goes to the previous step rather than leaving the wizard.
   */
  function go(to: number, entry: 'push' | 'replace' | 'none' = 'push'): void {
    index = Math.max(0, Math.min(total() - 1, to));
    if (entry === 'push') history.pushState({ step: index }, '');
    else if (entry === 'replace') history.replaceState({ step: index }, '');
    pageError.hidden = true;
    stepForm.hidden = index >= steps().length;
    documentsStep.hidden = index !== steps().length;
    reviewStep.hidden = index !== steps().length + 1;
    drawStepList();
    if (index < steps().length) {
      const step = steps()[index]!;
      stepTitle.textContent = titleOf(index);
      renderStep(container, procedure.form, step.id, { lang, data, idPrefix: 'df' });
      backButton.hidden = index === 0;
      const issues = pendingIssues.filter((i) => stepOfField(procedure.form, i.field) === index);
      pendingIssues = [];
      if (issues.length) {
        showIssues(container, issues, lang);
        return;
      }
      stepTitle.focus();
    } else if (index === steps().length) {
      showDocuments();
    } else {
      showReview();
    }
  }

  /* ---------------------------------------------------------------------------------------------
   * Form steps
   * ------------------------------------------------------------------------------------------- */

  async function saveStep(values: Record<string, unknown>): Promise<void> {
    const options = { lang, token: token! };
    if (!dossier) {
      dossier = await createDossier(procedure.code, { ...data, ...values }, options);
      // From now on the address resumes this draft (here, after a reload, on another device via the list).
      const search = new URLSearchParams({ [lang === 'vi' ? 'ho-so' : 'dossier']: dossier.dossierId });
      history.replaceState({ step: index }, '', `${location.pathname}?${search.toString()}`);
      carryToCounterpart(`?${new URLSearchParams({ [lang === 'vi' ? 'dossier' : 'ho-so']: dossier.dossierId }).toString()}`);
    } else {
      dossier = await saveDossier(dossier.dossierId, values, dossier.version, options);
    }
    data = { ...dossier.data };
  }

  stepForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const step = steps()[index];
    if (!step || nextButton.disabled) return;
    const values = readStep(container);
    const merged = { ...data, ...values };
    const check = validateDossierData(procedure.form, merged, 'submit', { step: step.id });
    if (!check.ok) {
      const issues = check.issues.filter((i) => stepOfField(procedure.form, i.field) === index || i.field === '');
      if (issues.length) {
        showIssues(container, issues, lang);
        return;
      }
    }
    nextButton.disabled = true;
    const label = nextButton.textContent;
    nextButton.textContent = nextButton.dataset.busyLabel ?? label;
    saveStep(values)
      .then(() => {
        say(t.saved);
        go(index + 1);
      })
      .catch(async (error: unknown) => {
        if (handledCommon(error)) return;
        if (error instanceof ApiError && error.code === 'conflict' && dossier) {
          dossier = await getDossier(dossier.dossierId, { lang, token: token! }).catch(() => dossier);
          data = { ...dossier!.data };
          go(index, 'none');
          fail(t.conflict, '');
          return;
        }
        const items = missingItems(error instanceof ApiError ? error.problem?.errors : undefined);
        if (items.length) {
          showIssues(container, issuesFrom(items), lang);
          return;
        }
        fail(error instanceof ApiError ? error.title : t.fallback, '');
      })
      .finally(() => {
        nextButton.disabled = false;
        nextButton.textContent = label;
      });
  });
  backButton.addEventListener('click', () => go(index - 1));

  /* ---------------------------------------------------------------------------------------------
   * Documents
   * ------------------------------------------------------------------------------------------- */

  function showDocuments(): void {
    documentsErrors.hidden = true;
    const host = required<HTMLElement>(documentsStep, '[data-documents]');
    const onChange = (attachments: DossierView['attachments']) => {
      if (dossier) dossier = { ...dossier, attachments };
      // The list of missing documents follows the uploads once it is shown.
      if (documentsErrors.hidden || !documents) return;
      const missing = documents.missing().map((d) => d.id);
      if (missing.length) missingDocuments(missing);
      else documentsErrors.hidden = true;
    };
    if (!documents) documents = renderDocuments(host, procedure, dossier!, { lang, token: token!, announce: say, onChange });
    else documents.update({ ...dossier!, data });
    required<HTMLElement>(documentsStep, '#documents-title').focus();
  }

  function missingDocuments(ids: readonly string[]): void {
    listMissingDocuments(documentsErrors, ids, procedure, lang, (id) => documents?.focusDocument(id));
  }

  required<HTMLButtonElement>(documentsStep, '[data-documents-next]').addEventListener('click', () => {
    if (!documents) return;
    if (documents.busy()) return say(t.busy);
    const missing = documents.missing().map((d) => d.id);
    if (missing.length) {
      missingDocuments(missing);
      documents.showMissing(missing);
      documentsErrors.focus();
      return;
    }
    go(index + 1);
  });
  required<HTMLButtonElement>(documentsStep, '[data-documents-back]').addEventListener('click', () => go(index - 1));

  /* ---------------------------------------------------------------------------------------------
   * Review and submission
   * ------------------------------------------------------------------------------------------- */

  function showReview(): void {
    submitErrors.hidden = true;
    const attachments = documents?.attachments() ?? dossier?.attachments ?? [];
    renderReview(reviewStep, { procedure, data, attachments, lang, onEdit: (stepIndex) => go(stepIndex) });
  }

  function showSubmitProblems(problem: Problem | undefined, fallback: string): void {
    listSubmitProblems(submitErrors, problem, fallback, lang, {
      document: (id) => {
        go(steps().length);
        documents?.showMissing([id]);
        documents?.focusDocument(id);
      },
      field: (id, items) => {
        const at = stepOfField(procedure.form, id);
        pendingIssues = issuesFrom(items);
        go(at >= 0 ? at : 0);
      },
    });
  }

  submitButton.addEventListener('click', () => {
    if (!dossier || submitButton.disabled) return;
    submitButton.disabled = true;
    const label = submitButton.textContent;
    submitButton.textContent = submitButton.dataset.busyLabel ?? label;
    say(submitButton.dataset.busyLabel ?? '');
    submitDossier(dossier.dossierId, dossier.version, { lang, token: token! })
      .then(showDone)
      .catch(async (error: unknown) => {
        say('');
        if (handledCommon(error)) return;
        if (error instanceof ApiError && error.code === 'conflict' && dossier) {
          dossier = await getDossier(dossier.dossierId, { lang, token: token! }).catch(() => dossier);
          data = { ...dossier!.data };
          documents?.update(dossier!);
          showReview();
          showSubmitProblems(undefined, t.conflict);
          return;
        }
        const problem = error instanceof ApiError ? error.problem : undefined;
        // A missing document may have been removed on another device: read the files again.
        if (dossier && missingItems(problem?.errors).some((i) => i.kind === 'document')) {
          const fresh = await getDossier(dossier.dossierId, { lang, token: token! }).catch(() => undefined);
          if (fresh) {
            dossier = fresh;
            documents?.update({ ...fresh, data });
          }
        }
        showSubmitProblems(problem, error instanceof ApiError ? error.title : t.fallback);
      })
      .finally(() => {
        submitButton.disabled = false;
        submitButton.textContent = label;
      });
  });
  required<HTMLButtonElement>(reviewStep, '[data-review-back]').addEventListener('click', () => go(index - 1));

  /* ---------------------------------------------------------------------------------------------
   * The acknowledgement of receipt
   * ------------------------------------------------------------------------------------------- */

  function showDone(submitted: DossierView): void {
    dossier = submitted;
    wizard.hidden = true;
    nameLine.hidden = true;
    renderAcknowledgement(done, submitted, procedure, lang);
    done.hidden = false;
    say('');
    required<HTMLElement>(done, '[data-done-panel]').focus();
  }

  required<HTMLButtonElement>(done, '[data-print]').addEventListener('click', () => window.print());
  required<HTMLButtonElement>(done, '[data-pay]').addEventListener('click', (event) => {
    const pay = event.currentTarget as HTMLButtonElement;
    if (!dossier || pay.disabled) return;
    pay.disabled = true;
    pay.setAttribute('aria-busy', 'true');
    payDossierFee(dossier.dossierId, { lang, token: token! })
      .then((opened) => leaveForPayment(opened, { lang }))
      .catch((error: unknown) => {
        pay.disabled = false;
        pay.removeAttribute('aria-busy');
        if (handledCommon(error)) return;
        fail(error instanceof ApiError ? error.title : t.fallback, '');
      });
  });

  /* ---------------------------------------------------------------------------------------------
   * Start
   * ------------------------------------------------------------------------------------------- */

  async function start(): Promise<void> {
    if (!token) return showSignIn('');
    let opened: Opening;
    try {
      opened = await openApplication({ code, resumeId }, { lang, token });
    } catch (error) {
      if (handledCommon(error)) return;
      if (error instanceof ApiError && (error.status === 404 || error.status === 400)) return fail(t.notFound.title, t.notFound.text);
      return fail(t.loadFailed, error instanceof ApiError ? error.title : t.fallback);
    }
    if (opened.kind === 'elsewhere') return location.replace(opened.href);
    if (opened.kind === 'unavailable') return fail(t.unavailable.title, t.unavailable.text);
    if (opened.kind === 'no_procedure') {
      const link = el('li');
      link.append(el('a', { href: pagePath('procedures', lang) }, t.noProcedure.text));
      return fail(t.noProcedure.title, '', [link]);
    }
    ({ procedure, data, dossier } = opened);
    say(opened.message);
    nameLine.textContent = procedureName(procedure, lang);
    nameLine.hidden = false;
    wizard.hidden = false;
    go(dossier ? resumeAt() : 0, 'replace');
  }

  /** A resumed draft opens at its first step with something missing, else at the documents. */
  function resumeAt(): number {
    const at = steps().findIndex((step) => !validateDossierData(procedure.form, data, 'submit', { step: step.id }).ok);
    return at >= 0 ? at : steps().length;
  }

  window.addEventListener('popstate', (event) => {
    const step = (event.state as { step?: unknown } | null)?.step;
    if (typeof step !== 'number' || wizard.hidden || !done.hidden || !procedure) return;
    // Steps after the first need the saved draft.
    go(dossier ? step : 0, 'none');
  });

  void start();
}

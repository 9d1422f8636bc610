/**
 * What the apply wizard (apply-page.ts) draws from its state: the list of missing documents, the
 * submission's problems, the review step (everything entered, each step with a "Sửa" button, the documents, the fee and the
 * time limit) and the acknowledgement of receipt shown once the dossier is submitted.
 */
import type { DossierView } from '@portal/shared/dossiers/api';
import type { Problem } from '@portal/shared/errors';
import type { Procedure } from '@portal/shared/procedures/catalogue';
import { feeFor } from '@portal/shared/procedures/fees';
import { APPLY_TEXT } from './apply-texts';
import { el, required as requiredIn } from './dom';
import { documentRequired, missingItems, stateLabel, vietnamDateTime, vietnamDay, type MissingItem } from './dossier-format';
import { formatFee, formatTimeLimit, procedureName } from './format';
import { pagePath, type Lang } from './i18n';
import { formDataSections } from './officer-form-view';

const required = <T extends Element>(root: ParentNode, selector: string): T => requiredIn<T>(root, selector, 'apply');

/** The documents step's summary of what is missing: one link per document, which focuses its upload. */
export function listMissingDocuments(summary: HTMLElement, ids: readonly string[], procedure: Procedure, lang: Lang, focusDocument: (id: string) => void): void {
  const t = APPLY_TEXT[lang];
  required<HTMLElement>(summary, '[data-documents-errors-title]').textContent = t.missingDocsTitle;
  required<HTMLElement>(summary, '[data-documents-errors-list]').replaceChildren(
    ...ids.map((id) => {
      const doc = procedure.documents.find((d) => d.id === id);
      const li = el('li');
      const a = el('a', { href: `#doc-${id}` }, t.missingDoc(doc ? (lang === 'vi' ? doc.nameVi : doc.nameEn) : id));
      a.addEventListener('click', (e) => {
        e.preventDefault();
        focusDocument(id);
      });
      li.append(a);
      return li;
    }),
  );
  summary.hidden = false;
}

/**
 * The submission's 422 (or a conflict) in the review step's error summary: each missing field or
 * document a link that takes the applicant to it.
 */
export function listSubmitProblems(
  summary: HTMLElement,
  problem: Problem | undefined,
  fallback: string,
  lang: Lang,
  goTo: { document: (id: string) => void; field: (id: string, items: MissingItem[]) => void },
): void {
  const items = missingItems(problem?.errors);
  required<HTMLElement>(summary, '[data-submit-errors-title]').textContent = items.length ? APPLY_TEXT[lang].submitErrorsTitle : fallback;
  required<HTMLElement>(summary, '[data-submit-errors-list]').replaceChildren(
    ...items.map((item) => {
      const li = el('li');
      const a = el('a', { href: '#' }, item.message);
      a.addEventListener('click', (e) => {
        e.preventDefault();
        if (item.kind === 'document') goTo.document(item.id);
        else goTo.field(item.id, items);
      });
      li.append(a);
      return li;
    }),
  );
  summary.hidden = false;
  summary.focus();
}

export interface ReviewInput {
  procedure: Procedure;
  data: Record<string, unknown>;
  attachments: DossierView['attachments'];
  lang: Lang;
  /** "Sửa" on a section: go back to that form step. */
  onEdit: (stepIndex: number) => void;
}

/** Fills the review step (`[data-review-step]`) and moves focus to its heading. */
export function renderReview(reviewStep: HTMLElement, { procedure, data, attachments, lang, onEdit }: ReviewInput): void {
  const t = APPLY_TEXT[lang];
  const steps = procedure.form.steps;
  const review = required<HTMLElement>(reviewStep, '[data-review]');
  const sections = formDataSections(procedure.form, data, lang);
  review.replaceChildren(
    ...sections.flatMap((section) => {
      const stepIndex = steps.findIndex((s) => (lang === 'vi' ? s.titleVi : s.titleEn) === section.title);
      const head = el('div', { class: 'review-step' });
      head.append(el('h3', {}, section.title));
      if (stepIndex >= 0) {
        const edit = el('button', { type: 'button', class: 'link-button', 'aria-label': t.editStep(section.title) }, t.edit);
        edit.addEventListener('click', () => onEdit(stepIndex));
        head.append(edit);
      }
      const dl = el('dl', { class: 'summary-list' });
      for (const row of section.rows) {
        const div = el('div', { class: 'summary-row' });
        div.append(el('dt', {}, row.label));
        const dd = el('dd', { class: 'review-value' });
        if (row.items) {
          const ol = el('ol', { class: 'review-group' });
          for (const item of row.items) {
            const li = el('li');
            li.append(el('strong', {}, item.title), el('br'), item.rows.map((r) => `${r.label}: ${r.value || t.empty}`).join('\n'));
            ol.append(li);
          }
          dd.append(ol);
        } else dd.textContent = row.value || t.empty;
        div.append(dd);
        dl.append(div);
      }
      return [head, dl];
    }),
  );
  required<HTMLElement>(reviewStep, '[data-review-documents]').replaceChildren(
    ...procedure.documents
      .filter((d) => documentRequired(d, data) || attachments.some((a) => a.documentId === d.id))
      .map((d) => {
        const files = attachments.filter((a) => a.documentId === d.id).map((a) => a.fileName);
        return el('li', {}, `${lang === 'vi' ? d.nameVi : d.nameEn}: ${files.length ? files.join(', ') : t.noFile}`);
      }),
  );
  const quote = feeFor(procedure, data, new Date());
  required<HTMLElement>(reviewStep, '[data-review-fee]').textContent =
    quote.amountVnd > 0 ? `${formatFee(quote.amountVnd, lang)} (${t.feeDue[procedure.fee.due]})${procedure.fee.confirmed ? '' : `. ${t.feeUnconfirmed}`}` : formatFee(0, lang);
  required<HTMLElement>(reviewStep, '[data-review-time]').textContent =
    `${formatTimeLimit(procedure.timeLimit, lang)}${procedure.timeLimit.unit === 'immediate' ? '' : ` (${t.timeNote})`}`;
  required<HTMLElement>(reviewStep, '#review-title').focus();
}

/**
 * Fills the acknowledgement of receipt (`[data-done]`: code, procedure, applicant, documents, fee,
 * due date, state) and shows "Nộp phí trực tuyến" when a fee is still due.
 */
export function renderAcknowledgement(done: HTMLElement, submitted: DossierView, procedure: Procedure, lang: Lang): void {
  const t = APPLY_TEXT[lang];
  const slot = (name: string, text: string) => {
    required<HTMLElement>(done, `[data-slot="${name}"]`).textContent = text;
  };
  const feeDue = submitted.fee.status === 'unpaid' && submitted.fee.amountVnd > 0;
  required<HTMLElement>(done, '[data-done-title]').textContent = submitted.state === 'resubmitted' ? t.resubmittedTitle : t.doneTitle;
  required<HTMLElement>(done, '[data-done-text]').textContent = [t.doneText(submitted.code ?? ''), feeDue && submitted.fee.due === 'submission' ? t.doneFee(formatFee(submitted.fee.amountVnd, lang)) : '']
    .filter(Boolean)
    .join(' ');
  slot('code', submitted.code ?? '');
  slot('procedure', procedureName(procedure, lang));
  slot('applicant', submitted.applicantName);
  slot('submittedAt', submitted.submittedAt ? vietnamDateTime(submitted.submittedAt) : '');
  required<HTMLElement>(done, '[data-slot="documents"]').replaceChildren(
    ...procedure.documents
      .map((d) => ({ d, n: submitted.attachments.filter((a) => a.documentId === d.id).length }))
      .filter((x) => x.n > 0)
      .map((x) => el('li', {}, `${lang === 'vi' ? x.d.nameVi : x.d.nameEn} (${x.n})`)),
  );
  slot('fee', submitted.fee.amountVnd > 0 ? `${formatFee(submitted.fee.amountVnd, lang)} — ${submitted.fee.status === 'paid' ? t.feePaid : t.feeUnpaid}` : t.feeNone);
  slot('dueDate', submitted.dueDate ? vietnamDay(submitted.dueDate) : t.dueAfterFee);
  slot('state', stateLabel(submitted.state, lang));
  required<HTMLAnchorElement>(done, '[data-detail-link]').href = `${pagePath('dossierDetail', lang)}#${submitted.dossierId}`;
  required<HTMLButtonElement>(done, '[data-pay]').hidden = !feeDue;
}

/**
 * The owner's rating form on a finished dossier or a checked-in appointment (ADR 0026): five radio
 * buttons as one group with a legend, each with its words ("Rất không hài lòng" … "Rất hài lòng"),
 * an optional comment, and after sending "Bạn đã đánh giá … — sửa được đến <ngày>". Editable for 7
 * days (the form stays, filled in), then only the sentence. Built here so the pages only mount it.
 */
import type { DossierState } from '@portal/shared/dossiers/lifecycle';
import { COMMENT_MAX_LENGTH, SCORES, isDossierFinished, type Score, type SubjectType } from '@portal/shared/ratings/rules';
import { ApiError } from './api';
import { vietnamDateTime } from './dossier-format';
import type { Lang } from './i18n';
import { getMyRating, sendRating, type RatingView } from './ratings-api';
import { RATING_TEXT, scoreLabel } from './rating-texts';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

export interface RatingPanelOptions {
  lang: Lang;
  token: string;
  subject: { type: SubjectType; id: string };
  /** 3 inside a card that has its own h2 (an appointment in the list). */
  headingLevel?: 2 | 3;
}

/** A dossier's panel: only once the agency has finished with it (no request before then). */
export function mountDossierRating(host: HTMLElement, dossier: { dossierId: string; state: DossierState }, options: { lang: Lang; token: string }): void {
  if (isDossierFinished(dossier.state)) void mountRatingPanel(host, { ...options, subject: { type: 'dossier', id: dossier.dossierId } });
}

/** Reads the caller's rating and draws the panel into `host` (hidden while the item cannot be rated). */
export async function mountRatingPanel(host: HTMLElement, options: RatingPanelOptions): Promise<void> {
  const { lang, token, subject } = options;
  const t = RATING_TEXT[lang];
  const view = await getMyRating(subject.type, subject.id, { lang, token }).catch(() => undefined);
  if (!view?.rateable) {
    host.hidden = true;
    host.replaceChildren();
    return;
  }
  // Unique per item: the appointments list can hold several panels.
  const prefix = `rating-${subject.type}-${subject.id}`;
  const section = el('section', { class: 'panel rating-panel', 'aria-labelledby': `${prefix}-title`, 'data-rating-panel': '' });
  const title = el(options.headingLevel === 3 ? 'h3' : 'h2', { class: 'panel-title', id: `${prefix}-title` }, t.title);
  const done = el('p', { class: 'rating-done', 'data-rating-done': '' });
  const yourComment = el('p', { class: 'muted', 'data-rating-comment': '' });
  const form = el('form', { novalidate: '', 'data-rating-form': '' });
  const fieldset = el('fieldset', { class: 'fieldset', 'aria-describedby': `${prefix}-score-error` });
  fieldset.append(el('legend', { class: 'label' }, subject.type === 'dossier' ? t.questionDossier : t.questionAppointment));
  const scoreError = el('p', { class: 'error-message', id: `${prefix}-score-error`, hidden: '' }, t.chooseScore);
  const radios = el('div', { class: 'radios' });
  for (const score of SCORES) {
    const id = `${prefix}-score-${score}`;
    const item = el('div', { class: 'radio' });
    const input = el('input', { class: 'radio-input', type: 'radio', name: 'score', id, value: String(score) });
    const label = el('label', { class: 'radio-label', for: id });
    label.append(el('span', { class: 'rating-stars', 'aria-hidden': 'true' }, '★'.repeat(score) + '☆'.repeat(5 - score)), ` ${score} — ${scoreLabel(score, lang)}`);
    item.append(input, label);
    radios.append(item);
  }
  fieldset.append(scoreError, radios);
  const group = el('div', { class: 'form-group' });
  const comment = el('textarea', { class: 'input textarea', id: `${prefix}-comment`, maxlength: String(COMMENT_MAX_LENGTH), 'aria-describedby': `${prefix}-comment-hint`, rows: '3' });
  group.append(el('label', { class: 'label', for: `${prefix}-comment` }, t.comment), el('p', { class: 'hint', id: `${prefix}-comment-hint` }, t.commentHint), comment);
  const submit = el('button', { class: 'button', type: 'submit', 'data-rating-submit': '' }, t.submit);
  const status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite', 'data-rating-status': '' });
  form.append(fieldset, group, submit);
  section.append(title, done, yourComment, form, status);
  host.replaceChildren(section);
  host.hidden = false;

  function draw(v: RatingView): void {
    const r = v.rating;
    done.hidden = !r;
    yourComment.hidden = !r?.comment;
    if (r) {
      done.textContent = v.editable ? t.done(r.score as Score, vietnamDateTime(r.editableUntil)) : t.locked(r.score as Score);
      yourComment.textContent = r.comment ? `${t.yourComment} ${r.comment}` : '';
      for (const input of radios.querySelectorAll<HTMLInputElement>('input')) input.checked = input.value === String(r.score);
      comment.value = r.comment ?? '';
    }
    form.hidden = r !== undefined && !v.editable;
    submit.textContent = r ? t.update : t.submit;
  }
  draw(view);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (submit.disabled) return;
    const chosen = radios.querySelector<HTMLInputElement>('input:checked');
    scoreError.hidden = chosen !== null;
    if (!chosen) {
      radios.querySelector<HTMLInputElement>('input')?.focus();
      return;
    }
    submit.disabled = true;
    status.textContent = t.sending;
    const text = comment.value.trim();
    sendRating(subject.type, subject.id, { score: Number(chosen.value), ...(text ? { comment: text } : {}) }, { lang, token })
      .then((v) => {
        draw(v);
        status.textContent = t.sent;
      })
      .catch((error: unknown) => {
        status.textContent = error instanceof ApiError ? error.title : String(error);
      })
      .finally(() => {
        submit.disabled = false;
      });
  });
}

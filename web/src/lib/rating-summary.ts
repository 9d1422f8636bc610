/**
 * The public rating counts of a procedure (or hospital): mean, number of ratings and a 1–5
 * histogram as a table with bars (the bars are decoration; the numbers are text). Reads
 * GET /api/ratings/summary, which CloudFront may cache for 5 minutes.
 */
import { SCORES, sharesOf } from '@portal/shared/ratings/rules';
import type { Lang } from './i18n';
import { getRatingSummary } from './ratings-api';
import { RATING_TEXT, formatMean, scoreLabel } from './rating-texts';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

export async function initRatingSummary(root: HTMLElement): Promise<void> {
  const lang: Lang = root.dataset.lang === 'en' ? 'en' : 'vi';
  const scope = root.dataset.scope === 'hospital' ? 'hospital' : 'procedure';
  const id = root.dataset.id ?? '';
  const t = RATING_TEXT[lang];
  const body = root.querySelector<HTMLElement>('[data-summary-body]') ?? root;
  try {
    const summary = await getRatingSummary(scope, id, { lang });
    if (summary.count === 0 || summary.mean === null) {
      body.replaceChildren(el('p', { 'data-summary-mean': '' }, t.summaryNone));
      return;
    }
    const shares = sharesOf(summary);
    const table = el('table', { class: 'rating-histogram' });
    table.append(el('caption', { class: 'visually-hidden' }, t.summaryCaption));
    const head = el('tr');
    head.append(el('th', { scope: 'col' }, t.level), el('th', { scope: 'col' }, t.votes));
    const rows = [...SCORES].reverse().map((score) => {
      const tr = el('tr', { 'data-score': String(score) });
      const bar = el('span', { class: 'rating-bar', 'aria-hidden': 'true' });
      bar.style.width = `${shares[score]}%`;
      const count = el('td');
      count.append(el('span', { class: 'rating-bar-track', 'aria-hidden': 'true' }), t.summaryRow(summary.histogram[score], shares[score]));
      count.firstElementChild?.append(bar);
      tr.append(el('th', { scope: 'row' }, `${score} — ${scoreLabel(score, lang)}`), count);
      return tr;
    });
    table.append(el('thead'), el('tbody'));
    table.tHead?.append(head);
    table.tBodies[0]?.append(...rows);
    body.replaceChildren(el('p', { class: 'rating-mean', 'data-summary-mean': '' }, t.summaryMean(formatMean(summary.mean, lang), summary.count)), table);
  } catch {
    body.replaceChildren(el('p', { class: 'muted' }, t.summaryUnavailable));
  }
}

/** One line under the booking page's hospital choice: "Người bệnh đánh giá 4,5/5 (2 lượt)"; nothing before the first rating. */
export async function showHospitalRating(target: HTMLElement, hospitalId: string, lang: Lang): Promise<void> {
  target.textContent = '';
  if (!hospitalId) return;
  const summary = await getRatingSummary('hospital', hospitalId, { lang }).catch(() => undefined);
  if (summary?.mean === null || summary?.mean === undefined || summary.id !== hospitalId) return;
  target.textContent = RATING_TEXT[lang].hospitalLine(formatMean(summary.mean, lang), summary.count);
}

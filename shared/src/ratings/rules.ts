/**
 * Satisfaction ratings (đánh giá mức độ hài lòng, ADR 0026) as pure rules: which dossiers and
 * appointments may be rated, the 7-day edit window, and the aggregate maths. The service asks these
 * before every write and writes under conditions that make the table enforce the same answers.
 */
import type { AppointmentStatus } from '../booking/api';
import type { DossierState } from '../dossiers/lifecycle';

export const SCORES = [1, 2, 3, 4, 5] as const;
export type Score = (typeof SCORES)[number];

/** The words beside each score: the radio group's labels, Vietnamese first. */
export const SCORE_LABELS: Record<Score, { vi: string; en: string }> = {
  1: { vi: 'Rất không hài lòng', en: 'Very dissatisfied' },
  2: { vi: 'Không hài lòng', en: 'Dissatisfied' },
  3: { vi: 'Bình thường', en: 'Neutral' },
  4: { vi: 'Hài lòng', en: 'Satisfied' },
  5: { vi: 'Rất hài lòng', en: 'Very satisfied' },
};

export const COMMENT_MAX_LENGTH = 500;
/** A rating can be changed for 7 calendar days (7 × 24 h) after it was first given, then it is locked. */
export const EDIT_WINDOW_DAYS = 7;
const EDIT_WINDOW_MS = EDIT_WINDOW_DAYS * 86_400_000;

/**
 * Dossiers the agency has finished with: a result, a refusal at intake, a rejection, a stop. A
 * withdrawn dossier is not rated: the applicant ended it before the agency served them.
 */
export const RATEABLE_DOSSIER_STATES: readonly DossierState[] = ['result_issued', 'rejected', 'refused', 'stopped'];
/** An appointment is rated once the patient was checked in at the hospital. */
export const RATEABLE_APPOINTMENT_STATUSES: readonly AppointmentStatus[] = ['checked_in'];

export type SubjectType = 'dossier' | 'appointment';

export const isDossierFinished = (state: DossierState): boolean => RATEABLE_DOSSIER_STATES.includes(state);
export const isAppointmentFinished = (status: AppointmentStatus): boolean => RATEABLE_APPOINTMENT_STATUSES.includes(status);

export function editableUntil(ratedAt: string): string {
  return new Date(Date.parse(ratedAt) + EDIT_WINDOW_MS).toISOString();
}

export const isEditable = (ratedAt: string, now: Date): boolean => now.getTime() < Date.parse(ratedAt) + EDIT_WINDOW_MS;

export interface PriorRating {
  score: Score;
  ratedAt: string;
}

export type RatingPlan =
  | { ok: true; kind: 'create' }
  | { ok: true; kind: 'edit'; previous: PriorRating }
  | { ok: false; refusal: 'not_finished' | 'locked' };

/** May the owner rate (or re-rate) this item now? Ownership is checked before, by the policy. */
export function planRating(finished: boolean, existing: PriorRating | undefined, now: Date): RatingPlan {
  if (existing) return isEditable(existing.ratedAt, now) ? { ok: true, kind: 'edit', previous: existing } : { ok: false, refusal: 'locked' };
  return finished ? { ok: true, kind: 'create' } : { ok: false, refusal: 'not_finished' };
}

/** A trimmed comment, or none when only spaces were sent. */
export function normaliseComment(comment: string | undefined): string | undefined {
  const trimmed = comment?.normalize('NFC').trim();
  return trimmed ? trimmed : undefined;
}

/** What an aggregate (count, sum, one counter per score) gains from a rating or an edit. */
export interface AggregateDelta {
  count: number;
  sum: number;
  histogram: Partial<Record<Score, number>>;
}

export function aggregateDelta(previous: Score | undefined, next: Score): AggregateDelta {
  if (previous === undefined) return { count: 1, sum: next, histogram: { [next]: 1 } };
  if (previous === next) return { count: 0, sum: 0, histogram: {} };
  return { count: 0, sum: next - previous, histogram: { [previous]: -1, [next]: 1 } };
}

export const isEmptyDelta = (d: AggregateDelta): boolean => d.count === 0 && d.sum === 0 && Object.keys(d.histogram).length === 0;

/** Where a subject's ratings are counted: per procedure and unit, per hospital and specialty. */
export type RatingScope = 'procedure' | 'unit' | 'hospital' | 'specialty';
export const RATING_SCOPES: readonly RatingScope[] = ['procedure', 'unit', 'hospital', 'specialty'];

export interface ScopeRef {
  scope: RatingScope;
  id: string;
}

export function scopesOfDossier(d: { procedureId: string; unitId: string }): ScopeRef[] {
  return [{ scope: 'procedure', id: d.procedureId }, { scope: 'unit', id: d.unitId }];
}

/** A specialty's id is only unique within its hospital: `<hospital>.<specialty>`. */
export function scopesOfAppointment(a: { hospitalId: string; specialtyId: string }): ScopeRef[] {
  return [{ scope: 'hospital', id: a.hospitalId }, { scope: 'specialty', id: `${a.hospitalId}.${a.specialtyId}` }];
}

export interface AggregateCounts {
  count: number;
  sum: number;
  histogram: Record<Score, number>;
}

export const EMPTY_COUNTS: AggregateCounts = { count: 0, sum: 0, histogram: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } };

/** The mean to one decimal (4,3), or none before the first rating. */
export function meanOf(counts: Pick<AggregateCounts, 'count' | 'sum'>): number | null {
  return counts.count > 0 ? Math.round((counts.sum / counts.count) * 10) / 10 : null;
}

/** Share of each score in whole percent, for the histogram bars. */
export function sharesOf(counts: AggregateCounts): Record<Score, number> {
  const share = (n: number) => (counts.count > 0 ? Math.round((n / counts.count) * 100) : 0);
  return { 1: share(counts.histogram[1]), 2: share(counts.histogram[2]), 3: share(counts.histogram[3]), 4: share(counts.histogram[4]), 5: share(counts.histogram[5]) };
}

/**
 * The rating API in the browser (ADR 0026): the owner's own rating of a dossier or appointment, the
 * rating itself, and the public counts. Typed calls through api.ts (fetchWithSession underneath).
 */
import type { RatingSummary, RatingView } from '@portal/shared/ratings/api';
import type { SubjectType } from '@portal/shared/ratings/rules';
import { getJson, sendJson, type RequestOptions } from './api';
import { isObject, isString } from './dossier-guards';

export type { RatingSummary, RatingView };

const isScore = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 5;
const isCount = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v >= 0;

export function isRatingView(v: unknown): v is RatingView {
  if (!isObject(v) || typeof v.rateable !== 'boolean' || typeof v.editable !== 'boolean' || !isObject(v.subject)) return false;
  const r = v.rating;
  return r === undefined || (isObject(r) && isScore(r.score) && (r.comment === undefined || isString(r.comment)) && isString(r.ratedAt) && isString(r.editableUntil));
}

export function isRatingSummary(v: unknown): v is RatingSummary {
  return isObject(v) && isCount(v.count) && isCount(v.sum) && (v.mean === null || typeof v.mean === 'number') && isObject(v.histogram) && [1, 2, 3, 4, 5].every((s) => isCount((v.histogram as Record<string, unknown>)[s]));
}

const ratingPath = (type: SubjectType, id: string) => `/api/${type === 'dossier' ? 'dossiers' : 'appointments'}/${encodeURIComponent(id)}/rating`;

export function getMyRating(type: SubjectType, id: string, options: RequestOptions & { token: string }): Promise<RatingView> {
  return getJson(ratingPath(type, id), isRatingView, options);
}

export function sendRating(type: SubjectType, id: string, body: { score: number; comment?: string }, options: RequestOptions & { token: string }): Promise<RatingView> {
  return sendJson('PUT', ratingPath(type, id), body, isRatingView, options);
}

export function getRatingSummary(scope: 'procedure' | 'hospital', id: string, options: RequestOptions): Promise<RatingSummary> {
  return getJson(`/api/ratings/summary?${scope}=${encodeURIComponent(id)}`, isRatingSummary, options);
}

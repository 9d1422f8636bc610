/**
 * Satisfaction ratings (ADR 0026): the owner of a finished dossier or a checked-in appointment rates
 * it once, may change it for 7 days, and the counters of its procedure and unit (or hospital and
 * specialty) move in the same transaction. Two first ratings at once: the loser's transaction fails
 * on `attribute_not_exists`, re-reads, and goes through as an edit of the winner's — one rating,
 * counted once. Nothing here returns who rated: the public gets counts only.
 */
import { AppError } from '../platform/errors';
import { withRetries } from '../platform/retry';
import type { RatingSummary, RatingView, RateBody, SummaryQuery } from '@portal/shared/ratings/api';
import { canAccess } from '@portal/shared/policy';
import type { Principal } from '@portal/shared/roles';
import {
  aggregateDelta, editableUntil, isAppointmentFinished, isDossierFinished, isEditable, isEmptyDelta, meanOf, normaliseComment, planRating,
  scopesOfAppointment, scopesOfDossier, type RatingScope, type Score, type ScopeRef, type SubjectType,
} from '@portal/shared/ratings/rules';
import { vietnamDate } from '@portal/shared/vietnamese';
import { getAppointment } from '../repositories/appointments';
import { getDossier, type Deps as TableDeps } from '../repositories/dossiers';
import { getCounts, getRating, writeRating, type StoredRating } from '../repositories/ratings';

export interface RatingDeps extends TableDeps {
  now: () => Date;
}

interface Subject {
  finished: boolean;
  scopes: ScopeRef[];
}

/** The caller's own dossier or appointment; anyone else's is "not found", as on the other routes. */
async function ownSubject(deps: RatingDeps, principal: Principal, type: SubjectType, id: string): Promise<Subject> {
  if (type === 'dossier') {
    const d = await getDossier(deps, id, false);
    if (!d || principal.role === 'officer' || !canAccess(principal, { ownerId: d.ownerId, organisationId: d.organisationId })) throw new AppError('not_found');
    return { finished: isDossierFinished(d.state), scopes: scopesOfDossier(d) };
  }
  const a = await getAppointment(deps, id);
  if (!a || !canAccess(principal, { ownerId: a.userId })) throw new AppError('not_found');
  return { finished: isAppointmentFinished(a.status), scopes: scopesOfAppointment(a) };
}

function viewOf(type: SubjectType, id: string, subject: Subject, rating: StoredRating | undefined, now: Date): RatingView {
  return {
    subject: { type, id },
    rateable: subject.finished || rating !== undefined,
    editable: rating !== undefined && isEditable(rating.ratedAt, now),
    ...(rating
      ? { rating: { score: rating.score, ...(rating.comment ? { comment: rating.comment } : {}), ratedAt: rating.ratedAt, updatedAt: rating.updatedAt, editableUntil: editableUntil(rating.ratedAt) } }
      : {}),
  };
}

export async function myRating(deps: RatingDeps, principal: Principal, type: SubjectType, id: string): Promise<RatingView> {
  const subject = await ownSubject(deps, principal, type, id);
  return viewOf(type, id, subject, await getRating(deps, type, id), deps.now());
}

export async function rate(deps: RatingDeps, principal: Principal, type: SubjectType, id: string, body: RateBody): Promise<RatingView> {
  const subject = await ownSubject(deps, principal, type, id);
  const score = body.score as Score;
  const comment = normaliseComment(body.comment);
  return withRetries(async () => {
    const existing = await getRating(deps, type, id);
    const now = deps.now();
    const plan = planRating(subject.finished, existing, now);
    if (!plan.ok) throw new AppError(plan.refusal === 'locked' ? 'rating_locked' : 'rating_not_open');
    const at = now.toISOString();
    const next: StoredRating = existing
      ? { ...existing, score, comment, updatedAt: at, version: existing.version + 1 }
      : { subjectType: type, subjectId: id, score, comment, ratedAt: at, updatedAt: at, day: vietnamDate(now), scopes: subject.scopes, version: 1 };
    const delta = aggregateDelta(existing?.score, score);
    await writeRating(deps, next, existing, isEmptyDelta(delta) ? undefined : delta, existing ? editableUntil(existing.ratedAt) : at);
    return viewOf(type, id, subject, next, now);
  }, ['conflict', 'service_unavailable'], 6);
}

export async function ratingSummary(deps: TableDeps, query: SummaryQuery): Promise<RatingSummary> {
  const [scope, id] = (Object.entries(query).find(([, v]) => v !== undefined) ?? []) as [RatingScope, string];
  const counts = await getCounts(deps, scope, id);
  return { scope, id, ...counts, mean: meanOf(counts) };
}

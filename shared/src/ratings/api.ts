/** Wire shapes of the rating API (ADR 0026): what clients send (zod) and what they get back. */
import * as z from 'zod/mini';
import { COMMENT_MAX_LENGTH, type AggregateCounts, type RatingScope, type Score, type SubjectType } from './rules';

export const rateBody = z.strictObject({
  score: z.int().check(z.gte(1), z.lte(5)),
  comment: z.optional(z.string().check(z.trim(), z.maxLength(COMMENT_MAX_LENGTH))),
});
export type RateBody = z.infer<typeof rateBody>;

const procedureCode = z.string().check(z.regex(/^[a-z0-9-]{3,80}$/));
const plainId = z.string().check(z.regex(/^[a-z0-9-]{2,40}$/));
const specialtyRef = z.string().check(z.regex(/^[a-z0-9-]{3,40}\.[a-z0-9-]{2,40}$/));

/** Exactly one scope per request, so each answer is one cacheable item. */
export const summaryQuery = z
  .object({ procedure: z.optional(procedureCode), unit: z.optional(plainId), hospital: z.optional(plainId), specialty: z.optional(specialtyRef) })
  .check(z.refine((q) => [q.procedure, q.unit, q.hospital, q.specialty].filter((v) => v !== undefined).length === 1, { message: 'Chọn đúng một trong procedure, unit, hospital, specialty', path: ['procedure'] }));
export type SummaryQuery = z.infer<typeof summaryQuery>;

/** The owner's own rating of one item. */
export interface RatingView {
  subject: { type: SubjectType; id: string };
  /** Finished, so it can be rated (or was). */
  rateable: boolean;
  rating?: { score: Score; comment?: string; ratedAt: string; updatedAt: string; editableUntil: string };
  /** A rating exists and may still be changed. */
  editable: boolean;
}

/** Public, anonymous: counts only, never a comment or a rater. */
export interface RatingSummary extends AggregateCounts {
  scope: RatingScope;
  id: string;
  mean: number | null;
}

/** Wire shapes of the rating API (ADR 0026): what clients send (zod) and what they get back. */
import * as z from 'zod/mini';
import { COMMENT_MAX_LENGTH, RATING_SCOPES, SCORES, type RatingScope } from './rules';
import { instant } from '../wire';

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

const score = z.literal(SCORES);

/** The owner's own rating of one item. */
export const ratingViewSchema = z.object({
  subject: z.object({ type: z.enum(['dossier', 'appointment']), id: z.string() }),
  /** Finished, so it can be rated (or was). */
  rateable: z.boolean(),
  rating: z.optional(z.object({ score, comment: z.optional(z.string()), ratedAt: instant, updatedAt: instant, editableUntil: instant })),
  /** A rating exists and may still be changed. */
  editable: z.boolean(),
});
export type RatingView = z.infer<typeof ratingViewSchema>;

/** Public, anonymous: counts only, never a comment or a rater. */
export const ratingSummarySchema = z.object({
  scope: z.enum(RATING_SCOPES as readonly [RatingScope, ...RatingScope[]]),
  id: z.string(),
  count: z.int(),
  sum: z.int(),
  histogram: z.object({ 1: z.int(), 2: z.int(), 3: z.int(), 4: z.int(), 5: z.int() }).check(z.describe('How many ratings gave each score')),
  mean: z.nullable(z.number().check(z.describe('To one decimal; null before the first rating'))),
});
export type RatingSummary = z.infer<typeof ratingSummarySchema>;

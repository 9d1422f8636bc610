/**
 * The problem+json body (RFC 9457) every error answer carries, as a schema for the API document.
 * The type and the codes are shared/src/errors.ts; functions/src/platform/errors.ts builds it.
 */
import * as z from 'zod/mini';
import { ERRORS, type ErrorCode, type Problem } from '../errors';

const ERROR_CODES = Object.keys(ERRORS) as [ErrorCode, ...ErrorCode[]];

export const fieldErrorSchema = z.object({
  field: z.string().check(z.describe('Dotted path into the request: `body.items.0.quantity`, `query.from`, `path.code`')),
  code: z.string(),
  message: z.string().check(z.describe("In the caller's language (Vietnamese unless Accept-Language prefers English)")),
});

export const problemSchema = z.object({
  type: z.string().check(z.describe('A URI naming the problem, one per code')),
  title: z.string().check(z.describe('Vietnamese, or English when Accept-Language prefers it')),
  status: z.int(),
  code: z.enum(ERROR_CODES).check(z.describe('Stable: clients rely on it, not on the title')),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  requestId: z.optional(z.string().check(z.describe('Also the x-request-id response header: quote it to support'))),
  errors: z.optional(z.array(fieldErrorSchema).check(z.describe('Field errors of a 400 validation_failed'))),
});

/** The schema says no more than the type: a problem the functions build always parses. */
export const problemMatchesType = (problem: Problem): z.infer<typeof problemSchema> => problem;

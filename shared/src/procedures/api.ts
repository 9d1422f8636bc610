/** Wire shapes of the catalogue API, shared by the functions (validation) and the site (typed client). */
import * as z from 'zod/mini';
import { APPLICANT_TYPES, procedureSchema, procedureShape, procedureSummarySchema } from './catalogue';

export const listProceduresQuery = z.object({
  /** Free text; matched without diacritics against names and codes. */
  q: z.optional(z.string().check(z.trim(), z.maxLength(100))),
  field: z.optional(procedureSchema.shape.field),
  applicantType: z.optional(z.enum(APPLICANT_TYPES)),
});
export type ListProceduresQuery = z.infer<typeof listProceduresQuery>;

/** The list leaves out each procedure's form and documents (GET /api/procedures/{code} has them). */
export const procedureListResponse = z.object({ items: z.array(procedureSummarySchema) });
export type ProcedureListResponse = z.infer<typeof procedureListResponse>;

export const procedureCodeParams = z.object({ code: procedureSchema.shape.code });

export const updateProcedureBody = z.strictObject({ available: z.boolean() });
export type UpdateProcedureBody = z.infer<typeof updateProcedureBody>;

/** One procedure as the API answers it: the definition, with the version its availability changes carry. */
export const storedProcedureSchema = z.object({ ...procedureShape.shape, version: z.int() });

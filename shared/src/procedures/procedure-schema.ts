/**
 * What a catalogue procedure is: the zod schema that validates each entry (a test parses every one),
 * the types, enumerations and field labels, and the helpers that read an entry (summary, required
 * documents, "fully online"). The entries themselves are in catalogue.ts, their forms in
 * catalogue-forms.ts. Decisions: docs/adr/0013-procedure-forms-and-fees-as-data.md.
 */
// zod/mini: the same validation as classic zod at ~3% of the bundle size (ADR 0006).
import * as z from 'zod/mini';
import { formFields, formSchemaSchema, type FormField, type FormSchema } from './forms';

export const APPLICANT_TYPES = ['individual', 'organisation'] as const;
export const SERVICE_LEVELS = ['full', 'partial'] as const;
export const TIME_UNITS = ['calendar_days', 'working_days', 'immediate'] as const;
/** Handling units; they match the officers' `unitId`. */
export const UNIT_IDS = ['unit-nghiep-vu-y', 'unit-nghiep-vu-duoc'] as const;
export const DOCUMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const PAYMENT_CHANNELS = ['vnpay', 'national_portal'] as const;
/** Largest file a document may declare (the upload route's limit, dossiers/api.ts). */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const fieldId = z.string().check(z.regex(/^[a-zA-Z][a-zA-Z0-9_]{0,63}$/));
const condition = z.strictObject({ field: fieldId, equals: z.union([z.string(), z.boolean()]) });
const text = (max: number) => z.string().check(z.minLength(2), z.maxLength(max));

export const documentSchema = z.strictObject({
  /** Referenced by uploads (`documentId`) and supplement checklists. */
  id: z.string().check(z.regex(/^[a-z0-9_-]{1,60}$/)),
  nameVi: text(300),
  nameEn: text(300),
  hintVi: z.optional(text(500)),
  hintEn: z.optional(text(500)),
  /** Always required. */
  mandatory: z.boolean(),
  /** Required when a form field has this value (e.g. the radiation licence when the clinic has X-ray). */
  mandatoryWhen: z.optional(condition),
  accept: z.array(z.enum(DOCUMENT_TYPES)).check(z.minLength(1), z.maxLength(3)),
  maxBytes: z.int().check(z.gte(100 * 1024), z.lte(MAX_DOCUMENT_BYTES)),
});
export type ProcedureDocument = z.infer<typeof documentSchema>;

export const feeReductionSchema = z.strictObject({
  /** 0.5 = halved. */
  factor: z.number().check(z.gt(0), z.lt(1)),
  /** First day (Vietnam date, inclusive); absent = already in force. */
  from: z.optional(isoDate),
  /** Last day (Vietnam date, inclusive). */
  until: isoDate,
  /** The instrument that grants it, e.g. "Thông tư 64/2025/TT-BTC". */
  basisVi: text(300),
  basisEn: text(300),
});
export type FeeReduction = z.infer<typeof feeReductionSchema>;

export const feeSchema = z.strictObject({
  /** Base amount in VND (0 = no fee or not yet published, see `confirmed`). */
  amountVnd: z.int().check(z.nonnegative()),
  /** false: the figure comes from another province's listing or an older rule; the page says so. */
  confirmed: z.boolean(),
  /** When it must be paid: with the submission (before intake) or before the result is handed over. */
  due: z.enum(['submission', 'before_result']),
  /** The first variant whose condition the form data meets replaces the base amount. */
  variants: z.optional(z.array(z.strictObject({
    id: z.string().check(z.regex(/^[a-z0-9_-]{1,60}$/)),
    labelVi: text(200),
    labelEn: text(200),
    amountVnd: z.int().check(z.nonnegative()),
    when: condition,
  })).check(z.minLength(1), z.maxLength(10))),
  reductions: z.optional(z.array(feeReductionSchema).check(z.minLength(1), z.maxLength(5))),
});
export type Fee = z.infer<typeof feeSchema>;

export const resultSchema = z.strictObject({
  kind: z.enum(['licence', 'certificate']),
  titleVi: text(200),
  titleEn: text(200),
  /** Years of validity from issue; absent = no expiry (unless `keepsOriginalExpiry`). */
  validityYears: z.optional(z.int().check(z.gte(1), z.lte(50))),
  /** A re-issued or amended document keeps the expiry date of the one it replaces. */
  keepsOriginalExpiry: z.optional(z.boolean()),
});

/** The procedure's fields without the cross-field checks (zod cannot omit keys of a refined object). */
export const procedureShape = z.object({
  /** URL slug and table key. */
  code: z.string().check(z.regex(/^[a-z0-9-]{3,80}$/)),
  /** Code in the national procedure database, where known. */
  nationalCode: z.optional(z.string().check(z.regex(/^\d\.\d{6}$/))),
  nameVi: z.string().check(z.minLength(5)),
  nameEn: z.string().check(z.minLength(5)),
  field: z.enum(['medical_practice', 'clinic_operation', 'pharmacy', 'medical_devices']),
  applicantType: z.enum(APPLICANT_TYPES),
  agencyVi: z.string(),
  /** The department unit whose officers handle the dossiers. */
  unitId: z.enum(UNIT_IDS),
  serviceLevel: z.enum(SERVICE_LEVELS),
  fee: feeSchema,
  /** How the fee can be paid online; "fully online" needs the National Portal's platform (isFullyOnline). */
  paymentChannels: z.array(z.enum(PAYMENT_CHANNELS)).check(z.minLength(1)),
  timeLimit: z.object({ value: z.int().check(z.nonnegative()), unit: z.enum(TIME_UNITS) }),
  /** An officer visits the premises before deciding (clinics, pharmacies). */
  requiresAppraisal: z.boolean(),
  result: resultSchema,
  documents: z.array(documentSchema).check(z.minLength(1), z.maxLength(30)),
  form: formSchemaSchema,
  legalBasis: z.array(z.string()).check(z.minLength(1)),
  /** Last day dossiers are accepted (transition-track procedures), Vietnam date. */
  effectiveTo: z.optional(isoDate),
  /** Administrators can suspend online submission (e.g. while a form is updated). */
  available: z.boolean(),
});

/** The form field a condition names, at the top level of the form. */
function conditionProblem(form: FormSchema, cond: { field: string; equals: string | boolean }): string | undefined {
  const target: FormField | undefined = formFields(form).find((f) => f.id === cond.field);
  if (!target) return `no form field '${cond.field}'`;
  if (target.kind === 'select') return target.options.some((o) => o.value === cond.equals) ? undefined : `'${String(cond.equals)}' is not an option of '${cond.field}'`;
  if (target.kind === 'checkbox') return typeof cond.equals === 'boolean' ? undefined : `'${cond.field}' is a checkbox`;
  return `'${cond.field}' is neither a select nor a checkbox`;
}

export const procedureSchema = procedureShape.check(
  z.superRefine((p, ctx) => {
    const form = p.form as FormSchema;
    const ids = new Set<string>();
    p.documents.forEach((d, i) => {
      if (ids.has(d.id)) ctx.addIssue({ code: 'custom', path: ['documents', i, 'id'], input: d.id, message: `document id '${d.id}' is used twice` });
      ids.add(d.id);
      const problem = d.mandatoryWhen && conditionProblem(form, d.mandatoryWhen);
      if (problem) ctx.addIssue({ code: 'custom', path: ['documents', i, 'mandatoryWhen'], input: d.mandatoryWhen, message: problem });
    });
    p.fee.variants?.forEach((v, i) => {
      const problem = conditionProblem(form, v.when);
      if (problem) ctx.addIssue({ code: 'custom', path: ['fee', 'variants', i, 'when'], input: v.when, message: problem });
    });
    p.fee.reductions?.forEach((r, i) => {
      if (r.from && r.from > r.until) ctx.addIssue({ code: 'custom', path: ['fee', 'reductions', i], input: r, message: 'from is after until' });
    });
  }),
);
export type Procedure = z.infer<typeof procedureShape>;

/** What the catalogue list carries: everything but the form and the documents (the detail has those). */
export const procedureSummarySchema = z.omit(procedureShape, { form: true, documents: true });
export type ProcedureSummary = z.infer<typeof procedureSummarySchema>;

export function toProcedureSummary<P extends Procedure>(p: P): Omit<P, 'form' | 'documents'> {
  const { form: _form, documents: _documents, ...summary } = p;
  return summary;
}

/** "Toàn trình" in the strict sense of Decree 307/2025: full-process AND payable through the National Portal. */
export function isFullyOnline(p: Pick<Procedure, 'serviceLevel' | 'paymentChannels'>): boolean {
  return p.serviceLevel === 'full' && p.paymentChannels.includes('national_portal');
}

/** Is a document required for this form data? (always, or by its `mandatoryWhen` condition) */
export function isDocumentRequired(doc: ProcedureDocument, data: Record<string, unknown>): boolean {
  if (doc.mandatory) return true;
  return !!doc.mandatoryWhen && Object.hasOwn(data, doc.mandatoryWhen.field) && data[doc.mandatoryWhen.field] === doc.mandatoryWhen.equals;
}

/** Ids of the documents a submission needs, given its form data. */
export function requiredDocumentIds(p: Pick<Procedure, 'documents'>, data: Record<string, unknown>): string[] {
  return p.documents.filter((d) => isDocumentRequired(d, data)).map((d) => d.id);
}

export const FIELD_LABELS: Record<Procedure['field'], { vi: string; en: string }> = {
  medical_practice: { vi: 'Khám bệnh, chữa bệnh — hành nghề', en: 'Medical practice' },
  clinic_operation: { vi: 'Khám bệnh, chữa bệnh — cơ sở', en: 'Healthcare facilities' },
  pharmacy: { vi: 'Dược', en: 'Pharmacy' },
  medical_devices: { vi: 'Thiết bị y tế', en: 'Medical devices' },
};

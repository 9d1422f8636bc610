/**
 * Wire shapes of the dossier API, shared by the functions (validation) and the site (typed
 * client). The form data itself is checked against the procedure's form schema
 * (procedures/forms.ts), not here: these schemas only bound its size and shape.
 */
import * as z from 'zod/mini';
import { APPLICANT_ACTIONS, APPRAISAL_OUTCOMES, DOSSIER_STATES, OFFICER_ACTIONS, SYSTEM_ACTIONS } from './lifecycle';
import { DUE_STATES } from '../calendar/working-days';
import { instant } from '../wire';

const ulid = z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/));
const procedureCode = z.string().check(z.regex(/^[a-z0-9-]{3,80}$/));
const isoDate = z.iso.date();
const text = (max: number) => z.string().check(z.trim(), z.maxLength(max));
const reason = z.string().check(z.trim(), z.minLength(5), z.maxLength(2000));
/** Form values by field id; the procedure's form decides what is valid (request bodies are ≤ 64 KB). */
const formData = z.record(z.string().check(z.regex(/^[a-zA-Z][a-zA-Z0-9_]{0,63}$/)), z.unknown());
const version = z.int().check(z.positive());

export const dossierIdParams = z.object({ dossierId: ulid });
export const attachmentParams = z.object({ dossierId: ulid, attachmentId: ulid });

export const createDossierBody = z.strictObject({ procedureId: procedureCode, data: z._default(formData, {}) });
export type CreateDossier = z.infer<typeof createDossierBody>;

/** Saves a step: the given fields replace the stored ones; `version` is what the client last read. */
export const patchDossierBody = z.strictObject({ data: formData, version });
export type PatchDossier = z.infer<typeof patchDossierBody>;

export const ACCEPTED_UPLOAD_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export const createAttachmentBody = z.strictObject({
  /** Which of the procedure's required documents this file is. */
  documentId: z.string().check(z.regex(/^[a-z0-9_-]{1,60}$/)),
  fileName: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  contentType: z.enum(ACCEPTED_UPLOAD_TYPES),
  sizeBytes: z.int().check(z.positive(), z.lte(MAX_UPLOAD_BYTES)),
});
export type CreateAttachment = z.infer<typeof createAttachmentBody>;

export const submitDossierBody = z.strictObject({ version });

export const myDossiersQuery = z.object({ mine: z.optional(z.literal('1')) });

export const dossierActionBody = z.strictObject({
  action: z.enum(OFFICER_ACTIONS),
  version,
  reason: z.optional(reason),
  /** Supplement checklist: document ids of the procedure and/or free-text items, all at once. */
  missing: z.optional(z.array(text(300).check(z.minLength(1))).check(z.minLength(1), z.maxLength(30))),
  assignee: z.optional(z.string().check(z.regex(/^[A-Za-z0-9._@-]{1,128}$/))),
  visit: z.optional(z.strictObject({ date: isoDate, team: z.array(text(100).check(z.minLength(2))).check(z.minLength(1), z.maxLength(10)) })),
  appraisal: z.optional(
    z.strictObject({ outcome: z.enum(APPRAISAL_OUTCOMES), minutes: text(5000).check(z.minLength(5)), remediationDeadline: z.optional(isoDate) }),
  ),
  newDueDate: z.optional(isoDate),
});
export type DossierActionBody = z.infer<typeof dossierActionBody>;

/** Applicant's withdrawal. */
export const withdrawBody = z.strictObject({ version, reason: z.optional(reason) });

/** Receive several dossiers at once (intake desk). Each succeeds or fails on its own. */
export const bulkReceiveBody = z.strictObject({
  items: z.array(z.strictObject({ dossierId: ulid, version })).check(z.minLength(1), z.maxLength(50)),
});

export const INBOX_DUE_FILTERS = ['due_soon', 'overdue'] as const;
export const inboxQuery = z.object({
  state: z.optional(z.enum(['awaiting_fee', 'submitted', 'received', 'in_review', 'supplement_requested', 'resubmitted', 'approved'])),
  procedure: z.optional(procedureCode),
  due: z.optional(z.enum(INBOX_DUE_FILTERS)),
  assignee: z.optional(z.enum(['me', 'none'])),
});
export type InboxQuery = z.infer<typeof inboxQuery>;

export const publicDossierParams = z.object({ code: z.string().check(z.regex(/^[A-Z0-9.]{1,35}-\d{6}-\d{4,8}$/)) });
export const publicDossierQuery = z.object({ check: z.string().check(z.regex(/^\d{4}$/)) });

export const licenceNumberParams = z.object({ number: z.string().check(z.regex(/^[A-Z]{2,8}-\d{4}-\d{6}$/)) });
export const LICENCE_STATUSES = ['valid', 'suspended', 'revoked', 'expired'] as const;
export type LicenceStatus = (typeof LICENCE_STATUSES)[number];
export const licenceStatusBody = z.strictObject({ status: z.enum(['valid', 'suspended', 'revoked']), reason });

export const calendarYearParams = z.object({ year: z.string().check(z.regex(/^20\d\d$/)) });

// ---- Views: what the dossier API answers (the OpenAPI document is generated from these) ----

const day = z.string().check(z.describe('YYYY-MM-DD, Vietnam date'));
const dossierState = z.enum(DOSSIER_STATES);
const dueState = z.enum(DUE_STATES).check(z.describe('Computed on every read from the due date and today (Vietnam time), never stored'));
const anyAction = z.enum([...APPLICANT_ACTIONS, ...OFFICER_ACTIONS, ...SYSTEM_ACTIONS]);

export const personRefSchema = z.object({ userId: z.string(), name: z.string() });
export type PersonRef = z.infer<typeof personRefSchema>;

export const attachmentViewSchema = z.object({
  attachmentId: z.string(),
  documentId: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.int(),
  status: z.enum(['pending', 'uploaded']).check(z.describe('`pending` until the file is in storage (checked at submission)')),
  uploadedAt: z.optional(instant),
});
export type AttachmentView = z.infer<typeof attachmentViewSchema>;

export const feeViewSchema = z.object({
  amountVnd: z.int(),
  due: z.enum(['submission', 'before_result']),
  status: z.enum(['not_required', 'unpaid', 'paid']),
  paidAt: z.optional(instant),
  paymentId: z.optional(z.string()),
});
export type FeeView = z.infer<typeof feeViewSchema>;

export const historyEntrySchema = z.object({
  at: instant,
  action: z.union([anyAction, z.literal('create')]),
  from: z.optional(dossierState),
  to: dossierState,
  actor: z.enum(['applicant', 'officer', 'system']),
  by: z.optional(personRefSchema),
  reason: z.optional(z.string()),
  missing: z.optional(z.array(z.string())),
  newDueDate: z.optional(day),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const dossierViewSchema = z.object({
  dossierId: z.string(),
  code: z.optional(z.string().check(z.describe('`AGENCYCODE-YYMMDD-XXXX`, from submission on'))),
  procedureId: z.string(),
  unitId: z.string(),
  state: dossierState,
  nationalStatus: z.optional(z.int()),
  ownerId: z.string(),
  applicantName: z.string(),
  data: z.record(z.string(), z.unknown()).check(z.describe("Form values by field id (the procedure's form decides what is valid)")),
  attachments: z.array(attachmentViewSchema),
  fee: feeViewSchema,
  createdAt: instant,
  updatedAt: instant,
  submittedAt: z.optional(instant),
  receivedAt: z.optional(instant),
  clockStartedAt: z.optional(z.string().check(z.describe('When the statutory clock (re)started'))),
  dueDate: z.optional(day),
  dueState: z.optional(dueState),
  originalDueDate: z.optional(day),
  assignee: z.optional(personRefSchema),
  supplement: z.optional(z.object({ missing: z.array(z.string()), note: z.optional(z.string()), requestedAt: instant })),
  appraisal: z.optional(z.object({
    visit: z.optional(z.object({ date: day, team: z.array(z.string()) })),
    outcome: z.optional(z.enum(APPRAISAL_OUTCOMES)),
    minutes: z.optional(z.string()),
    remediationDeadline: z.optional(day),
  })),
  decisionReason: z.optional(z.string()),
  licenceNumber: z.optional(z.string()),
  history: z.array(historyEntrySchema),
  availableActions: z.array(anyAction).check(z.describe('What the caller may do next (the pages show only these)')),
  version: z.int().check(z.describe('Send it back with the next change (409 when stale)')),
});
export type DossierView = z.infer<typeof dossierViewSchema>;

export const dossierSummarySchema = z.object({
  dossierId: z.string(),
  code: z.optional(z.string()),
  procedureId: z.string(),
  state: dossierState,
  applicantName: z.string(),
  createdAt: instant,
  submittedAt: z.optional(instant),
  dueDate: z.optional(day),
  dueState: z.optional(dueState),
  assignee: z.optional(personRefSchema),
  feeStatus: feeViewSchema.shape.status,
  version: z.int(),
});
export type DossierSummary = z.infer<typeof dossierSummarySchema>;
export const dossierListSchema = z.object({ items: z.array(dossierSummarySchema) });

export const inboxResponseSchema = z.object({
  items: z.array(dossierSummarySchema),
  counts: z.object({ total: z.int(), dueSoon: z.int(), overdue: z.int(), byState: z.partialRecord(dossierState, z.int()) })
    .check(z.describe("Over the unit's open dossiers, whatever the filters")),
  colleagues: z.array(personRefSchema).check(z.describe('Officers of the unit, for assignment')),
});
export type InboxResponse = z.infer<typeof inboxResponseSchema>;

export const bulkReceiveResultSchema = z.object({
  results: z.array(z.object({ dossierId: z.string(), ok: z.boolean(), code: z.optional(z.string()), state: z.optional(dossierState), error: z.optional(z.string()) })),
});
export type BulkReceiveResult = z.infer<typeof bulkReceiveResultSchema>;

/** What anyone with the code and the second factor sees: no personal data. */
export const publicDossierViewSchema = z.object({
  code: z.string(),
  procedureId: z.string(),
  state: dossierState,
  nationalStatus: z.optional(z.int()),
  submittedAt: z.optional(instant),
  receivedAt: z.optional(instant),
  dueDate: z.optional(day),
  dueState: z.optional(dueState),
  appraisalVisitDate: z.optional(day),
  history: z.array(z.object({ at: instant, state: dossierState })).check(z.describe('State changes with their dates only')),
  licenceNumber: z.optional(z.string()),
});
export type PublicDossierView = z.infer<typeof publicDossierViewSchema>;

export const publicLicenceViewSchema = z.object({
  number: z.string(),
  kind: z.enum(['licence', 'certificate']),
  titleVi: z.string(),
  titleEn: z.string(),
  holderName: z.string(),
  scopeVi: z.string(),
  issuingUnit: z.string(),
  signedBy: z.string(),
  issuedAt: instant,
  validFrom: day,
  validUntil: z.optional(day),
  status: z.enum(LICENCE_STATUSES).check(z.describe('The current status, from the register (suspension and revocation are published at once)')),
  statusReason: z.optional(z.string()),
  statusChangedAt: z.optional(instant),
  signature: z.object({ algorithm: z.literal('ECDSA_P256_SHA256'), sha256: z.string(), value: z.string(), publicKeySpki: z.string(), keyId: z.string() })
    .check(z.describe("Detached signature over the PDF's SHA-256 (ECDSA P-256), so anyone can check a copy")),
  signatureValid: z.boolean().check(z.describe('The server re-verified the stored file against the signature just now')),
});
export type PublicLicenceView = z.infer<typeof publicLicenceViewSchema>;

/** An administrator's licence status change, as stored. */
export const licenceStatusChangeSchema = z.object({ number: z.string(), status: z.enum(['valid', 'suspended', 'revoked']), statusReason: z.string(), statusChangedAt: instant });

/** A presigned request the browser makes itself (upload PUT, download GET). */
export const presignedRequestSchema = z.object({
  method: z.enum(['PUT', 'GET']),
  url: z.string(),
  headers: z.record(z.string(), z.string()).check(z.describe('Headers the request must carry as signed')),
  expiresAt: instant,
});
export const createdAttachmentSchema = z.object({ attachment: attachmentViewSchema, upload: presignedRequestSchema });
export const attachmentDownloadSchema = z.object({ url: z.string(), expiresAt: instant });

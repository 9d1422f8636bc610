/**
 * Wire shapes of the dossier API, shared by the functions (validation) and the site (typed
 * client). The form data itself is checked against the procedure's form schema
 * (procedures/forms.ts), not here: these schemas only bound its size and shape.
 */
import * as z from 'zod/mini';
import { APPRAISAL_OUTCOMES, OFFICER_ACTIONS, type DossierAction, type DossierState } from './lifecycle';
import type { DueState } from '../calendar/working-days';

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

// ---- Views ----

export interface PersonRef {
  userId: string;
  name: string;
}

export interface AttachmentView {
  attachmentId: string;
  documentId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  /** `pending` until the file is in storage (checked at submission). */
  status: 'pending' | 'uploaded';
  uploadedAt?: string;
}

export interface FeeView {
  amountVnd: number;
  due: 'submission' | 'before_result';
  status: 'not_required' | 'unpaid' | 'paid';
  paidAt?: string;
  paymentId?: string;
}

export interface HistoryEntry {
  at: string;
  action: DossierAction | 'create';
  from?: DossierState;
  to: DossierState;
  actor: 'applicant' | 'officer' | 'system';
  by?: PersonRef;
  reason?: string;
  missing?: string[];
  newDueDate?: string;
}

export interface DossierView {
  dossierId: string;
  /** `AGENCYCODE-YYMMDD-XXXX`, from submission on. */
  code?: string;
  procedureId: string;
  unitId: string;
  state: DossierState;
  nationalStatus?: number;
  ownerId: string;
  applicantName: string;
  data: Record<string, unknown>;
  attachments: AttachmentView[];
  fee: FeeView;
  createdAt: string;
  updatedAt: string;
  submittedAt?: string;
  receivedAt?: string;
  /** When the statutory clock (re)started. */
  clockStartedAt?: string;
  dueDate?: string;
  /** Computed on every read from the due date and today (Vietnam time), never stored. */
  dueState?: DueState;
  originalDueDate?: string;
  assignee?: PersonRef;
  supplement?: { missing: string[]; note?: string; requestedAt: string };
  appraisal?: {
    visit?: { date: string; team: string[] };
    outcome?: 'passed' | 'remediation_required' | 'failed';
    minutes?: string;
    remediationDeadline?: string;
  };
  decisionReason?: string;
  licenceNumber?: string;
  history: HistoryEntry[];
  /** What the caller may do next (the pages show only these). */
  availableActions: DossierAction[];
  version: number;
}

export interface DossierSummary {
  dossierId: string;
  code?: string;
  procedureId: string;
  state: DossierState;
  applicantName: string;
  createdAt: string;
  submittedAt?: string;
  dueDate?: string;
  dueState?: DueState;
  assignee?: PersonRef;
  feeStatus: FeeView['status'];
  version: number;
}

export interface InboxResponse {
  items: DossierSummary[];
  /** Over the unit's open dossiers, whatever the filters. */
  counts: { total: number; dueSoon: number; overdue: number; byState: Partial<Record<DossierState, number>> };
  /** Officers of the unit, for assignment. */
  colleagues: PersonRef[];
}

export interface BulkReceiveResult {
  results: { dossierId: string; ok: boolean; code?: string; state?: DossierState; error?: string }[];
}

/** What anyone with the code and the second factor sees: no personal data. */
export interface PublicDossierView {
  code: string;
  procedureId: string;
  state: DossierState;
  nationalStatus?: number;
  submittedAt?: string;
  receivedAt?: string;
  dueDate?: string;
  dueState?: DueState;
  appraisalVisitDate?: string;
  /** State changes with their dates only. */
  history: { at: string; state: DossierState }[];
  licenceNumber?: string;
}

export interface PublicLicenceView {
  number: string;
  kind: 'licence' | 'certificate';
  titleVi: string;
  titleEn: string;
  holderName: string;
  scopeVi: string;
  issuingUnit: string;
  signedBy: string;
  issuedAt: string;
  validFrom: string;
  validUntil?: string;
  /** The current status, from the register (suspension and revocation are published at once). */
  status: LicenceStatus;
  statusReason?: string;
  statusChangedAt?: string;
  /** Detached signature over the PDF's SHA-256 (ECDSA P-256), so anyone can check a copy. */
  signature: { algorithm: 'ECDSA_P256_SHA256'; sha256: string; value: string; publicKeySpki: string; keyId: string };
  /** The server re-verified the stored file against the signature just now. */
  signatureValid: boolean;
}

/**
 * Cheap shape checks for API responses in the browser. The shared zod schemas are the contract,
 * but zod would add tens of KB to the catalogue page, so the browser checks the fields it renders
 * here and a unit test keeps these guards in step with the zod schemas (test/unit/web/guards.test.ts).
 */
import type { Procedure, ProcedureSummary } from '@portal/shared/procedures/catalogue';
import type { ProcedureListResponse } from '@portal/shared/procedures/api';
import type { Principal } from '@portal/shared/roles';
import type { SessionToken, SignInChoice } from '@portal/shared/auth/api';
import type { BillItem, BillStatus, BillView } from '@portal/shared/payments/bills';
import type { OpenedPayment, PaymentStatus, PaymentView } from '@portal/shared/payments/payments';
import type { DeskBill, DeskPayment } from '@portal/shared/payments/desk';
import type { RefundStatus, RefundView } from '@portal/shared/payments/refunds';
import type { DataAccessItem, DataAccessPage } from '@portal/shared/audit/data-access';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isNonNegativeInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const oneOf = <T extends string>(values: readonly T[]) => (v: unknown): v is T => typeof v === 'string' && (values as readonly string[]).includes(v);

const isField = oneOf(['medical_practice', 'clinic_operation', 'pharmacy', 'medical_devices'] as const);
const isApplicantType = oneOf(['individual', 'organisation'] as const);
const isServiceLevel = oneOf(['full', 'partial'] as const);
const isTimeUnit = oneOf(['calendar_days', 'working_days', 'immediate'] as const);
const isRole = oneOf(['citizen', 'clinic_owner', 'officer', 'hospital_staff', 'admin'] as const);
const isDuty = oneOf(['scheduler', 'cashier', 'reception'] as const);
const isTimestamp = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));
const isPositiveInt = (v: unknown): v is number => isNonNegativeInt(v) && v > 0;
const optional = <T>(guard: (v: unknown) => v is T) => (v: unknown): v is T | undefined => v === undefined || guard(v);

const isFeeDue = oneOf(['submission', 'before_result'] as const);
const isAmountList = (v: unknown): boolean => Array.isArray(v) && v.every((x) => isObject(x) && isString(x.id) && isNonNegativeInt(x.amountVnd));
const isReductionList = (v: unknown): boolean =>
  Array.isArray(v) && v.every((x) => isObject(x) && typeof x.factor === 'number' && x.factor > 0 && x.factor < 1 && isString(x.until) && optional(isString)(x.from));

/** The fee as the listing shows it (amount, variants, reductions, when due). */
export function isFee(v: unknown): boolean {
  return (
    isObject(v) && isNonNegativeInt(v.amountVnd) && typeof v.confirmed === 'boolean' && isFeeDue(v.due) &&
    (v.variants === undefined || isAmountList(v.variants)) && (v.reductions === undefined || isReductionList(v.reductions))
  );
}

/** A catalogue list item (a procedure without its form and documents). */
export function isProcedureSummary(v: unknown): v is ProcedureSummary {
  return (
    isObject(v) &&
    isString(v.code) && /^[a-z0-9-]{3,80}$/.test(v.code) &&
    optional(isString)(v.nationalCode) &&
    isString(v.nameVi) && isString(v.nameEn) && isString(v.agencyVi) &&
    isField(v.field) && isApplicantType(v.applicantType) && isServiceLevel(v.serviceLevel) &&
    isFee(v.fee) &&
    isObject(v.timeLimit) && isNonNegativeInt(v.timeLimit.value) && isTimeUnit(v.timeLimit.unit) &&
    Array.isArray(v.legalBasis) && v.legalBasis.every(isString) &&
    Array.isArray(v.paymentChannels) && v.paymentChannels.every(isString) && typeof v.requiresAppraisal === 'boolean' &&
    typeof v.available === 'boolean'
  );
}

const isDocument = (v: unknown): boolean =>
  isObject(v) && isString(v.id) && isString(v.nameVi) && isString(v.nameEn) && typeof v.mandatory === 'boolean' &&
  Array.isArray(v.accept) && v.accept.every(isString) && isNonNegativeInt(v.maxBytes);

/** One procedure with its documents and form (GET /api/procedures/{code}); the form's fields are trusted as served. */
export function isProcedure(v: unknown): v is Procedure {
  return (
    isProcedureSummary(v) && Array.isArray((v as Json).documents) && ((v as Json).documents as unknown[]).every(isDocument) &&
    isObject((v as Json).form) && Array.isArray(((v as Json).form as Json).steps)
  );
}

export function isProcedureList(v: unknown): v is ProcedureListResponse {
  return isObject(v) && Array.isArray(v.items) && v.items.every(isProcedureSummary);
}

export function isPrincipal(v: unknown): v is Principal {
  return (
    isObject(v) && isString(v.userId) && isRole(v.role) && isString(v.name) &&
    optional(isString)(v.organisationId) && optional(isString)(v.unitId) && optional(isString)(v.hospitalId) &&
    Array.isArray(v.duties) && v.duties.every(isDuty)
  );
}

/** The relay's answer to a code exchange or a refresh (ADR 0021). */
export function isSessionToken(v: unknown): v is SessionToken {
  return isObject(v) && isString(v.idToken) && /^[\w-]+\.[\w-]+\.[\w-]+$/.test(v.idToken) && isTimestamp(v.expiresAt) && isString(v.issuer);
}

const isLabel = (v: unknown): boolean => isObject(v) && isString(v.vi) && isString(v.en);
const isHttpUrl = (v: unknown): v is string => isString(v) && /^https?:\/\//.test(v);

/** `GET /api/auth/config`: the sign-in choices. */
export function isSignInChoices(v: unknown): v is { issuers: SignInChoice[] } {
  return (
    isObject(v) && Array.isArray(v.issuers) &&
    v.issuers.every((i) => isObject(i) && isString(i.id) && oneOf(['portal', 'national'] as const)(i.kind) && oneOf(['everyone', 'citizens', 'staff'] as const)(i.for) && isLabel(i.label) && isString(i.clientId) && isHttpUrl(i.authorizationEndpoint))
  );
}

/*
 * Payments. The status lists repeat the shared ones (importing them would bring zod/mini into the
 * page); test/unit/web/guards.test.ts fails when the two drift apart.
 */
export const BILL_STATUS_VALUES = ['unpaid', 'paid', 'partially_refunded', 'refunded'] as const satisfies readonly BillStatus[];
export const PAYMENT_STATUS_VALUES = ['pending', 'paid', 'failed', 'expired', 'refunded', 'partially_refunded', 'held'] as const satisfies readonly PaymentStatus[];
const isBillStatus = oneOf(BILL_STATUS_VALUES);
const isPaymentStatus = oneOf(PAYMENT_STATUS_VALUES);
// 'fee': a dossier's fee (issue 4); 'appointment': a booking's exam fee.
const isPayableKind = oneOf(['bill', 'appointment', 'fee'] as const);

export function isBillItem(v: unknown): v is BillItem {
  return (
    isObject(v) && isString(v.code) && isString(v.name) && isPositiveInt(v.quantity) &&
    isNonNegativeInt(v.unitPrice) && isNonNegativeInt(v.insuranceCovered) &&
    // A line never costs less than nothing (the API refuses such bills from the HIS).
    v.insuranceCovered <= v.quantity * v.unitPrice
  );
}

export function isBillView(v: unknown): v is BillView {
  return (
    isObject(v) && isString(v.billId) && isString(v.hospitalId) && isString(v.hospitalName) && isString(v.billCode) &&
    isString(v.patientInitials) && Array.isArray(v.items) && v.items.every(isBillItem) &&
    isNonNegativeInt(v.amountDue) && isBillStatus(v.status) &&
    isString(v.payLinkToken) && v.payLinkToken.length > 0 && isTimestamp(v.createdAt)
  );
}

const isReason = (v: unknown): v is { vi: string; en: string } => isObject(v) && isString(v.vi) && isString(v.en);

export function isPaymentView(v: unknown): v is PaymentView {
  return (
    isObject(v) && isString(v.paymentId) && isPaymentStatus(v.status) && isNonNegativeInt(v.amountVnd) &&
    isObject(v.payable) && isPayableKind(v.payable.kind) && isString(v.payable.id) &&
    optional(isString)(v.hospitalName) && isTimestamp(v.createdAt) && isTimestamp(v.expiresAt) &&
    optional(isTimestamp)(v.paidAt) && optional(isReason)(v.reason) && optional(isString)(v.receiptNumber)
  );
}

/**
 * Where the browser may be sent to pay: an http(s) address or a path on this site (the local
 * VNPay double). Anything else (javascript:, data:, //other-host) is refused before location.assign.
 */
export function isPaymentUrl(v: unknown): v is string {
  if (!isString(v)) return false;
  if (v.startsWith('/')) return !v.startsWith('//') && !v.startsWith('/\\');
  try {
    const url = new URL(v);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

export function isOpenedPayment(v: unknown): v is OpenedPayment {
  return isObject(v) && isString(v.paymentId) && isString(v.txnRef) && isPaymentUrl(v.paymentUrl) && isTimestamp(v.expiresAt);
}

/*
 * Staff pages: the cashier desk, refund approvals and the finance office. DeskBill and DeskPayment
 * carry their status as a plain string (the desk shows whatever the record says), so only its type
 * is checked; a refund's status is one of the shared list.
 */
export const REFUND_STATUS_VALUES = ['requested', 'approved', 'rejected', 'completed', 'failed'] as const satisfies readonly RefundStatus[];
const isRefundStatus = oneOf(REFUND_STATUS_VALUES);

export function isDeskBill(v: unknown): v is DeskBill {
  return (
    isObject(v) && isString(v.billId) && isString(v.billCode) && isString(v.patientCode) && isString(v.patientName) &&
    isNonNegativeInt(v.amountDue) && isString(v.status) && isTimestamp(v.createdAt) && isString(v.payLinkToken) && v.payLinkToken.length > 0
  );
}

export function isDeskBillList(v: unknown): v is { items: DeskBill[] } {
  return isObject(v) && Array.isArray(v.items) && v.items.every(isDeskBill);
}

export function isDeskPayment(v: unknown): v is DeskPayment {
  return (
    isObject(v) && isString(v.paymentId) && optional(isString)(v.reference) && isNonNegativeInt(v.amountVnd) && isString(v.status) &&
    isTimestamp(v.createdAt) && optional(isTimestamp)(v.paidAt) && optional(isString)(v.bankCode) && optional(isString)(v.transactionNo) &&
    optional(isNonNegativeInt)(v.amountRefunded)
  );
}

export function isDeskPaymentList(v: unknown): v is { items: DeskPayment[] } {
  return isObject(v) && Array.isArray(v.items) && v.items.every(isDeskPayment);
}

export function isRefundView(v: unknown): v is RefundView {
  return (
    isObject(v) && isString(v.refundId) && isString(v.paymentId) && isString(v.hospitalId) && isPositiveInt(v.amountVnd) &&
    isString(v.reason) && isRefundStatus(v.status) && isString(v.requestedBy) && isTimestamp(v.requestedAt) &&
    optional(isString)(v.decidedBy) && optional(isTimestamp)(v.decidedAt) && optional(isString)(v.note) && optional(isReason)(v.failure)
  );
}

export function isRefundList(v: unknown): v is { items: RefundView[] } {
  return isObject(v) && Array.isArray(v.items) && v.items.every(isRefundView);
}

/** One entry of "who read my data" (ADR 0025): the labels the page shows and the item it links to. */
export function isDataAccessItem(v: unknown): v is DataAccessItem {
  if (!isObject(v) || !isTimestamp(v.at) || !isString(v.action) || !isLabel(v.actionLabel) || !isObject(v.by) || !isObject(v.target)) return false;
  const { by, target } = v;
  return isRole(by.role) && isLabel(by.roleLabel) && (by.place === undefined || isLabel(by.place)) && optional(isString)(by.name) &&
    (target.type === 'dossier' || target.type === 'appointment') && isString(target.id) && optional(isString)(target.code);
}

export const isDataAccessPage = (v: unknown): v is DataAccessPage => isObject(v) && Array.isArray(v.items) && v.items.every(isDataAccessItem) && optional(isString)(v.next);

/**
 * Cheap shape checks for API responses in the browser. The shared zod schemas are the contract,
 * but zod would add tens of KB to the catalogue page, so the browser checks the fields it renders
 * here and a unit test keeps these guards in step with the zod schemas (test/unit/web/guards.test.ts).
 */
import type { Procedure } from '@portal/shared/procedures/catalogue';
import type { ProcedureListResponse } from '@portal/shared/procedures/api';
import type { Principal } from '@portal/shared/roles';

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
const isDuty = oneOf(['scheduler', 'cashier'] as const);
const optional = <T>(guard: (v: unknown) => v is T) => (v: unknown): v is T | undefined => v === undefined || guard(v);

export function isProcedure(v: unknown): v is Procedure {
  return (
    isObject(v) &&
    isString(v.code) && /^[a-z0-9-]{3,80}$/.test(v.code) &&
    optional(isString)(v.nationalCode) &&
    isString(v.nameVi) && isString(v.nameEn) && isString(v.agencyVi) &&
    isField(v.field) && isApplicantType(v.applicantType) && isServiceLevel(v.serviceLevel) &&
    isNonNegativeInt(v.feeVnd) && typeof v.feeConfirmed === 'boolean' &&
    isObject(v.timeLimit) && isNonNegativeInt(v.timeLimit.value) && isTimeUnit(v.timeLimit.unit) &&
    Array.isArray(v.legalBasis) && v.legalBasis.every(isString) &&
    typeof v.available === 'boolean'
  );
}

export function isProcedureList(v: unknown): v is ProcedureListResponse {
  return isObject(v) && Array.isArray(v.items) && v.items.every(isProcedure);
}

export function isPrincipal(v: unknown): v is Principal {
  return (
    isObject(v) && isString(v.userId) && isRole(v.role) && isString(v.name) &&
    optional(isString)(v.organisationId) && optional(isString)(v.unitId) && optional(isString)(v.hospitalId) &&
    Array.isArray(v.duties) && v.duties.every(isDuty)
  );
}

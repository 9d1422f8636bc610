/**
 * VNPay 2.1.0 protocol (research/payments.md §1): signing, pay URL, return/IPN verification, the IPN
 * decision, QueryDR, Refund, code tables. Server-only (node:crypto); no AWS imports.
 */
export * from './api-fields';
export { newRequestId, pipeHashData, verifyPipeSigned } from './api-signature';
export * from './codes';
export * from './constants';
export { encodeNodeDemo, encodeWhatwg, isPortableValue, parseVnpQuery, type ParsedQuery, type ValueEncoder } from './encoding';
export * from './ipn-decision';
export * from './order-info';
export * from './pay-url';
export * from './querydr';
export * from './refund';
export * from './signature';
export * from './time';
export * from './verify-query';

/**
 * What a route's contract says (ADR 0024): the request schemas the handler validates with, and what
 * it answers. The registry (registry.ts) holds one per route of the route table; `httpHandler`
 * validates with it and types each handler's reply by it; the OpenAPI document is generated from it.
 */
import type * as z from 'zod/mini';
import type { $ZodType } from 'zod/v4/core';
import type { ErrorCode } from '../errors';

/** Success statuses the API uses; errors are problem+json (shared/src/errors.ts). */
export type SuccessStatus = 200 | 201 | 204 | 303 | 304;

/** A JSON answer; `name` is its component in the document (a list names its items). */
export interface JsonResponse<S extends $ZodType = $ZodType> {
  kind: 'json';
  schema: S;
  name: string;
  /** The schema is an array of `item` (named `name` in the document). */
  item?: $ZodType;
  description: string;
  headers?: Readonly<Record<string, string>>;
}
export interface FileResponse {
  kind: 'file';
  mediaType: 'application/pdf' | 'text/csv';
  description: string;
  headers?: Readonly<Record<string, string>>;
}
export interface RedirectResponse {
  kind: 'redirect';
  description: string;
}
export interface EmptyResponse {
  kind: 'empty';
  description: string;
  headers?: Readonly<Record<string, string>>;
}
export type ResponseSpec = JsonResponse | FileResponse | RedirectResponse | EmptyResponse;

export interface BodySpec<S extends $ZodType = $ZodType> {
  schema: S;
  /** Its component in the document. */
  name: string;
}

/** A request header (or cookie) the route reads; `httpHandler` does not validate these, the service does. */
export interface HeaderSpec {
  name: string;
  in: 'header' | 'cookie';
  required: boolean;
  description: string;
}

export interface RouteContract {
  path?: $ZodType;
  query?: $ZodType;
  body?: BodySpec;
  headers?: readonly HeaderSpec[];
  responses: Partial<Record<SuccessStatus, ResponseSpec>>;
  /** Domain errors worth naming (the generic ones — validation, sign-in, roles, not found — follow from the rest). */
  errors?: readonly ErrorCode[];
  /** More than the route table's summary, where a caller needs it. */
  description?: string;
}

export const json = <S extends $ZodType>(schema: S, name: string, description: string, headers?: Record<string, string>): JsonResponse<S> => ({ kind: 'json', schema, name, description, ...(headers ? { headers } : {}) });

/** A JSON array of `item`: the document names the item, not the list. */
export const jsonList = <S extends $ZodType>(list: z.ZodMiniArray<S>, name: string, description: string): JsonResponse<z.ZodMiniArray<S>> => ({ kind: 'json', schema: list, item: list.def.element, name, description });

export const file = (mediaType: FileResponse['mediaType'], description: string): FileResponse => ({
  kind: 'file', mediaType, description, headers: { 'Content-Disposition': 'attachment; filename="…" (the document number)' },
});
export const redirect = (description: string): RedirectResponse => ({ kind: 'redirect', description });
export const empty = (description: string, headers?: Record<string, string>): EmptyResponse => ({ kind: 'empty', description, ...(headers ? { headers } : {}) });
export const body = <S extends $ZodType>(schema: S, name: string): BodySpec<S> => ({ schema, name });

// ---- Types the handlers get from a contract ----

type Output<S> = S extends $ZodType ? z.output<S> : never;
type BodyOfResponse<R> = R extends JsonResponse<infer S> ? Output<S> : R extends FileResponse ? Uint8Array : undefined;

export type PathOf<C> = C extends { path: infer S } ? Output<S> : Record<string, never>;
export type QueryOf<C> = C extends { query: infer S } ? Output<S> : Record<string, never>;
export type BodyOf<C> = C extends { body: BodySpec<infer S> } ? Output<S> : undefined;
/** The statuses a handler may answer with: exactly the contract's. */
export type StatusOf<C> = C extends { responses: infer R } ? keyof R & SuccessStatus : never;
/** What a handler may send as the body: one of the contract's answers. */
export type ReplyBodyOf<C> = C extends { responses: infer R } ? { [K in keyof R]: BodyOfResponse<R[K]> }[keyof R] : never;

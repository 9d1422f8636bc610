/**
 * The OpenAPI 3.1 document of the API, generated (never written by hand) from the route table and
 * the route-schema registry (ADR 0024). Schemas go through zod's own `z.toJSONSchema` (JSON Schema
 * 2020-12, the dialect of OpenAPI 3.1): request bodies as clients send them (`io: 'input'`),
 * answers as the API sends them (`io: 'output'`). A pure function: the API serves its result at
 * GET /api/openapi.json, the site publishes it and renders the reference pages from it.
 */
import * as z from 'zod/mini';
import type { $ZodType } from 'zod/v4/core';
import { ERRORS, type ErrorCode } from '../errors';
import { ROLE_LABELS } from '../roles';
import { FUNCTIONS, routes as ROUTES, type AuthRule, type Route, type RouteId } from '../routes';
import type { RouteContract } from './contract';
import { ROUTE_CONTRACTS } from './registry';
import { problemSchema } from './problem';

export type JsonSchema = Record<string, unknown>;
type Io = 'input' | 'output';

/** `x-auth` of an operation: who may call it, for readers and for the reference page. */
export type OperationAuth = { public: true } | { public: false; roles: string[]; duties?: string[]; apiKey?: 'his' };

export interface ParameterObject { name: string; in: 'path' | 'query' | 'header' | 'cookie'; required: boolean; description?: string; schema: JsonSchema }
export interface MediaTypeObject { schema: JsonSchema }
export interface ResponseObject {
  description: string;
  headers?: Record<string, { description: string; required?: boolean; schema: JsonSchema }>;
  content?: Record<string, MediaTypeObject>;
  /** Of a problem+json answer: the `code`s it can carry (shared/src/errors.ts). */
  'x-problem-codes'?: ErrorCode[];
}
export interface OperationObject {
  operationId: RouteId;
  summary: string;
  description: string;
  tags: string[];
  security: Record<string, string[]>[];
  'x-auth': OperationAuth;
  parameters: ParameterObject[];
  requestBody?: { required: boolean; content: Record<string, MediaTypeObject> };
  responses: Record<string, ResponseObject>;
}
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; summary: string; description: string; license: { name: string; identifier: string } };
  servers: { url: string; description: string }[];
  tags: { name: string; description: string }[];
  paths: Record<string, Record<string, OperationObject>>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, JsonSchema> };
  /** Routes of any method (the catch-all): OpenAPI has no operation for "every other path". */
  'x-catch-all': { operationId: RouteId; path: string; summary: string; responses: Record<string, ResponseObject> }[];
}

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';
const componentRef = (name: string) => `#/components/schemas/${name}`;

/** Field descriptions (`z.describe`) live in zod's global registry: carry them into the JSON Schema. */
function override(ctx: { zodSchema: $ZodType; jsonSchema: JsonSchema }): void {
  const description = z.globalRegistry.get(ctx.zodSchema)?.description;
  if (description && ctx.jsonSchema.description === undefined) ctx.jsonSchema.description = description;
  // z.int() is bounded by the safe integers: true, but noise to every reader.
  if (ctx.jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete ctx.jsonSchema.minimum;
  if (ctx.jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete ctx.jsonSchema.maximum;
  // A plain z.object ignores unknown keys: only a strict one says `additionalProperties: false`.
  const def = ctx.zodSchema._zod.def as { type: string; catchall?: unknown };
  if (def.type === 'object' && !def.catchall) delete ctx.jsonSchema.additionalProperties;
}

const options = (io: Io) => ({ io, target: 'draft-2020-12' as const, unrepresentable: 'any' as const, cycles: 'ref' as const, reused: 'inline' as const, override });

function clean(schema: JsonSchema): JsonSchema {
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return rest;
}

/** Named schemas of one direction, as components: nested named ones become `$ref`s. */
class Components {
  private readonly registry = z.registry<{ id: string }>();
  private readonly byName = new Map<string, $ZodType>();
  constructor(private readonly io: Io) {}

  add(schema: $ZodType, name: string): string {
    const known = this.byName.get(name);
    if (known && known !== schema) throw new Error(`Two different ${this.io} schemas are both named ${name} in shared/src/api/registry.ts`);
    if (!known) {
      this.byName.set(name, schema);
      this.registry.add(schema, { id: name });
    }
    return name;
  }

  build(): Record<string, JsonSchema> {
    const { schemas } = z.toJSONSchema(this.registry, { ...options(this.io), uri: componentRef }) as { schemas: Record<string, JsonSchema> };
    return Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, clean(schema)]));
  }
}

function parameters(schema: $ZodType | undefined, where: 'path' | 'query'): ParameterObject[] {
  if (!schema) return [];
  const object = clean(z.toJSONSchema(schema, options('input')) as JsonSchema) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return { name, in: where, required: where === 'path' || (object.required ?? []).includes(name), ...(typeof description === 'string' ? { description } : {}), schema: rest };
  });
}

export function operationAuth(rule: AuthRule): OperationAuth {
  if (rule === 'public') return { public: true };
  return { public: false, roles: [...rule.roles], ...(rule.duties ? { duties: [...rule.duties] } : {}), ...(rule.apiKey ? { apiKey: rule.apiKey } : {}) };
}

function whoMayCall(rule: AuthRule): string {
  if (rule === 'public') return 'Public: no sign-in.';
  const roles = rule.roles.map((r) => ROLE_LABELS[r].en).join(', ');
  const duties = rule.duties ? ` with the duty ${rule.duties.join(' or ')}` : '';
  const key = rule.apiKey ? " Or a hospital information system's API key (`x-api-key`), acting as staff of its hospital." : '';
  return `Signed in (bearer ID token) as: ${roles}${duties}.${key}`;
}

/** The problem codes an operation can answer, grouped by status. */
function errorCodes(route: Route, contract: RouteContract): Map<number, ErrorCode[]> {
  const codes: ErrorCode[] = ['validation_failed'];
  if (contract.body) codes.push('malformed_json', 'payload_too_large', 'unsupported_media_type');
  if (route.auth !== 'public') codes.push('unauthenticated', 'forbidden');
  if (contract.path && route.path.includes('{')) codes.push('not_found');
  codes.push(...(contract.errors ?? []));
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of new Set(codes)) {
    const status = ERRORS[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return new Map([...byStatus].sort(([a], [b]) => a - b));
}

const problemResponse = (description: string, codes: ErrorCode[]): ResponseObject => ({ description, content: { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: componentRef('Problem') } } }, 'x-problem-codes': codes });
const headerObjects = (headers: Readonly<Record<string, string>> | undefined) =>
  headers ? { headers: Object.fromEntries(Object.entries(headers).map(([name, description]) => [name, { description, schema: { type: 'string' } }])) } : {};

function responses(route: Route, contract: RouteContract, out: Components): Record<string, ResponseObject> {
  const result: Record<string, ResponseObject> = {};
  for (const [status, spec] of Object.entries(contract.responses)) {
    if (!spec) continue;
    if (spec.kind === 'json') {
      const schema = spec.item ? { type: 'array', items: { $ref: componentRef(out.add(spec.item, spec.name)) } } : { $ref: componentRef(out.add(spec.schema, spec.name)) };
      result[status] = { description: spec.description, ...headerObjects(spec.headers), content: { 'application/json': { schema } } };
    } else if (spec.kind === 'file') {
      result[status] = { description: spec.description, ...headerObjects(spec.headers), content: { [spec.mediaType]: { schema: { type: 'string', contentMediaType: spec.mediaType } } } };
    } else if (spec.kind === 'redirect') {
      result[status] = { description: spec.description, headers: { Location: { required: true, description: 'Where the browser goes', schema: { type: 'string', format: 'uri-reference' } } } };
    } else {
      result[status] = { description: spec.description, ...headerObjects(spec.headers) };
    }
  }
  for (const [status, codes] of errorCodes(route, contract)) {
    result[String(status)] = problemResponse(codes.map((c) => `\`${c}\`: ${ERRORS[c].en}`).join('; '), codes);
  }
  result.default = problemResponse('`internal_error` (500) or `service_unavailable` (503, retry later); never a stack trace', ['internal_error', 'service_unavailable']);
  return result;
}

function operation(route: Route, contract: RouteContract, input: Components, out: Components): OperationObject {
  const headers = (contract.headers ?? []).map((h): ParameterObject => ({ name: h.name, in: h.in, required: h.required, description: h.description, schema: { type: 'string' } }));
  const body = contract.body;
  const optionalBody = body && (body.schema._zod as { optin?: string }).optin === 'optional';
  return {
    operationId: route.id as RouteId,
    summary: route.summary,
    description: [contract.description, whoMayCall(route.auth)].filter(Boolean).join('\n\n'),
    tags: [route.fn],
    security: route.auth === 'public' ? [] : [{ bearerAuth: [] }, ...(route.auth.apiKey ? [{ hisApiKey: [] }] : [])],
    'x-auth': operationAuth(route.auth),
    parameters: [...parameters(contract.path, 'path'), ...parameters(contract.query, 'query'), ...headers],
    ...(body ? { requestBody: { required: !optionalBody, content: { 'application/json': { schema: { $ref: componentRef(input.add(body.schema, body.name)) } } } } } : {}),
    responses: responses(route, contract, out),
  };
}

/** Request and answer schemas of one name that differ (defaults make fields optional on the way in): the request one is `<name>Input`. */
function mergeComponents(requests: Record<string, JsonSchema>, answers: Record<string, JsonSchema>, paths: OpenApiDocument['paths']): Record<string, JsonSchema> {
  const renamed = new Set(Object.keys(requests).filter((name) => answers[name] && JSON.stringify(answers[name]) !== JSON.stringify(requests[name])));
  for (const item of Object.values(paths)) {
    for (const op of Object.values(item)) {
      const media = op.requestBody?.content['application/json'];
      const name = String(media?.schema.$ref ?? '').split('/').pop();
      if (media && name && renamed.has(name)) media.schema.$ref = componentRef(`${name}Input`);
    }
  }
  const inputs = Object.entries(requests).map(([name, schema]) => [renamed.has(name) ? `${name}Input` : name, schema] as const);
  return Object.fromEntries([...inputs, ...Object.entries(answers)].sort(([a], [b]) => a.localeCompare(b)));
}

export interface OpenApiOptions {
  /** `info.version`; defaults to the API's major version. */
  version?: string;
}

/** The document for a route table and its contracts (the defaults: the portal's own). */
export function buildOpenApiDocument(
  table: readonly Route[] = ROUTES,
  contracts: Partial<Record<string, RouteContract>> = ROUTE_CONTRACTS,
  { version = '1.0.0' }: OpenApiOptions = {},
): OpenApiDocument {
  const input = new Components('input');
  const out = new Components('output');
  out.add(problemSchema, 'Problem');
  const paths: OpenApiDocument['paths'] = {};
  const catchAll: OpenApiDocument['x-catch-all'] = [];
  for (const route of table) {
    const contract = contracts[route.id];
    if (!contract) throw new Error(`Route ${route.id} has no entry in ROUTE_CONTRACTS (shared/src/api/registry.ts)`);
    if (route.method === 'ANY') {
      // No OpenAPI operation means "any method, any path": the catch-all is described beside the paths.
      catchAll.push({ operationId: route.id as RouteId, path: route.path, summary: route.summary, responses: responses(route, { ...contract, path: undefined }, out) });
      continue;
    }
    (paths[route.path] ??= {})[route.method.toLowerCase()] = operation(route, contract, input, out);
  }
  const usedTags = [...new Set(table.filter((r) => r.method !== 'ANY').map((r) => r.fn))];
  return {
    openapi: '3.1.0',
    info: {
      title: 'Cổng dịch vụ y tế — API',
      version,
      summary: 'Health services portal of a city health department: procedures, hospital booking, cashless payment',
      description: [
        'Dịch vụ công trực tuyến, đặt lịch khám và thanh toán viện phí. Lỗi trả về dạng application/problem+json (RFC 9457) với `code` ổn định và `title` tiếng Việt (tiếng Anh khi Accept-Language: en).',
        'Online procedures, appointment booking and hospital bill payment. Errors are application/problem+json (RFC 9457) with a stable `code` and a Vietnamese `title` (English with Accept-Language: en).',
        'Generated from the route table (shared/src/routes.ts) and the schemas the handlers validate with (shared/src/api/registry.ts).',
      ].join('\n\n'),
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/', description: 'The portal itself: the site and /api/* share one origin' }],
    tags: usedTags.map((fn) => ({ name: fn, description: FUNCTIONS[fn].description })),
    paths,
    components: {
      schemas: mergeComponents(input.build(), out.build(), paths),
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'The ID token of a trusted issuer (the portal relay or a national one); the role and bindings come from its claims' },
        hisApiKey: { type: 'apiKey', in: 'header', name: 'x-api-key', description: "A hospital information system's key, issued by an administrator (POST /api/hospitals/{hospitalId}/his-keys)" },
      },
    },
    'x-catch-all': catchAll,
  };
}

/** The route ids the document's operations name, in order (the unit test compares them with the table). */
export function operationIds(document: OpenApiDocument): RouteId[] {
  return Object.values(document.paths).flatMap((item) => Object.values(item).map((op) => op.operationId));
}

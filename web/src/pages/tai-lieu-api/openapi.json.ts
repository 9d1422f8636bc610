/**
 * The OpenAPI document published with the site (/tai-lieu-api/openapi.json): the same generator the
 * API serves GET /api/openapi.json from, run once at build time (ADR 0024).
 */
import { buildOpenApiDocument } from '@portal/shared/api/openapi';

export const GET = (): Response => new Response(JSON.stringify(buildOpenApiDocument()), { headers: { 'content-type': 'application/json; charset=utf-8' } });

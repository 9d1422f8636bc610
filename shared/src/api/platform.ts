/** Wire shapes of the platform routes (health, the signed-in user, audit, HIS keys, the API document) that have no domain file of their own. */
import * as z from 'zod/mini';
import { DUTIES, ROLES } from '../roles';
import { instant } from '../wire';


export const healthSchema = z.object({ status: z.literal('ok'), service: z.string(), startedAt: instant, time: instant });

/** The signed-in user as the portal sees them (roles.ts `Principal`). */
export const principalSchema = z.object({
  userId: z.string().check(z.describe("Stable user id (the token's `sub`)")),
  role: z.enum(ROLES),
  name: z.string(),
  organisationId: z.optional(z.string()),
  unitId: z.optional(z.string()),
  hospitalId: z.optional(z.string()),
  duties: z.array(z.enum(DUTIES)),
  identity: z.optional(
    z.object({ nationalId: z.optional(z.string()), fullName: z.optional(z.string()), birthDate: z.optional(z.string()) })
      .check(z.describe('Signed in through a national identity provider (VNeID): what its token says, to prefill forms. Only ever shown to the person')),
  ),
});

export const AUDIT_TARGET_TYPES = ['procedure', 'dossier', 'appointment', 'booking', 'payment', 'refund', 'session', 'hospital'] as const;
export const auditTargetParams = z.object({
  targetType: z.enum(AUDIT_TARGET_TYPES),
  targetId: z.string().check(z.regex(/^[A-Za-z0-9._-]{1,100}$/)),
});
export const auditEntriesSchema = z.object({
  items: z.array(z.object({
    actorId: z.string(),
    actorRole: z.enum(ROLES),
    action: z.string(),
    targetType: z.string(),
    targetId: z.string(),
    at: instant,
    requestId: z.string(),
    details: z.optional(z.record(z.string(), z.unknown()).check(z.describe('Non-personal facts about the change'))),
  })).check(z.describe('Newest first, at most 100')),
});

/** The catch-all: any path under /api/ that no route names. */
export const unknownPathParams = z.object({ proxy: z.string() });
export const anyQuery = z.record(z.string(), z.string());

/** An OpenAPI 3.1 document (its own schema is the OpenAPI specification). */
export const openApiDocumentSchema = z.object({ openapi: z.string(), info: z.object({ title: z.string(), version: z.string() }), paths: z.record(z.string(), z.unknown()) });

/** GET /api/me/data-access: the next page's opaque cursor (ADR 0025). */
export const dataAccessQuery = z.object({ cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(400))) });
const label = z.object({ vi: z.string(), en: z.string() });
/** Who read or acted on the caller's data (shared/src/audit/data-access.ts `DataAccessPage`). */
export const dataAccessPageSchema = z.object({
  items: z.array(z.object({
    at: instant,
    action: z.string().check(z.describe('The audited action, e.g. dossier.read')),
    actionLabel: label,
    by: z.object({
      role: z.enum(ROLES),
      roleLabel: label,
      place: z.optional(label.check(z.describe('The unit or hospital they work for'))),
      name: z.optional(z.string().check(z.describe('Only when the department shows staff names'))),
    }),
    target: z.object({ type: z.enum(['dossier', 'appointment']), id: z.string(), code: z.optional(z.string()) }),
  })).check(z.describe('Newest first, 20 a page')),
  next: z.optional(z.string().check(z.describe('Opaque cursor of the next page; absent on the last'))),
});

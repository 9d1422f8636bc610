import * as z from 'zod/mini';
import { db, tableName } from '../../platform/dynamo';
import { httpHandler } from '../../platform/http';
import { listAuditEntries } from '../../repositories/audit';

const params = z.object({
  targetType: z.enum(['procedure', 'dossier', 'appointment', 'booking', 'payment', 'refund', 'session']),
  targetId: z.string().check(z.regex(/^[A-Za-z0-9._-]{1,100}$/)),
});

/** Newest first; administrators only (route table). */
export const handler = httpHandler('audit.list', { path: params }, async ({ path }) => ({
  body: { items: await listAuditEntries(db, tableName, { type: path.targetType, id: path.targetId }) },
}));

import { db, tableName } from '../../platform/dynamo';
import { httpHandler } from '../../platform/http';
import { listAuditEntries } from '../../repositories/audit';

/** Newest first; administrators only (route table). */
export const handler = httpHandler('audit.list', async ({ path }) => ({
  body: { items: await listAuditEntries(db, tableName, { type: path.targetType, id: path.targetId }) },
}));

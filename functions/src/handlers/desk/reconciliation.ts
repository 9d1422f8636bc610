import { platformDeps } from '../../platform/deps';
import { httpHandler } from '../../platform/http';
import { reconciliationReport } from '../../services/desk';

/** The daily reconciliation report (CSV, times in GMT+7) for the finance office. */
export const handler = httpHandler('desk.reconciliation', async ({ path, query, principal, requestId }) => ({
  body: Buffer.from(await reconciliationReport(platformDeps, path.hospitalId, query.day, { principal: principal!, requestId, now: platformDeps.now() }), 'utf8'),
  headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="doi-soat-${path.hospitalId}-${query.day}.csv"` },
}));

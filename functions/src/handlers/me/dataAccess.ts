import { config } from '../../platform/config';
import { platformDeps } from '../../platform/deps';
import { httpHandler } from '../../platform/http';
import { myDataAccess } from '../../services/data-access';

const deps = { db: platformDeps.db, tableName: platformDeps.tableName, settings: { showStaffNames: config.SHOW_STAFF_NAMES === 'true' } };

/** Who read or acted on the caller's data, newest first, 20 a page (ADR 0025). Always the caller's own. */
export const handler = httpHandler('me.dataAccess', async ({ principal, query: q }) => ({ body: await myDataAccess(deps, principal!, q.cursor) }));

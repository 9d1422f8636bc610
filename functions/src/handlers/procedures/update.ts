import { db, tableName } from '../../platform/dynamo';
import { httpHandler } from '../../platform/http';
import { changeAvailability } from '../../services/catalogue';

/** An administrator suspends or resumes online submission; audited in the same transaction. */
export const handler = httpHandler('procedures.update', async ({ path, body, principal, requestId }) => ({
  body: await changeAvailability({ db, tableName }, path.code, body.available, { principal: principal!, requestId, now: new Date() }),
}));

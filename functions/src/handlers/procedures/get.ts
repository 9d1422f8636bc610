import { db, tableName } from '../../platform/dynamo';
import { httpHandler } from '../../platform/http';
import { findProcedure } from '../../services/catalogue';

export const handler = httpHandler('procedures.get', async ({ path }) => ({
  body: await findProcedure({ db, tableName }, path.code),
  headers: { 'cache-control': 'public, max-age=60' },
}));

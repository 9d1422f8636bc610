import { listProceduresQuery } from '@portal/shared/procedures/api';
import { db, tableName } from '../../platform/dynamo';
import { httpHandler } from '../../platform/http';
import { searchProcedures } from '../../services/catalogue';

export const handler = httpHandler('procedures.list', { query: listProceduresQuery }, async ({ query }) => ({
  body: { items: await searchProcedures({ db, tableName }, query) },
  headers: { 'cache-control': 'public, max-age=60' },
}));

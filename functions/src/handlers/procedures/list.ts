import { toProcedureSummary } from '@portal/shared/procedures/catalogue';
import { db, tableName } from '../../platform/dynamo';
import { httpHandler } from '../../platform/http';
import { catalogueReader, searchProcedures } from '../../services/catalogue';

const readCatalogue = catalogueReader({ db, tableName });

export const handler = httpHandler('procedures.list', async ({ query }) => ({
  body: { items: (await searchProcedures(readCatalogue, query)).map(toProcedureSummary) },
  headers: { 'cache-control': 'public, max-age=60' },
}));

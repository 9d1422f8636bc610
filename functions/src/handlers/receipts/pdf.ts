import { db, tableName } from '../../platform/dynamo';
import { httpHandler } from '../../platform/http';
import { documentStore } from '../../platform/storage';
import { receiptPdf } from '../../services/receipts/read';

const deps = { db, tableName, documents: documentStore() };

/** The e-receipt PDF of a payment, for whoever holds the payment id (like GET /api/payments/{id}); 404 until issued. */
export const handler = httpHandler('receipts.pdf', async ({ path }) => {
  const { number, pdf } = await receiptPdf(deps, path.paymentId);
  return {
    body: Buffer.from(pdf),
    headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="bien-lai-${number}.pdf"`, 'cache-control': 'private, no-store' },
  };
});

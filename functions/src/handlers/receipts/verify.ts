import { db, tableName } from '../../platform/dynamo';
import { httpHandler } from '../../platform/http';
import { verifyReceipt } from '../../services/receipts/read';

/** Public verification of a receipt number (the PDF's QR code): no personal data. */
export const handler = httpHandler('receipts.verify', async ({ path }) => ({
  body: await verifyReceipt({ db, tableName }, path.number),
}));

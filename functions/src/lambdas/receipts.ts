import { dispatch } from '../platform/dispatch';
import { handler as pdf } from '../handlers/receipts/pdf';
import { handler as verify } from '../handlers/receipts/verify';

export const handler = dispatch('receipts', { 'receipts.pdf': pdf, 'receipts.verify': verify });

import { dispatch } from '../platform/dispatch';
import { handler as payLink } from '../handlers/bills/payLink';

export const handler = dispatch('paymentsRead', { 'bills.payLink': payLink });

import { dispatch } from '../platform/dispatch';
import { handler as payLink } from '../handlers/bills/payLink';
import { handler as get } from '../handlers/payments/get';
import { handler as vnpayReturn } from '../handlers/payments/vnpay/return';

export const handler = dispatch('paymentsRead', { 'bills.payLink': payLink, 'payments.get': get, 'payments.vnpay.return': vnpayReturn });

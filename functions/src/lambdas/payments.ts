import { dispatch } from '../platform/dispatch';
import { handler as lookup } from '../handlers/bills/lookup';
import { handler as push } from '../handlers/his/bills/push';
import { handler as create } from '../handlers/payments/create';
import { handler as ipn } from '../handlers/payments/vnpay/ipn';

export const handler = dispatch('payments', { 'his.bills.push': push, 'bills.lookup': lookup, 'payments.create': create, 'payments.vnpay.ipn': ipn });

import { dispatch } from '../platform/dispatch';
import { handler as lookup } from '../handlers/bills/lookup';
import { handler as push } from '../handlers/his/bills/push';

export const handler = dispatch('payments', { 'his.bills.push': push, 'bills.lookup': lookup });

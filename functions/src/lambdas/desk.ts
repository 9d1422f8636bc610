import { dispatch } from '../platform/dispatch';
import { handler as bills } from '../handlers/desk/bills';
import { handler as payments } from '../handlers/desk/payments';
import { handler as reconciliation } from '../handlers/desk/reconciliation';

export const handler = dispatch('desk', { 'desk.bills': bills, 'desk.payments': payments, 'desk.reconciliation': reconciliation });

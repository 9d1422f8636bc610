/** Steps the payment tests share: a bill from the HIS, an attempt, and paying it as VNPay would. */
import type { TestPortal } from './portal';
import { resultFields, signedResultQuery } from './vnpay';

const json = { 'content-type': 'application/json' };
let sequence = 0;

export interface PushedBill {
  billId: string;
  payLinkToken: string;
  billCode: string;
}

/** A fresh one-line bill pushed by the hospital's cashier (a unique bill code each call). */
export async function pushBill(portal: TestPortal, options: { amount?: number; hospitalId?: string; as?: string; patientPhone?: string } = {}): Promise<PushedBill> {
  const hospitalId = options.hospitalId ?? 'hosp-cho-ray';
  const amount = options.amount ?? 250_000;
  const billCode = `HD-T-${++sequence}-${Date.now()}`;
  const response = await portal.request('/api/his/bills', {
    as: options.as ?? (hospitalId === 'hosp-cho-ray' ? 'cashier-cho-ray' : 'cashier-nhi-dong-1'),
    method: 'POST',
    headers: json,
    body: JSON.stringify({
      hospitalId, billCode, patientCode: 'BN-T-1', patientName: 'Bệnh Nhân Thử', patientPhone: options.patientPhone ?? '0911222333', patientDob: '1970-07-07',
      items: [{ code: 'KB', name: 'Khám bệnh', quantity: 1, unitPrice: amount, insuranceCovered: 0 }], amountDue: amount,
    }),
  });
  if (response.status !== 201) throw new Error(`HIS push answered ${response.status}`);
  return { ...((await response.json()) as { billId: string; payLinkToken: string }), billCode };
}

export async function openPayment(portal: TestPortal, payLinkToken: string): Promise<{ paymentId: string; paymentUrl: string }> {
  const response = await portal.request('/api/payments', { method: 'POST', headers: json, body: JSON.stringify({ payLinkToken }) });
  return (await response.json()) as { paymentId: string; paymentUrl: string };
}

/** VNPay's IPN for a successful payment, signed with the local secret; returns its RspCode. */
export async function payByIpn(portal: TestPortal, paymentId: string, amountVnd: number): Promise<string> {
  const response = await portal.request(`/api/payments/vnpay/ipn?${signedResultQuery(resultFields({ txnRef: paymentId, amountVnd }))}`);
  return ((await response.json()) as { RspCode: string }).RspCode;
}

/** Pays on the sandbox double with its QR shortcut, so VNPay's side knows the transaction. */
export async function payOnDouble(portal: TestPortal, paymentUrl: string): Promise<void> {
  const url = new URL(paymentUrl);
  const page = await (await portal.request(url.pathname + url.search)).text();
  const session = /name="session" value="([^"]+)"/.exec(page)?.[1] ?? '';
  const paid = await portal.request('/sandbox/vnpay/paymentv2/qr', { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `session=${encodeURIComponent(session)}` });
  if (paid.status !== 302) throw new Error(`The double answered ${paid.status}`);
}

export async function paymentStatus(portal: TestPortal, paymentId: string): Promise<string> {
  return ((await (await portal.request(`/api/payments/${paymentId}`)).json()) as { status: string }).status;
}

/** Polls our records until the payment reaches `status` (bounded). */
export async function waitForStatus(portal: TestPortal, paymentId: string, status: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await paymentStatus(portal, paymentId)) !== status) {
    if (Date.now() > deadline) throw new Error(`Payment ${paymentId} did not become ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The IPN as VNPay sends it (research/payments.md §1.7): GET the merchant's registered IPN URL with
 * the signed result query, server to server, in the background. `00` (recorded) and `02` (already
 * recorded) stop the calls; any other RspCode, a non-JSON answer, an HTTP error or no answer is
 * tried again, 10 calls in all. VNPay waits 5 minutes between calls; the double waits `retryMs`
 * (a few seconds by default, near zero in tests) so the behaviour can be watched without waiting.
 */

export const MAX_IPN_CALLS = 10;
/** VNPay's own wait is 5 minutes; locally a few seconds shows the retries without stalling anyone. */
export const DEFAULT_IPN_RETRY_MS = 3_000;
/** How long one call may take before it counts as "no answer". */
const CALL_TIMEOUT_MS = 10_000;

export interface IpnCall {
  at: string;
  /** The RspCode, or why there was none (`http_500`, `not_json`, `TimeoutError`…). */
  answer: string;
}

export interface IpnDelivery {
  status: 'sending' | 'acknowledged' | 'gave_up' | 'dropped';
  calls: IpnCall[];
}

const sleep = (ms: number) =>
  new Promise<void>((resolve) => {
    // unref: a pending retry must not keep a test process or a stopping server alive.
    setTimeout(resolve, ms).unref();
  });

export class IpnSender {
  readonly deliveries = new Map<string, IpnDelivery>();

  constructor(
    private readonly ipnUrl: string,
    public retryMs: number,
    private readonly now: () => Date,
  ) {}

  /** Starts delivery and returns at once: the browser's redirect must not wait for the merchant. */
  send(txnRef: string, signedQuery: string): void {
    const delivery: IpnDelivery = { status: 'sending', calls: [] };
    this.deliveries.set(txnRef, delivery);
    void this.deliver(delivery, signedQuery);
  }

  /** What a switched-off IPN looks like: recorded, so a test can tell "dropped" from "not yet sent". */
  drop(txnRef: string): void {
    this.deliveries.set(txnRef, { status: 'dropped', calls: [] });
  }

  private async deliver(delivery: IpnDelivery, signedQuery: string): Promise<void> {
    for (let call = 1; call <= MAX_IPN_CALLS; call++) {
      const answer = await this.callOnce(signedQuery);
      delivery.calls.push({ at: this.now().toISOString(), answer });
      if (answer === '00' || answer === '02') {
        delivery.status = 'acknowledged';
        return;
      }
      if (call < MAX_IPN_CALLS) await sleep(this.retryMs);
    }
    delivery.status = 'gave_up';
  }

  private async callOnce(signedQuery: string): Promise<string> {
    try {
      const response = await fetch(`${this.ipnUrl}?${signedQuery}`, { signal: AbortSignal.timeout(CALL_TIMEOUT_MS) });
      if (response.status !== 200) {
        await response.body?.cancel();
        return `http_${response.status}`;
      }
      const body = (await response.json()) as unknown;
      const code = body && typeof body === 'object' ? (body as { RspCode?: unknown }).RspCode : undefined;
      return typeof code === 'string' ? code : 'no_rspcode';
    } catch (error) {
      return error instanceof SyntaxError ? 'not_json' : (error as Error).name;
    }
  }
}

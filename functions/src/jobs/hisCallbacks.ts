/** Scheduled: retry callbacks to hospitals' information systems that are due (ADR 0010). */
import { platformDeps } from '../platform/deps';
import { retryDueCallbacks, type CallbackRunReport } from '../services/his-callbacks';

export async function handler(event: { asOf?: string } = {}): Promise<CallbackRunReport> {
  const asOf = event.asOf && !Number.isNaN(Date.parse(event.asOf)) ? new Date(event.asOf) : platformDeps.now();
  return retryDueCallbacks(platformDeps, asOf);
}

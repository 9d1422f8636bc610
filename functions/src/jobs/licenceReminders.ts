/** Scheduled (08:00 Vietnam time): renewal reminders 60 and 30 days before a licence expires, once each (ADR 0015). `asOf` is for local tests. */
import { platformDeps } from '../platform/deps';
import { sendRenewalReminders } from '../services/licences/status';

export async function handler(event: { asOf?: string } = {}): Promise<{ licences: number; reminders: number }> {
  const asOf = event.asOf && !Number.isNaN(Date.parse(event.asOf)) ? new Date(event.asOf) : platformDeps.now();
  return sendRenewalReminders(platformDeps, asOf);
}

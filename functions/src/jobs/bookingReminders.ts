/** Scheduled (18:00 Vietnam time): reminders of tomorrow's bookings. `asOf` is for local tests. */
import { platformDeps } from '../platform/deps';
import { sendReminders } from '../services/booking-jobs';

export async function handler(event: { asOf?: string } = {}): Promise<{ sessions: number; reminders: number }> {
  const asOf = event.asOf && !Number.isNaN(Date.parse(event.asOf)) ? new Date(event.asOf) : platformDeps.now();
  return sendReminders(platformDeps, asOf);
}

/**
 * Scheduled every minute: booking's timed work (ADR 0016) in one function, to keep the stack's
 * resources per job low (ADR 0005). Holds are swept on every run; no-shows every 10 minutes;
 * tomorrow's reminders once a day from 18:00 Vietnam time. `asOf` and `only` let the local stack's
 * tests and the sandbox run one part at a chosen time; the schedule sends neither.
 */
import { platformDeps } from '../platform/deps';
import { sweepBooking, type BookingSweepReport, type BookingSweepPart } from '../services/booking-jobs';

export async function handler(event: { asOf?: string; only?: BookingSweepPart } = {}): Promise<BookingSweepReport> {
  const asOf = event.asOf && !Number.isNaN(Date.parse(event.asOf)) ? new Date(event.asOf) : platformDeps.now();
  const only = event.only === 'holds' || event.only === 'noShows' || event.only === 'reminders' ? event.only : undefined;
  return sweepBooking(platformDeps, asOf, only);
}

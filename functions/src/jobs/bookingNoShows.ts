/** Scheduled: unattended bookings of ended sessions become no-shows. `asOf` is for local tests. */
import { platformDeps } from '../platform/deps';
import { markNoShows } from '../services/booking-jobs';

export async function handler(event: { asOf?: string } = {}): Promise<{ sessions: number; noShows: number }> {
  const asOf = event.asOf && !Number.isNaN(Date.parse(event.asOf)) ? new Date(event.asOf) : platformDeps.now();
  return markNoShows(platformDeps, asOf);
}

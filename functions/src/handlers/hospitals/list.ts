import { platformDeps } from '../../platform/deps';
import { httpHandler } from '../../platform/http';
import { hospitalsList } from '../../services/booking';

/** Hospitals that take bookings (public). */
export const handler = httpHandler('hospitals.list', async () => ({ body: await hospitalsList(platformDeps), headers: { 'cache-control': 'public, max-age=60' } }));

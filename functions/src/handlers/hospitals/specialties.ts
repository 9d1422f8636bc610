import { platformDeps } from '../../platform/deps';
import { httpHandler } from '../../platform/http';
import { specialtiesList } from '../../services/booking';

/** A hospital's specialties (public). */
export const handler = httpHandler('hospitals.specialties', async ({ path }) => ({
  body: await specialtiesList(platformDeps, path.hospitalId),
  headers: { 'cache-control': 'public, max-age=60' },
}));

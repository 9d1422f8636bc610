import { platformDeps } from '../../../platform/deps';
import { httpHandler } from '../../../platform/http';
import { myRating } from '../../../services/ratings';

/** The applicant's own rating of a dossier (and whether it can be rated yet). */
export const handler = httpHandler('ratings.dossier.get', async ({ path, principal }) => ({
  body: await myRating(platformDeps, principal!, 'dossier', path.dossierId),
  headers: { 'cache-control': 'no-store' },
}));

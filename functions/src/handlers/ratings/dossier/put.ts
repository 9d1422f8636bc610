import { platformDeps } from '../../../platform/deps';
import { httpHandler } from '../../../platform/http';
import { rate } from '../../../services/ratings';

/** Rate a finished dossier, or change the rating within 7 days. */
export const handler = httpHandler('ratings.dossier.put', async ({ path, body, principal }) => ({
  body: await rate(platformDeps, principal!, 'dossier', path.dossierId, body),
}));

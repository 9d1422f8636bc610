import { platformDeps } from '../../platform/deps';
import { httpHandler } from '../../platform/http';
import { ratingSummary } from '../../services/ratings';

/** Anonymous counts of one scope; CloudFront and browsers may keep them for 5 minutes. */
export const handler = httpHandler('ratings.summary', async ({ query }) => ({
  body: await ratingSummary(platformDeps, query),
  headers: { 'cache-control': 'public, max-age=300' },
}));

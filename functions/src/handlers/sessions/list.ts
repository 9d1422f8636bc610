import { platformDeps } from '../../platform/deps';
import { httpHandler } from '../../platform/http';
import { sessionsList } from '../../services/booking';

/** Bookable sessions with places left: a hint that the booking itself re-checks. Never cached. */
export const handler = httpHandler('sessions.list', async ({ path, query }) => ({
  body: await sessionsList(platformDeps, path.hospitalId, query),
}));

import { platformDeps } from '../../platform/deps';
import { httpHandler } from '../../platform/http';
import { billByPayLink } from '../../services/bills';

/** Whoever holds the pay link sees the bill (no phone, no date of birth) and can pay it. */
export const handler = httpHandler('bills.payLink', async ({ path }) => ({
  body: await billByPayLink(platformDeps, path.token),
}));

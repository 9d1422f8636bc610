import * as z from 'zod/mini';
import { platformDeps } from '../../platform/deps';
import { httpHandler } from '../../platform/http';
import { billByPayLink } from '../../services/bills';

const params = z.object({ token: z.string().check(z.maxLength(80)) });

/** Whoever holds the pay link sees the bill (no phone, no date of birth) and can pay it. */
export const handler = httpHandler('bills.payLink', { path: params }, async ({ path }) => ({
  body: await billByPayLink(platformDeps, path.token),
}));

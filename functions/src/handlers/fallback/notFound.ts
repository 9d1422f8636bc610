import { methodsForPath } from '@portal/shared/routes';
import { AppError } from '../../platform/errors';
import { httpHandler } from '../../platform/http';
import * as z from 'zod/mini';

/** Unknown API paths answer 404, known paths with another method 405 — both as problem+json. */
export const handler = httpHandler('fallback.notFound', { path: z.object({ proxy: z.string() }), query: z.record(z.string(), z.string()) }, async ({ path }) => {
  const allowed = methodsForPath(`/api/${path.proxy}`);
  if (allowed.length > 0) throw new AppError('method_not_allowed', { headers: { allow: allowed.join(', ') } });
  throw new AppError('not_found');
});

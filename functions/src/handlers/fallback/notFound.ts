import { methodsForPath } from '@portal/shared/routes';
import { AppError } from '../../platform/errors';
import { httpHandler } from '../../platform/http';

/** Unknown API paths answer 404, known paths with another method 405 — both as problem+json. */
export const handler = httpHandler('fallback.notFound', async ({ path }) => {
  const allowed = methodsForPath(`/api/${path.proxy}`);
  if (allowed.length > 0) throw new AppError('method_not_allowed', { headers: { allow: allowed.join(', ') } });
  throw new AppError('not_found');
});

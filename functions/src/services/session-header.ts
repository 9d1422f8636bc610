import { SESSION_HEADER } from '@portal/shared/auth/api';
import { AppError } from '../platform/errors';

/**
 * Refresh and sign-out act on a cookie the browser sends by itself: they also need a header that
 * only the portal's own script sets (a cross-site form or link cannot), besides SameSite=Strict.
 */
export function requireSessionHeader(headers: Record<string, string | undefined>): void {
  if (headers[SESSION_HEADER] !== '1') throw new AppError('forbidden', { detail: `The ${SESSION_HEADER} header is required` });
}

/**
 * Anyone may follow a dossier with its code and the last 4 digits of the applicant's phone or
 * personal ID number: status and dates, no personal data. Every miss answers the same 404; five
 * wrong second factors in a row lock the code's tracking for 15 minutes (the bill lookup's lockout).
 */
import type { PublicDossierView } from '@portal/shared/dossiers/api';
import { keys } from '@portal/shared/table';
import { AppError } from '../platform/errors';
import { getCodeGuard, getDossierRecord, type Deps } from '../repositories/dossiers';
import { LOCK_AFTER_FAILURES, LOCK_MS, clearLookupFailures, lockedFor, recordLookupFailure } from '../repositories/lookup-locks';
import { workCalendar } from './calendar';
import { toPublicView } from './dossier-views';
import { checkHash } from './dossier-contact';

export async function trackDossier(deps: Deps, code: string, check: string, now: Date): Promise<PublicDossierView> {
  const guard = await getCodeGuard(deps, code);
  if (!guard) throw new AppError('not_found');
  const wait = lockedFor(guard.lookupLockedUntil, now);
  if (wait !== undefined) throw new AppError('lookup_locked', { headers: { 'retry-after': String(wait) } });
  if (!guard.checks.includes(checkHash(code, check))) {
    await recordLookupFailure(deps, keys.dossierCode(code), LOCK_AFTER_FAILURES, new Date(now.getTime() + LOCK_MS).toISOString());
    throw new AppError('not_found');
  }
  if ((guard.lookupFailures ?? 0) > 0) await clearLookupFailures(deps, keys.dossierCode(code));
  const record = await getDossierRecord(deps, guard.dossierId);
  if (!record) throw new AppError('not_found');
  return toPublicView(record, now, await workCalendar(deps));
}

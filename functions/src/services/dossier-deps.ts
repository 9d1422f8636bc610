/** What the dossier services need from the platform: the table, the clock, the agency e-ID code. */
import { config } from '../platform/config';
import { platformDeps } from '../platform/deps';
import type { HttpRequest } from '../platform/http';
import type { Caller, DossierDeps } from './dossiers';

export const dossierDeps: DossierDeps = { db: platformDeps.db, tableName: platformDeps.tableName, now: platformDeps.now, agencyCode: config.AGENCY_CODE };

/** The signed-in caller of a dossier route (the route table has already admitted them). */
export function callerOf(request: Pick<HttpRequest<unknown, unknown, unknown>, 'principal' | 'requestId' | 'lang'>): Caller {
  return { principal: request.principal!, requestId: request.requestId, lang: request.lang, now: dossierDeps.now() };
}

/** What the attachment and licence routes need: the table, the clock, the documents store and (public check) the licence key. */
import { config } from '../platform/config';
import { platformDeps } from '../platform/deps';
import type { HttpRequest } from '../platform/http';
import { documentStore } from '../platform/storage';
import { licenceSignerFrom, type LicenceKeys } from './licences/signer';

export const documentsDeps = { db: platformDeps.db, tableName: platformDeps.tableName, now: platformDeps.now, get documents() { return documentStore(); } };

let licenceKeys: Promise<LicenceKeys> | undefined;
/** The department's licence key, public half only (KMS GetPublicKey in AWS, cached; the local PEM otherwise). */
export async function verifyDeps() {
  licenceKeys ??= licenceSignerFrom(config);
  return { db: platformDeps.db, tableName: platformDeps.tableName, now: platformDeps.now, documents: documentStore(), keys: await licenceKeys };
}

/** The signed-in caller (the route table has already admitted them). */
export const callerOf = (request: Pick<HttpRequest<unknown, unknown, unknown>, 'principal' | 'requestId'>) => ({ principal: request.principal!, requestId: request.requestId, now: platformDeps.now() });

/**
 * Scheduled (every minute): issues the signed licence of every approved dossier (ADR 0015). The
 * only bundle that signs, and besides the receipts job the only one carrying the PDF writer
 * (services/pdf, ADR 0018) and the font. A dossier that fails is retried on the next run; the run then fails too, so the
 * errors alarm and the dead-letter queue see it.
 */
import { config } from '../platform/config';
import { db, tableName } from '../platform/dynamo';
import { documentStore } from '../platform/storage';
import { approvedDossierIds } from '../repositories/licences';
import { issuePendingLicences } from '../services/licences/issue';
import { licenceSignerFrom, type LicenceSigner } from '../services/licences/signer';

const documents = documentStore();
let signer: Promise<LicenceSigner> | undefined;

export async function handler(event: { dossierIds?: string[] } = {}): Promise<{ issued: number; failed: number; skipped: number }> {
  signer ??= licenceSignerFrom(config);
  const deps = { db, tableName, now: () => new Date(), publicBaseUrl: config.PUBLIC_BASE_URL, documents, signer: await signer };
  const ids = Array.isArray(event.dossierIds) ? event.dossierIds.filter((id) => typeof id === 'string') : await approvedDossierIds(deps);
  const result = await issuePendingLicences(deps, ids);
  if (result.failed > 0) throw new Error(`${result.failed} licence(s) failed; the next run retries them`);
  return result;
}

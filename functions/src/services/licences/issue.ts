/**
 * Issuing the licence or certificate of an approved dossier (the `licences` job, ADR 0015).
 * Exactly once per dossier, whatever crashes in between:
 *   1. the number comes from the guard, allocated once, with the issue time fixed in it;
 *   2. the PDF is rendered deterministically from stored facts and stored under a key derived
 *      from the number (a re-run writes the same bytes to the same key);
 *   3. its SHA-256 is signed (KMS or the local key) and the register entry written together with
 *      the guard's "issued" mark, on condition: a re-run that finds the guard issued stops here;
 *   4. the dossier moves to `result_issued` (`applySystemAction`, a no-op once it is there).
 */
import type { PersonRef } from '@portal/shared/dossiers/api';
import { licenceDocumentKey, licenceFacts, licencePrefixFor, licenceVerifyUrl, validUntilFor, type LicenceContent } from '@portal/shared/licences/licence';
import { procedureByCode } from '@portal/shared/procedures/catalogue';
import { vietnamYear } from '@portal/shared/receipts/receipt';
import { unitName } from '@portal/shared/units';
import { vietnamDate } from '@portal/shared/vietnamese';
import { logger } from '../../platform/logger';
import type { DocumentStore } from '../../platform/file-store';
import { getDossierRecord } from '../../repositories/dossiers';
import { allocateLicenceNumber, getLicence, getLicenceGuard, recordLicence, type Deps, type StoredLicence } from '../../repositories/licences';
import { applySystemAction } from '../dossier-transitions';
import { renderLicencePdf } from './pdf';
import { sha256, type LicenceSigner } from './signer';

export interface IssueDeps extends Deps {
  now: () => Date;
  publicBaseUrl: string;
  documents: DocumentStore;
  signer: LicenceSigner;
}

export type IssueOutcome = { outcome: 'issued' | 'already_issued'; number: string } | { outcome: 'skipped'; reason: string };

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

/** Who approved: the officer of the last `approve` in the history. */
function approver(history: { action: string; by?: PersonRef }[]): string | undefined {
  return [...history].reverse().find((h) => h.action === 'approve')?.by?.name;
}

/** The licence a re-issue or amendment replaces keeps its expiry: the number the form names, if the register has it. */
async function originalExpiry(deps: Deps, data: Record<string, unknown>): Promise<string | undefined> {
  for (const field of ['licenceNumber', 'certificateNumber']) {
    const value = data[field];
    if (typeof value !== 'string' || !/^[A-Z]{2,8}-\d{4}-\d{6}$/.test(value.trim())) continue;
    const original = await getLicence(deps, value.trim());
    if (original?.validUntil) return original.validUntil;
  }
  return undefined;
}

export async function issueLicence(deps: IssueDeps, dossierId: string): Promise<IssueOutcome> {
  const guard = await getLicenceGuard(deps, dossierId);
  if (guard?.status === 'issued') {
    // Finished before, perhaps without the last step: the transition is idempotent.
    await applySystemAction(deps, dossierId, 'issue_result', { licenceNumber: guard.number }, deps.now());
    return { outcome: 'already_issued', number: guard.number };
  }
  const record = await getDossierRecord(deps, dossierId);
  if (!record) return { outcome: 'skipped', reason: 'dossier missing' };
  const { dossier } = record;
  if (dossier.state !== 'approved') return { outcome: 'skipped', reason: `dossier is ${dossier.state}` };
  const procedure = procedureByCode(dossier.procedureId);
  if (!procedure) return { outcome: 'skipped', reason: 'procedure missing' };
  if (dossier.fee?.due === 'before_result' && dossier.fee.status === 'unpaid') return { outcome: 'skipped', reason: 'fee due before the result is unpaid' };

  const { number, allocatedAt } = await allocateLicenceNumber(deps, dossierId, licencePrefixFor(procedure), vietnamYear(deps.now().toISOString()), deps.now().toISOString());
  const validFrom = vietnamDate(new Date(allocatedAt));
  const validUntil = procedure.result.keepsOriginalExpiry
    ? await originalExpiry(deps, dossier.data)
    : procedure.result.validityYears
      ? validUntilFor(validFrom, procedure.result.validityYears)
      : undefined;
  const { holderName, scopeVi } = licenceFacts(procedure, dossier.data, dossier.applicantName);
  const issuingUnit = `Sở Y tế Thành phố Hồ Chí Minh — ${unitName(dossier.unitId)}`;
  const signedBy = approver(record.history) ?? 'Sở Y tế Thành phố Hồ Chí Minh';
  const content: LicenceContent = {
    number,
    kind: procedure.result.kind,
    titleVi: procedure.result.titleVi,
    titleEn: procedure.result.titleEn,
    holderName,
    scopeVi,
    procedureNameVi: procedure.nameVi,
    issuingUnit,
    signedBy,
    issuedAt: allocatedAt,
    validFrom,
    ...(validUntil ? { validUntil } : {}),
    ...(dossier.code ? { dossierCode: dossier.code } : {}),
    legalBasis: procedure.legalBasis,
    verifyUrl: licenceVerifyUrl(deps.publicBaseUrl, number),
  };
  const pdf = await renderLicencePdf(content);
  const digest = sha256(pdf);
  const documentKey = licenceDocumentKey(number);
  await deps.documents.putObject(documentKey, pdf, 'application/pdf');
  const signature = await deps.signer.sign({ sha256: digest, bytes: pdf });
  const licence: StoredLicence = {
    number,
    dossierId,
    ...(dossier.code ? { dossierCode: dossier.code } : {}),
    procedureId: dossier.procedureId,
    unitId: dossier.unitId,
    ownerId: dossier.ownerId,
    ...(dossier.organisationId ? { organisationId: dossier.organisationId } : {}),
    kind: content.kind,
    titleVi: content.titleVi,
    titleEn: content.titleEn,
    holderName,
    scopeVi,
    issuingUnit,
    signedBy,
    issuedAt: allocatedAt,
    validFrom,
    ...(validUntil ? { validUntil } : {}),
    status: 'valid',
    sha256: hex(digest),
    signature: Buffer.from(signature).toString('base64'),
    keyId: deps.signer.keyId,
    documentKey,
    version: 1,
  };
  await recordLicence(deps, licence);
  await applySystemAction(deps, dossierId, 'issue_result', { licenceNumber: number }, deps.now());
  logger.info('Licence issued', { dossierId, number });
  return { outcome: 'issued', number };
}

/** One run of the job: every approved dossier waiting for its licence; one failure does not stop the others. */
export async function issuePendingLicences(deps: IssueDeps, dossierIds: string[]): Promise<{ issued: number; failed: number; skipped: number }> {
  const tally = { issued: 0, failed: 0, skipped: 0 };
  for (const dossierId of dossierIds) {
    try {
      const result = await issueLicence(deps, dossierId);
      if (result.outcome === 'skipped') {
        tally.skipped++;
        logger.info('No licence yet', { dossierId, reason: result.reason });
      } else tally.issued++;
    } catch (error) {
      tally.failed++;
      logger.error('Licence failed; the next run retries it', { dossierId, error: error as Error });
    }
  }
  return tally;
}

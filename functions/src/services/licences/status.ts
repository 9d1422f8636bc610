/**
 * The licence register after issue (ADR 0015): the public verification (current status, and the
 * signature re-checked against the stored file on every request), the administrators' suspend /
 * revoke / reinstate (audited, published at once, the holder told through the outbox), the
 * holder's download, and the renewal reminders.
 */
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { PublicLicenceView } from '@portal/shared/dossiers/api';
import { REMINDER_DAYS, addDays, currentLicenceStatus, remindersDue, statusChangeAllowed } from '@portal/shared/licences/licence';
import { canAccess } from '@portal/shared/policy';
import type { Principal } from '@portal/shared/roles';
import { keys } from '@portal/shared/table';
import { vietnamDate } from '@portal/shared/vietnamese';
import { AppError, toAppError } from '../../platform/errors';
import { logger } from '../../platform/logger';
import type { DocumentStore } from '../../platform/file-store';
import { auditEntry, dossierTarget, type AuditContext } from '../../repositories/audit';
import { getDossier } from '../../repositories/dossiers';
import { getLicence, licencesExpiringBetween, type Deps, type StoredLicence, type StoredStatus } from '../../repositories/licences';
import { SIGNATURE_ALGORITHM, sha256, verifySignature, type LicenceKeys } from './signer';

export interface VerifyDeps extends Deps {
  documents: DocumentStore;
  keys: LicenceKeys;
  now: () => Date;
}

/**
 * Does the stored file still hash to the register's SHA-256, and does the register's signature
 * verify with the department's key? A file changed in storage, a register entry edited by hand,
 * or a signature by another key all read as invalid.
 */
async function storedFileVerifies(deps: VerifyDeps, licence: StoredLicence, publicKey: Uint8Array): Promise<boolean> {
  if (licence.keyId !== deps.keys.keyId) return false;
  const pdf = await deps.documents.getObject(licence.documentKey);
  if (!pdf) return false;
  if (Buffer.from(sha256(pdf)).toString('hex') !== licence.sha256) return false;
  return verifySignature(pdf, Buffer.from(licence.signature, 'base64'), publicKey);
}

/** What anyone sees at /tra-cuu/giay-phep/<number>: what the licence states, its status now, and the signature check. */
export async function publicLicenceView(deps: VerifyDeps, number: string): Promise<PublicLicenceView> {
  // Strongly consistent: a suspension or revocation shows on the very next look.
  const licence = await getLicence(deps, number, true);
  if (!licence) throw new AppError('not_found');
  const publicKey = await deps.keys.publicKeySpki();
  const signatureValid = await storedFileVerifies(deps, licence, publicKey);
  if (!signatureValid) logger.warn('Licence signature does not verify', { number });
  return {
    number: licence.number,
    kind: licence.kind,
    titleVi: licence.titleVi,
    titleEn: licence.titleEn,
    holderName: licence.holderName,
    scopeVi: licence.scopeVi,
    issuingUnit: licence.issuingUnit,
    signedBy: licence.signedBy,
    issuedAt: licence.issuedAt,
    validFrom: licence.validFrom,
    ...(licence.validUntil ? { validUntil: licence.validUntil } : {}),
    status: currentLicenceStatus(licence.status, licence.validUntil, deps.now()),
    ...(licence.statusReason ? { statusReason: licence.statusReason } : {}),
    ...(licence.statusChangedAt ? { statusChangedAt: licence.statusChangedAt } : {}),
    signature: {
      algorithm: SIGNATURE_ALGORITHM,
      sha256: licence.sha256,
      value: licence.signature,
      publicKeySpki: Buffer.from(publicKey).toString('base64'),
      keyId: licence.keyId,
    },
    signatureValid,
  };
}

export interface StatusChangeResult {
  number: string;
  status: StoredStatus;
  statusReason: string;
  statusChangedAt: string;
}

/**
 * An administrator suspends, revokes or reinstates a licence. The register entry (on condition of
 * the version read), the audit entry and the outbox event for the holder are one transaction.
 */
export async function changeLicenceStatus(deps: Deps, number: string, change: { status: StoredStatus; reason: string }, ctx: AuditContext): Promise<StatusChangeResult> {
  const before = await getLicence(deps, number, true);
  if (!before) throw new AppError('not_found');
  if (!statusChangeAllowed(before.status, change.status)) throw new AppError('licence_status_not_allowed', { detail: `${before.status} → ${change.status}` });
  const at = ctx.now.toISOString();
  const version = before.version + 1;
  try {
    await deps.db.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: deps.tableName,
              Key: keys.licence(number),
              UpdateExpression: 'SET #status = :to, statusReason = :reason, statusChangedAt = :at, version = :next',
              ConditionExpression: 'version = :version AND #status = :from',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':to': change.status, ':reason': change.reason, ':at': at, ':next': version, ':version': before.version, ':from': before.status },
            },
          },
          auditEntry(deps.tableName, ctx, 'licence.status', { type: 'licence', id: number }, { from: before.status, to: change.status }),
          {
            Put: {
              TableName: deps.tableName,
              Item: { ...keys.outbox(`licence.status_changed#${number}#${version}`), type: 'outbox', event: 'licence.status_changed', licenceNumber: number, status: change.status, createdAt: at },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ],
      }),
    );
  } catch (error) {
    throw toAppError(error);
  }
  return { number, status: change.status, statusReason: change.reason, statusChangedAt: at };
}

/** The signed PDF for the holder (or their organisation) and officers of the unit; another applicant gets 404, another unit 403. */
export async function licencePdfForDossier(
  deps: Deps & { documents: DocumentStore },
  dossierId: string,
  caller: { principal: Principal; requestId: string; now: Date },
): Promise<{ number: string; pdf: Uint8Array }> {
  const dossier = await getDossier(deps, dossierId);
  if (!dossier) throw new AppError('not_found');
  if (!canAccess(caller.principal, { ownerId: dossier.ownerId, organisationId: dossier.organisationId, unitId: dossier.unitId })) {
    throw new AppError(caller.principal.role === 'officer' ? 'forbidden' : 'not_found');
  }
  const number = dossier.licenceNumber;
  const licence = number ? await getLicence(deps, number) : undefined;
  if (!licence) throw new AppError('not_found', { detail: 'not_issued' });
  const pdf = await deps.documents.getObject(licence.documentKey);
  if (!pdf) throw new Error(`Licence ${licence.number} is in the register but not in storage`);
  if (caller.principal.role === 'officer' || caller.principal.role === 'admin') {
    await deps.db.send(new TransactWriteCommand({ TransactItems: [auditEntry(deps.tableName, caller, 'licence.download', dossierTarget(dossier), { number: licence.number })] }));
  }
  return { number: licence.number, pdf };
}

/**
 * Renewal reminders: licences whose last valid day is at most 60 days away and still valid get
 * the 60-day reminder, then the 30-day one. Each is a guard item (`attribute_not_exists`) and an
 * outbox event in one transaction, so a reminder goes out once even if the job runs twice.
 */
export async function sendRenewalReminders(deps: Deps, asOf: Date): Promise<{ licences: number; reminders: number }> {
  const today = vietnamDate(asOf);
  const expiring = await licencesExpiringBetween(deps, today, addDays(today, Math.max(...REMINDER_DAYS)));
  let reminders = 0;
  for (const licence of expiring) {
    if (licence.status !== 'valid' || !licence.validUntil) continue;
    for (const days of remindersDue(licence.validUntil, today)) {
      const at = asOf.toISOString();
      try {
        await deps.db.send(
          new TransactWriteCommand({
            TransactItems: [
              { Put: { TableName: deps.tableName, Item: { ...keys.licenceReminder(licence.number, days), type: 'licenceReminder', number: licence.number, daysBefore: days, sentAt: at }, ConditionExpression: 'attribute_not_exists(pk)' } },
              {
                Put: {
                  TableName: deps.tableName,
                  Item: { ...keys.outbox(`licence.renewal_due#${licence.number}#${days}`), type: 'outbox', event: 'licence.renewal_due', licenceNumber: licence.number, daysBefore: days, createdAt: at },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
            ],
          }),
        );
        reminders++;
      } catch (error) {
        // Sent on an earlier run.
        if (toAppError(error).code !== 'conflict') throw error;
      }
    }
  }
  return { licences: expiring.length, reminders };
}

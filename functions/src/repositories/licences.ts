/**
 * The licence register (ADR 0015): the per-dossier guard (`LICENCEOF#<dossierId>`: the number
 * once allocated, then issued), the yearly counter per prefix, the register entry
 * (`LICENCE#<number>`) that the public verification reads, and the renewal-reminder guards. The
 * register states what the licence itself states publicly (holder, scope); the holder's contact
 * details stay in the dossier.
 */
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { LicenceStatus } from '@portal/shared/dossiers/api';
import { formatLicenceNumber, type LicencePrefix } from '@portal/shared/licences/licence';
import { keys } from '@portal/shared/table';
import { UNITS } from '@portal/shared/units';
import { toAppError } from '../platform/errors';
import type { StoredDossier } from './dossiers';

export interface Deps {
  db: DynamoDBDocumentClient;
  tableName: string;
}

export interface LicenceGuard {
  dossierId: string;
  number: string;
  status: 'allocated' | 'issued';
  /** The issue time, fixed at allocation so a re-run renders the same document. */
  allocatedAt: string;
  issuedAt?: string;
}

export type StoredStatus = Exclude<LicenceStatus, 'expired'>;

export interface StoredLicence {
  number: string;
  dossierId: string;
  dossierCode?: string;
  procedureId: string;
  unitId: string;
  ownerId: string;
  organisationId?: string;
  kind: 'licence' | 'certificate';
  titleVi: string;
  titleEn: string;
  holderName: string;
  scopeVi: string;
  issuingUnit: string;
  signedBy: string;
  issuedAt: string;
  validFrom: string;
  validUntil?: string;
  status: StoredStatus;
  statusReason?: string;
  statusChangedAt?: string;
  /** Hex SHA-256 of the stored PDF. */
  sha256: string;
  /** ECDSA P-256, IEEE P1363 (r‖s), base64. */
  signature: string;
  keyId: string;
  documentKey: string;
  version: number;
}

const strip = <T>(item: Record<string, unknown> | undefined): T | undefined => {
  if (!item) return undefined;
  const { pk: _pk, sk: _sk, type: _type, queuePk: _q, queueSk: _qs, ...rest } = item;
  return rest as T;
};

export async function getLicenceGuard(deps: Deps, dossierId: string): Promise<LicenceGuard | undefined> {
  const { Item } = await deps.db.send(new GetCommand({ TableName: deps.tableName, Key: keys.licenceOfDossier(dossierId), ConsistentRead: true }));
  return strip<LicenceGuard>(Item);
}

export async function getLicence(deps: Deps, number: string, consistent = false): Promise<StoredLicence | undefined> {
  const { Item } = await deps.db.send(new GetCommand({ TableName: deps.tableName, Key: keys.licence(number), ConsistentRead: consistent }));
  return strip<StoredLicence>(Item);
}

/**
 * The dossier's licence number, allocated exactly once (as receipts do): an existing guard wins;
 * otherwise the year's counter for the prefix is incremented atomically and the guard written on
 * condition that none exists. A run that loses the race reads the winner's number (its counter
 * value stays unused: a gap, never a duplicate).
 */
export async function allocateLicenceNumber(deps: Deps, dossierId: string, prefix: LicencePrefix, year: number, at: string): Promise<LicenceGuard> {
  const existing = await getLicenceGuard(deps, dossierId);
  if (existing) return existing;
  const { Attributes } = await deps.db.send(
    new UpdateCommand({
      TableName: deps.tableName,
      Key: keys.licenceCounter(prefix, year),
      UpdateExpression: 'ADD #seq :one SET #type = :type',
      ExpressionAttributeNames: { '#seq': 'sequence', '#type': 'type' },
      ExpressionAttributeValues: { ':one': 1, ':type': 'licenceCounter' },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  const guard: LicenceGuard = { dossierId, number: formatLicenceNumber(prefix, year, Number(Attributes?.sequence)), status: 'allocated', allocatedAt: at };
  try {
    await deps.db.send(new PutCommand({ TableName: deps.tableName, Item: { ...keys.licenceOfDossier(dossierId), type: 'licenceOf', ...guard }, ConditionExpression: 'attribute_not_exists(pk)' }));
    return guard;
  } catch (error) {
    if (toAppError(error).code !== 'conflict') throw error;
    const winner = await getLicenceGuard(deps, dossierId);
    if (!winner) throw error;
    return winner;
  }
}

/** The register item with its expiry index attributes (renewal reminders). */
export function licenceItem(licence: StoredLicence): Record<string, unknown> {
  const expiry = licence.validUntil ? { ...keys.licenceExpiryQueue(Number(licence.validUntil.slice(0, 4))), queueSk: `${licence.validUntil}#${licence.number}` } : {};
  return { ...keys.licence(licence.number), type: 'licence', ...licence, ...expiry };
}

/**
 * The register entry and the guard's "issued" mark together. The entry is written only if absent:
 * a re-run after a crash before this point writes it; after it, the guard already says issued and
 * the run stops before signing again.
 */
export async function recordLicence(deps: Deps, licence: StoredLicence): Promise<void> {
  try {
    await deps.db.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: deps.tableName, Item: licenceItem(licence), ConditionExpression: 'attribute_not_exists(pk)' } },
          {
            Update: {
              TableName: deps.tableName,
              Key: keys.licenceOfDossier(licence.dossierId),
              UpdateExpression: 'SET #status = :issued, issuedAt = :at',
              ConditionExpression: '#number = :number AND #status = :allocated',
              ExpressionAttributeNames: { '#status': 'status', '#number': 'number' },
              ExpressionAttributeValues: { ':issued': 'issued', ':allocated': 'allocated', ':at': licence.issuedAt, ':number': licence.number },
            },
          },
        ],
      }),
    );
  } catch (error) {
    // A concurrent run recorded it first: the guard says issued, which is what this run wanted.
    if (toAppError(error).code !== 'conflict') throw error;
    const guard = await getLicenceGuard(deps, licence.dossierId);
    if (guard?.status !== 'issued') throw error;
  }
}

/**
 * Approved dossiers waiting for their licence: the units' inbox index holds every open dossier,
 * approved ones included until the result is issued, so one Query per unit (filtered on the
 * state) finds them; no Scan, and nothing extra written at approval.
 */
export async function approvedDossierIds(deps: Deps): Promise<string[]> {
  const ids: string[] = [];
  for (const unit of UNITS) {
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await deps.db.send(
        new QueryCommand({
          TableName: deps.tableName,
          IndexName: 'byWorkQueue',
          KeyConditionExpression: 'queuePk = :q',
          FilterExpression: '#state = :approved',
          ProjectionExpression: 'dossierId',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':q': keys.unitDossiersQueue(unit.id).queuePk, ':approved': 'approved' satisfies StoredDossier['state'] },
          ExclusiveStartKey: startKey,
        }),
      );
      ids.push(...(page.Items ?? []).map((i) => String(i.dossierId)));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
  }
  return ids;
}

/** Licences whose last valid day falls in [from, to] (Vietnam dates), from the expiry index of each year in the range. */
export async function licencesExpiringBetween(deps: Deps, from: string, to: string): Promise<StoredLicence[]> {
  const out: StoredLicence[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await deps.db.send(
        new QueryCommand({
          TableName: deps.tableName,
          IndexName: 'byWorkQueue',
          KeyConditionExpression: 'queuePk = :q AND queueSk BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':q': keys.licenceExpiryQueue(year).queuePk, ':from': `${from}#`, ':to': `${to}#~` },
          ExclusiveStartKey: startKey,
        }),
      );
      out.push(...(page.Items ?? []).map((i) => strip<StoredLicence>(i)!));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
  }
  return out;
}

/**
 * Dossiers in the table (ADR 0014). One partition per dossier (`DOSSIER#<id>`): the dossier item,
 * its fee (a payable), its history and its attachments, so a dossier with everything it shows is
 * one Query. The dossier item carries the index attributes: byOwner for the applicant's list, and
 * byWorkQueue (`UNIT#<unit>#DOSSIERS`, by due date) while it is in the unit's inbox — a final state
 * removes them, so the inbox Query only ever reads open dossiers.
 *
 * Every write to the dossier item goes through `transitionItems` or `draftUpdateItem` and bumps
 * `version`, under a condition on the state and version the writer read.
 */
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { FeeView, HistoryEntry, PersonRef } from '@portal/shared/dossiers/api';
import { inInbox, type DossierState } from '@portal/shared/dossiers/lifecycle';
import { keys } from '@portal/shared/table';
import type { TransactItem } from './payments';

export interface Deps {
  db: DynamoDBDocumentClient;
  tableName: string;
}

export interface StoredAppraisal {
  visit?: { date: string; team: string[] };
  outcome?: 'passed' | 'remediation_required' | 'failed';
  minutes?: string;
  remediationDeadline?: string;
}

export interface StoredDossier {
  dossierId: string;
  procedureId: string;
  unitId: string;
  state: DossierState;
  ownerId: string;
  /** A clinic owner's organisation: its other owners may see the dossier too (policy.canAccess). */
  organisationId?: string;
  ownerName: string;
  /** The organisation's or the person's name from the form, else the account's name (kept for lists). */
  applicantName: string;
  data: Record<string, unknown>;
  code?: string;
  createdAt: string;
  updatedAt: string;
  submittedAt?: string;
  receivedAt?: string;
  /** When the supplemented dossier came back. */
  resubmittedAt?: string;
  clockStartedAt?: string;
  dueDate?: string;
  originalDueDate?: string;
  rescheduled?: boolean;
  rescheduleReason?: string;
  supplementRequested?: boolean;
  supplement?: { missing: string[]; note?: string; requestedAt: string };
  appraisal?: StoredAppraisal;
  assignee?: PersonRef;
  decisionReason?: string;
  licenceNumber?: string;
  /** Set at submission from the procedure and the form data; a mirror of the FEE item's status. */
  fee?: FeeView;
  requiresAppraisal: boolean;
  version: number;
}

/** The FEE item: the payment attributes every payable carries (repositories/payments.ts). */
export interface StoredDossierFee {
  dossierId: string;
  amountDue: number;
  status: 'unpaid' | 'paid' | 'partially_refunded' | 'refunded';
  openAttemptId?: string;
  openAttemptExpiresAt?: string;
  version: number;
}

export interface StoredHistory extends HistoryEntry {
  dossierId: string;
}

/** The code guard: what the public tracking reads (code → dossier) and where its lockout counts. */
export interface StoredDossierCode {
  code: string;
  dossierId: string;
  /** SHA-256 of `<code>:<last 4 digits>` of the applicant's phone and personal ID number. */
  checks: string[];
  lookupFailures?: number;
  lookupLockedUntil?: string;
}

/** Inbox order: by due date; dossiers whose clock is stopped (fee, supplement) sort last. */
export const NO_DUE_DATE = '9999-12-31';

/** The full item: the dossier plus its index attributes for its state. */
export function dossierItem(d: StoredDossier): Record<string, unknown> {
  return {
    ...keys.dossier(d.dossierId),
    type: 'dossier',
    ...d,
    ...keys.ownerDossiers(d.ownerId),
    ownerSk: `DOSSIER#${d.createdAt}#${d.dossierId}`,
    ...(inInbox(d.state) ? { ...keys.unitDossiersQueue(d.unitId), queueSk: `${d.dueDate ?? NO_DUE_DATE}#${d.dossierId}` } : {}),
  };
}

const strip = <T>(item: Record<string, unknown> | undefined): T | undefined => {
  if (!item) return undefined;
  const { pk: _pk, sk: _sk, type: _type, ownerPk: _o, ownerSk: _os, queuePk: _q, queueSk: _qs, ...rest } = item;
  return rest as T;
};

export async function getDossier(deps: Deps, dossierId: string, consistent = true): Promise<StoredDossier | undefined> {
  const { Item } = await deps.db.send(new GetCommand({ TableName: deps.tableName, Key: keys.dossier(dossierId), ConsistentRead: consistent }));
  return strip<StoredDossier>(Item);
}

/** An attachment as its item in the dossier's partition records it (services/attachments.ts owns the rules). */
export interface StoredAttachment {
  attachmentId: string;
  dossierId: string;
  documentId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  status: 'pending' | 'uploaded';
  objectKey: string;
  createdAt: string;
  createdBy: string;
  uploadedAt?: string;
}

export interface DossierRecord {
  dossier: StoredDossier;
  fee?: StoredDossierFee;
  history: StoredHistory[];
  attachments: StoredAttachment[];
}

/** The dossier, its fee, its history and its attachments: one Query of its partition. */
export async function getDossierRecord(deps: Deps, dossierId: string): Promise<DossierRecord | undefined> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await deps.db.send(
      new QueryCommand({
        TableName: deps.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.dossierItems(dossierId).pk },
        ConsistentRead: true,
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  const dossier = strip<StoredDossier>(items.find((i) => i.sk === 'DOSSIER'));
  if (!dossier) return undefined;
  return {
    dossier,
    fee: strip<StoredDossierFee>(items.find((i) => i.sk === 'FEE')),
    history: items.filter((i) => String(i.sk).startsWith('HISTORY#')).map((i) => strip<StoredHistory>(i)!),
    // ATTACHMENT#<id> items (not the per-document ATTACHMENTS# counters), in attachment id order.
    attachments: items.filter((i) => String(i.sk).startsWith('ATTACHMENT#')).map((i) => strip<StoredAttachment>(i)!),
  };
}

export async function getFee(deps: Deps, dossierId: string): Promise<StoredDossierFee | undefined> {
  const { Item } = await deps.db.send(new GetCommand({ TableName: deps.tableName, Key: keys.dossierFee(dossierId), ConsistentRead: true }));
  return strip<StoredDossierFee>(Item);
}

/** A new draft with its first history entry. */
export async function insertDraft(deps: Deps, dossier: StoredDossier, history: HistoryEntry): Promise<void> {
  await deps.db.send(
    new TransactWriteCommand({
      TransactItems: [
        { Put: { TableName: deps.tableName, Item: dossierItem(dossier), ConditionExpression: 'attribute_not_exists(pk)' } },
        { Put: { TableName: deps.tableName, Item: historyItem(dossier.dossierId, dossier.version, history) } },
      ],
    }),
  );
}

/** Saving a step: the data replaced, under the state (editable) and version the applicant read. */
export async function saveDraftData(deps: Deps, before: StoredDossier, patch: Pick<StoredDossier, 'data' | 'applicantName'>, at: string): Promise<StoredDossier> {
  const next: StoredDossier = { ...before, ...patch, updatedAt: at, version: before.version + 1 };
  await deps.db.send(new PutCommand({ TableName: deps.tableName, Item: dossierItem(next), ...stateAndVersion(before) }));
  return next;
}

export function historyItem(dossierId: string, version: number, entry: HistoryEntry): Record<string, unknown> {
  return { ...keys.dossierHistory(dossierId, entry.at, version), type: 'dossierHistory', dossierId, ...entry };
}

function stateAndVersion(before: StoredDossier) {
  return {
    ConditionExpression: '#state = :from AND version = :version',
    ExpressionAttributeNames: { '#state': 'state' },
    ExpressionAttributeValues: { ':from': before.state, ':version': before.version },
  };
}

/** The conditional replacement of the dossier item: only from the state and version the writer read. */
export function dossierPut(tableName: string, before: StoredDossier, next: StoredDossier): TransactItem {
  return { Put: { TableName: tableName, Item: dossierItem(next), ...stateAndVersion(before) } };
}

export const putNew = (tableName: string, item: Record<string, unknown>): TransactItem => ({ Put: { TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } });

export async function transact(deps: Deps, items: TransactItem[]): Promise<void> {
  await deps.db.send(new TransactWriteCommand({ TransactItems: items }));
}

/**
 * Next number of the agency's dossier codes on a Vietnam day: an atomic ADD outside the submission's
 * transaction (a transaction cannot return the value it wrote). The code guard inside the
 * transaction makes a duplicate impossible; a submission that then fails leaves a gap (ADR 0014).
 */
export async function nextCodeSequence(deps: Deps, agencyCode: string, vietnamDay: string): Promise<number> {
  const { Attributes } = await deps.db.send(
    new UpdateCommand({
      TableName: deps.tableName,
      Key: keys.dossierCodeCounter(agencyCode, vietnamDay),
      UpdateExpression: 'ADD seq :one SET #type = :type',
      ExpressionAttributeNames: { '#type': 'type' },
      ExpressionAttributeValues: { ':one': 1, ':type': 'counter' },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  return Number(Attributes?.seq);
}

export function codeGuardItem(guard: StoredDossierCode): Record<string, unknown> {
  return { ...keys.dossierCode(guard.code), type: 'dossierCode', ...guard };
}

export async function getCodeGuard(deps: Deps, code: string): Promise<StoredDossierCode | undefined> {
  const { Item } = await deps.db.send(new GetCommand({ TableName: deps.tableName, Key: keys.dossierCode(code) }));
  return strip<StoredDossierCode>(Item);
}

/** The applicant's dossiers, newest first (byOwner, `begins_with(ownerSk, DOSSIER#)`). */
export async function listOwnerDossiers(deps: Deps, userId: string, limit = 200): Promise<StoredDossier[]> {
  const { Items = [] } = await deps.db.send(
    new QueryCommand({
      TableName: deps.tableName,
      IndexName: 'byOwner',
      KeyConditionExpression: 'ownerPk = :o AND begins_with(ownerSk, :p)',
      ExpressionAttributeValues: { ':o': keys.ownerDossiers(userId).ownerPk, ':p': 'DOSSIER#' },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return Items.map((i) => strip<StoredDossier>(i)!);
}

/** Summary attributes only: the inbox never needs the form data. */
const SUMMARY_ATTRIBUTES = ['dossierId', 'code', 'procedureId', 'unitId', 'state', 'ownerId', 'ownerName', 'applicantName', 'createdAt', 'submittedAt', 'dueDate', 'assignee', 'fee', 'version', 'requiresAppraisal'];
const SUMMARY_NAMES = Object.fromEntries(SUMMARY_ATTRIBUTES.map((a) => [`#${a}`, a]));

/** A unit's open dossiers in due-date order (byWorkQueue), every page: the inbox and its counts. */
export async function listUnitQueue(deps: Deps, unitId: string, cap = 5_000): Promise<StoredDossier[]> {
  const items: StoredDossier[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await deps.db.send(
      new QueryCommand({
        TableName: deps.tableName,
        IndexName: 'byWorkQueue',
        KeyConditionExpression: 'queuePk = :q',
        ExpressionAttributeValues: { ':q': keys.unitDossiersQueue(unitId).queuePk },
        ExpressionAttributeNames: SUMMARY_NAMES,
        ProjectionExpression: Object.keys(SUMMARY_NAMES).join(', '),
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...((page.Items ?? []) as StoredDossier[]));
    startKey = page.LastEvaluatedKey;
  } while (startKey && items.length < cap);
  return items;
}

export async function listUnitMembers(deps: Deps, unitId: string): Promise<PersonRef[]> {
  const { Items = [] } = await deps.db.send(
    new QueryCommand({
      TableName: deps.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': keys.unitMembers(unitId).pk, ':p': 'MEMBER#' },
    }),
  );
  return Items.map((i) => ({ userId: String(i.userId), name: String(i.name) }));
}

export async function getUnitMember(deps: Deps, unitId: string, userId: string): Promise<PersonRef | undefined> {
  const { Item } = await deps.db.send(new GetCommand({ TableName: deps.tableName, Key: keys.unitMember(unitId, userId) }));
  return Item ? { userId: String(Item.userId), name: String(Item.name) } : undefined;
}

export async function putUnitMember(deps: Deps, unitId: string, member: PersonRef): Promise<void> {
  await deps.db.send(new PutCommand({ TableName: deps.tableName, Item: { ...keys.unitMember(unitId, member.userId), type: 'unitMember', unitId, ...member } }));
}

/**
 * Dossier attachments (ADR 0015). The applicant asks for an upload, gets a presigned PUT and sends
 * the file straight to storage; the attachment item in the dossier's partition records what was
 * promised (document, type, exact size) and becomes `uploaded` once the object is really there
 * (checked with a HEAD when the dossier is shown or submitted). Downloads are presigned GETs for
 * the applicant and for officers of the dossier's unit.
 *
 * File names are personal data: they live in the attachment item and the views, never in object
 * keys, URLs or logs. Object keys are `dossiers/<dossierId>/<attachmentId>.<ext>`.
 */
import { GetCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AttachmentView, CreateAttachment } from '@portal/shared/dossiers/api';
import { applicantMayEdit } from '@portal/shared/dossiers/lifecycle';
import { canAccess } from '@portal/shared/policy';
import { procedureByCode } from '@portal/shared/procedures/catalogue';
import type { Principal } from '@portal/shared/roles';
import { keys } from '@portal/shared/table';
import { AppError, toAppError } from '../platform/errors';
import { newId } from '../platform/ids';
import { documentStore, type DocumentStore, type PresignedRequest } from '../platform/storage';
import { auditEntry, dossierTarget } from '../repositories/audit';
import { getDossier, type StoredAttachment, type StoredDossier } from '../repositories/dossiers';

export type { StoredAttachment };

export interface AttachmentDeps {
  db: DynamoDBDocumentClient;
  tableName: string;
  /** Default: the container's store (functions/src/platform/storage.ts). */
  documents?: DocumentStore;
}

export interface AttachmentCaller {
  principal: Principal;
  requestId: string;
  now: Date;
}

/** Files one required document may have (a multi-page scan as several images, say). */
export const MAX_FILES_PER_DOCUMENT = 5;

/** The prefix every attachment object lives under (infra grants the dossiers function this prefix only). */
export const ATTACHMENTS_PREFIX = 'dossiers/';

const EXTENSIONS: Record<string, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };


export const attachmentObjectKey = (dossierId: string, attachmentId: string, contentType: string): string =>
  `${ATTACHMENTS_PREFIX}${dossierId}/${attachmentId}.${EXTENSIONS[contentType] ?? 'bin'}`;

const store = (deps: AttachmentDeps): DocumentStore => deps.documents ?? documentStore();

export const attachmentView = (a: StoredAttachment): AttachmentView => ({
  attachmentId: a.attachmentId,
  documentId: a.documentId,
  fileName: a.fileName,
  contentType: a.contentType,
  sizeBytes: a.sizeBytes,
  status: a.status,
  ...(a.uploadedAt ? { uploadedAt: a.uploadedAt } : {}),
});

/**
 * A pending attachment whose object is now in storage, with the promised size, becomes `uploaded`
 * (a conditional update: repeating it is harmless). Returns the attachment as it now stands.
 */
async function confirm(deps: AttachmentDeps, a: StoredAttachment, now: Date): Promise<StoredAttachment> {
  if (a.status === 'uploaded') return a;
  const head = await store(deps).headObject(a.objectKey);
  if (!head || head.sizeBytes !== a.sizeBytes) return a;
  const uploadedAt = now.toISOString();
  try {
    await deps.db.send(
      new UpdateCommand({
        TableName: deps.tableName,
        Key: keys.dossierAttachment(a.dossierId, a.attachmentId),
        UpdateExpression: 'SET #status = :uploaded, uploadedAt = :at',
        ConditionExpression: 'attribute_exists(pk) AND #status = :pending',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':uploaded': 'uploaded', ':pending': 'pending', ':at': uploadedAt },
      }),
    );
  } catch (error) {
    // Deleted meanwhile, or confirmed by a concurrent read: either way nothing to do here.
    if (toAppError(error).code !== 'conflict') throw error;
    return a;
  }
  return { ...a, status: 'uploaded', uploadedAt };
}

/**
 * The dossier's attachments as they stand in storage: pending ones whose object has arrived become
 * `uploaded` (the dossier read already holds the items, so this costs a HEAD per pending file only).
 */
export async function confirmAttachments(deps: AttachmentDeps, stored: readonly StoredAttachment[], now: Date): Promise<StoredAttachment[]> {
  return Promise.all(stored.map((a) => confirm(deps, a, now)));
}

/** Document ids with at least one attachment really in storage (what submission checks). */
export const uploadedDocumentIds = (confirmed: readonly StoredAttachment[]): Set<string> =>
  new Set(confirmed.filter((a) => a.status === 'uploaded').map((a) => a.documentId));

/** The dossier if the caller may see it: another applicant's is 404, another unit's officer 403 (as the dossier routes answer). */
async function readableDossier(deps: AttachmentDeps, dossierId: string, principal: Principal): Promise<StoredDossier> {
  const dossier = await getDossier(deps, dossierId);
  if (!dossier) throw new AppError('not_found');
  if (!canAccess(principal, { ownerId: dossier.ownerId, organisationId: dossier.organisationId, unitId: dossier.unitId })) {
    throw new AppError(principal.role === 'officer' ? 'forbidden' : 'not_found');
  }
  return dossier;
}

/** Only the applicant changes attachments; anyone else gets 404 (the routes admit applicants only). */
async function ownDossier(deps: AttachmentDeps, dossierId: string, principal: Principal): Promise<StoredDossier> {
  const dossier = await readableDossier(deps, dossierId, principal);
  if (principal.role !== 'citizen' && principal.role !== 'clinic_owner') throw new AppError('not_found');
  return dossier;
}

const editableCheck = (tableName: string, dossierId: string) => ({
  ConditionCheck: {
    TableName: tableName,
    Key: keys.dossier(dossierId),
    ConditionExpression: '#state IN (:draft, :supplement)',
    ExpressionAttributeNames: { '#state': 'state' },
    ExpressionAttributeValues: { ':draft': 'draft', ':supplement': 'supplement_requested' },
  },
});

export interface CreatedAttachment {
  attachment: AttachmentView;
  upload: PresignedRequest;
}

/**
 * An upload slot: checks the document belongs to the procedure, the type and size it accepts,
 * that the dossier is editable and the document has room; then records the attachment (pending)
 * and presigns the PUT. The record, the per-document count and the state check are one transaction,
 * so neither a concurrent submission nor a flood of requests gets past the rules.
 */
export async function createAttachment(deps: AttachmentDeps, dossierId: string, body: CreateAttachment, caller: AttachmentCaller): Promise<CreatedAttachment> {
  const dossier = await ownDossier(deps, dossierId, caller.principal);
  if (!applicantMayEdit(dossier.state)) throw new AppError('action_not_allowed', { detail: 'not_allowed_in_state' });
  const document = procedureByCode(dossier.procedureId)?.documents.find((d) => d.id === body.documentId);
  if (!document) {
    throw new AppError('validation_failed', { errors: [{ field: 'body.documentId', code: 'unknown_document', message: 'Không phải giấy tờ của thủ tục này / Not a document of this procedure' }] });
  }
  if (!(document.accept as readonly string[]).includes(body.contentType)) {
    throw new AppError('attachment_type_not_accepted', { detail: `accepted: ${document.accept.join(', ')}`, extra: { accept: document.accept } });
  }
  if (body.sizeBytes > document.maxBytes) throw new AppError('attachment_too_large', { detail: `maxBytes: ${document.maxBytes}`, extra: { maxBytes: document.maxBytes } });

  const at = caller.now.toISOString();
  const attachmentId = newId(caller.now.getTime());
  const attachment: StoredAttachment = {
    attachmentId,
    dossierId,
    documentId: document.id,
    fileName: body.fileName,
    contentType: body.contentType,
    sizeBytes: body.sizeBytes,
    status: 'pending',
    objectKey: attachmentObjectKey(dossierId, attachmentId, body.contentType),
    createdAt: at,
    createdBy: caller.principal.userId,
  };
  try {
    await deps.db.send(
      new TransactWriteCommand({
        TransactItems: [
          editableCheck(deps.tableName, dossierId),
          {
            Update: {
              TableName: deps.tableName,
              Key: keys.dossierAttachmentCount(dossierId, document.id),
              UpdateExpression: 'ADD files :one SET #type = :type',
              ConditionExpression: 'attribute_not_exists(files) OR files < :max',
              ExpressionAttributeNames: { '#type': 'type' },
              ExpressionAttributeValues: { ':one': 1, ':max': MAX_FILES_PER_DOCUMENT, ':type': 'dossierAttachmentCount' },
            },
          },
          { Put: { TableName: deps.tableName, Item: { ...keys.dossierAttachment(dossierId, attachmentId), type: 'dossierAttachment', ...attachment }, ConditionExpression: 'attribute_not_exists(pk)' } },
        ],
      }),
    );
  } catch (error) {
    const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
    if (reasons[0]?.Code === 'ConditionalCheckFailed') throw new AppError('action_not_allowed', { detail: 'not_allowed_in_state', cause: error });
    if (reasons[1]?.Code === 'ConditionalCheckFailed') throw new AppError('attachment_limit_reached', { extra: { maxFiles: MAX_FILES_PER_DOCUMENT }, cause: error });
    throw error;
  }
  const upload = await store(deps).presignUpload(attachment.objectKey, { contentType: attachment.contentType, sizeBytes: attachment.sizeBytes }, caller.now);
  return { attachment: attachmentView(attachment), upload };
}

async function getStored(deps: AttachmentDeps, dossierId: string, attachmentId: string): Promise<StoredAttachment> {
  const { Item } = await deps.db.send(new GetCommand({ TableName: deps.tableName, Key: keys.dossierAttachment(dossierId, attachmentId), ConsistentRead: true }));
  if (!Item) throw new AppError('not_found');
  return Item as StoredAttachment;
}

/** A presigned GET for the applicant or officers of the unit (staff downloads are audited). 404 until the file is in storage. */
export async function attachmentDownload(deps: AttachmentDeps, dossierId: string, attachmentId: string, caller: AttachmentCaller): Promise<{ url: string; expiresAt: string }> {
  const dossier = await readableDossier(deps, dossierId, caller.principal);
  const attachment = await confirm(deps, await getStored(deps, dossierId, attachmentId), caller.now);
  if (attachment.status !== 'uploaded') throw new AppError('not_found', { detail: 'not_uploaded' });
  if (caller.principal.role === 'officer' || caller.principal.role === 'admin') {
    await deps.db.send(
      new TransactWriteCommand({
        TransactItems: [auditEntry(deps.tableName, caller, 'dossier.attachment.read', dossierTarget(dossier), { attachmentId, documentId: attachment.documentId })],
      }),
    );
  }
  const { url, expiresAt } = await store(deps).presignDownload(attachment.objectKey, { contentType: attachment.contentType }, caller.now);
  return { url, expiresAt };
}

/** The applicant removes a file while the dossier is editable; its object goes too. */
export async function deleteAttachment(deps: AttachmentDeps, dossierId: string, attachmentId: string, caller: AttachmentCaller): Promise<void> {
  const dossier = await ownDossier(deps, dossierId, caller.principal);
  if (!applicantMayEdit(dossier.state)) throw new AppError('action_not_allowed', { detail: 'not_allowed_in_state' });
  const attachment = await getStored(deps, dossierId, attachmentId);
  try {
    await deps.db.send(
      new TransactWriteCommand({
        TransactItems: [
          editableCheck(deps.tableName, dossierId),
          { Delete: { TableName: deps.tableName, Key: keys.dossierAttachment(dossierId, attachmentId), ConditionExpression: 'attribute_exists(pk)' } },
          {
            Update: {
              TableName: deps.tableName,
              Key: keys.dossierAttachmentCount(dossierId, attachment.documentId),
              UpdateExpression: 'ADD files :minus',
              ConditionExpression: 'files > :zero',
              ExpressionAttributeValues: { ':minus': -1, ':zero': 0 },
            },
          },
        ],
      }),
    );
  } catch (error) {
    const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
    if (reasons[0]?.Code === 'ConditionalCheckFailed') throw new AppError('action_not_allowed', { detail: 'not_allowed_in_state', cause: error });
    if (reasons[1]?.Code === 'ConditionalCheckFailed') throw new AppError('not_found', { cause: error });
    throw error;
  }
  await store(deps).deleteObject(attachment.objectKey);
}

/**
 * Steps the dossier tests share: complete form data for the re-issue of a practice licence (fee
 * 150.000 ₫ when the licence was lost, due at submission), attachments recorded as uploaded (the
 * documents service's part: the object really in storage, checked by its own tests), drafts through
 * the API, and dossiers written straight into any state for the table-driven transition tests.
 */
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { expect } from 'vitest';
import type { DossierView } from '../../shared/src/dossiers/api';
import type { DossierState } from '../../shared/src/dossiers/lifecycle';
import { isDocumentRequired, procedureByCode } from '../../shared/src/procedures/catalogue';
import { validateDossierData } from '../../shared/src/procedures/forms';
import { keys } from '../../shared/src/table';
import { vietnamDate } from '../../shared/src/vietnamese';
import { newId } from '../../functions/src/platform/ids';
import { codeGuardItem, dossierItem, historyItem, type StoredDossier } from '../../functions/src/repositories/dossiers';
import type { TestPortal } from './portal';

export const json = { 'content-type': 'application/json' };

/** Re-issue of a practice licence (unit Nghiệp vụ Y), reason "lost": 150.000 ₫ due at submission. */
export const REISSUE = 'cap-lai-giay-phep-hanh-nghe';

export function reissueData(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    fullName: 'Nguyễn Văn Thử',
    dateOfBirth: '1985-04-12',
    gender: 'nam',
    cccd: '079085001234',
    phone: '0901234567',
    email: 'thu.nguyen@example.vn',
    address: { province: '01', ward: 'Phường Ba Đình', street: '1 Hoàng Diệu' },
    profession: 'bac_sy',
    licenceNumber: '000123/HCM-GPHN',
    licenceIssueDate: '2020-03-01',
    licenceIssuer: 'Sở Y tế Thành phố Hồ Chí Minh',
    reason: 'mat',
    declarationTrue: true,
    ...overrides,
  };
}

/** Fails loudly if the fixture itself stops matching the catalogue's form. */
export function assertValid(procedureId: string, data: Record<string, unknown>): void {
  const procedure = procedureByCode(procedureId)!;
  const result = validateDossierData(procedure.form, data, 'submit');
  expect(result.ok ? [] : result.issues).toEqual([]);
}

export function requiredDocumentIds(procedureId: string, data: Record<string, unknown>): string[] {
  return procedureByCode(procedureId)!.documents.filter((d) => isDocumentRequired(d, data)).map((d) => d.id);
}

/** Attachment items as the documents service leaves them once the object is in storage. */
export async function markUploaded(portal: TestPortal, dossierId: string, documentIds: string[]): Promise<void> {
  for (const documentId of documentIds) {
    const attachmentId = newId();
    const at = new Date().toISOString();
    await portal.db.send(
      new PutCommand({
        TableName: portal.tableName,
        Item: {
          ...keys.dossierAttachment(dossierId, attachmentId), type: 'attachment', attachmentId, dossierId, documentId, fileName: `${documentId}.pdf`,
          contentType: 'application/pdf', sizeBytes: 1000, status: 'uploaded', objectKey: `dossiers/${dossierId}/${attachmentId}.pdf`, createdAt: at, createdBy: 'test', uploadedAt: at,
        },
      }),
    );
  }
}

export async function api<T = DossierView>(portal: TestPortal, path: string, as: string | undefined, method = 'GET', body?: unknown): Promise<{ status: number; body: T }> {
  const response = await portal.request(path, { method, as, ...(body === undefined ? {} : { headers: json, body: JSON.stringify(body) }) });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

/** A draft through the API with complete data and its mandatory documents uploaded: ready to submit. */
export async function readyDraft(portal: TestPortal, as = 'citizen-an', data = reissueData()): Promise<DossierView> {
  const created = await api(portal, '/api/dossiers', as, 'POST', { procedureId: REISSUE, data });
  expect(created.status).toBe(201);
  await markUploaded(portal, created.body.dossierId, requiredDocumentIds(REISSUE, data));
  return created.body;
}

export async function submit(portal: TestPortal, dossier: Pick<DossierView, 'dossierId' | 'version'>, as = 'citizen-an') {
  return api(portal, `/api/dossiers/${dossier.dossierId}/submit`, as, 'POST', { version: dossier.version });
}

export async function act(portal: TestPortal, dossier: Pick<DossierView, 'dossierId' | 'version'>, as: string, body: Record<string, unknown>) {
  return api(portal, `/api/dossiers/${dossier.dossierId}/actions`, as, 'POST', { version: dossier.version, ...body });
}

/** A dossier written straight into a state, with facts that let every action there go through. */
export async function seedInState(portal: TestPortal, state: DossierState, overrides: Partial<StoredDossier> = {}): Promise<StoredDossier> {
  const now = new Date();
  const at = now.toISOString();
  const dossierId = newId();
  const submitted = state !== 'draft';
  const data = reissueData();
  const dossier: StoredDossier = {
    dossierId, procedureId: REISSUE, unitId: 'unit-nghiep-vu-y', state, ownerId: 'citizen-an', ownerName: 'Nguyễn Văn An', applicantName: 'Nguyễn Văn Thử',
    data, createdAt: at, updatedAt: at,
    // On the item, not from the procedure: so appraisal actions have states where they are allowed.
    requiresAppraisal: true,
    appraisal: { visit: { date: vietnamDate(now), team: ['Tổ thẩm định số 1'] }, outcome: 'passed', minutes: 'Cơ sở đạt các điều kiện.' },
    version: 3,
    ...(submitted ? {
      code: `000.00.31.H29-${vietnamDate(now).slice(2).replaceAll('-', '')}-9${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`,
      submittedAt: at, clockStartedAt: at, dueDate: '2030-01-15',
      fee: { amountVnd: 150_000, due: 'submission' as const, status: state === 'awaiting_fee' ? ('unpaid' as const) : ('paid' as const) },
    } : {}),
    ...overrides,
  };
  await portal.db.send(new PutCommand({ TableName: portal.tableName, Item: dossierItem(dossier) }));
  if (dossier.code) await portal.db.send(new PutCommand({ TableName: portal.tableName, Item: codeGuardItem({ code: dossier.code, dossierId, checks: [] }) }));
  await portal.db.send(new PutCommand({ TableName: portal.tableName, Item: historyItem(dossierId, 1, { at, action: 'create', to: 'draft', actor: 'applicant' }) }));
  if (state === 'draft' || state === 'supplement_requested') await markUploaded(portal, dossierId, requiredDocumentIds(REISSUE, data));
  return dossier;
}

/** Messages the outbox wrote today (the local mailbox). */
export async function mailbox(portal: TestPortal): Promise<{ channel: string; to: string; text: string; event: string; messageId: string }[]> {
  const { Items = [] } = await portal.db.send(
    new QueryCommand({ TableName: portal.tableName, IndexName: 'byWorkQueue', KeyConditionExpression: 'queuePk = :q', ExpressionAttributeValues: { ':q': keys.messagesQueue(vietnamDate(new Date())).queuePk } }),
  );
  return Items as never;
}

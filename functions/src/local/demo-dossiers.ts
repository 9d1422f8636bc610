/**
 * Dossier demo data: the demo officers as members of their units, and a few dossiers in different
 * states (and due states) in both units' inboxes, so the inbox is not empty on `npm start`.
 * Idempotent: a dossier already there is left as it is (it keeps whatever a demo did to it).
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DEFAULT_CALENDARS } from '@portal/shared/calendar/holidays';
import { addCalendarDays, addWorkingDays, calendarOf } from '@portal/shared/calendar/working-days';
import type { HistoryEntry, PersonRef } from '@portal/shared/dossiers/api';
import { formatDossierCode } from '@portal/shared/dossiers/code';
import type { DossierState, OfficerAction } from '@portal/shared/dossiers/lifecycle';
import { feeFor } from '@portal/shared/procedures/fees';
import { keys } from '@portal/shared/table';
import { vietnamDate } from '@portal/shared/vietnamese';
import { codeGuardItem, dossierItem, getDossier, historyItem, nextCodeSequence, putUnitMember, transact, type StoredDossier } from '../repositories/dossiers';
import type { TransactItem } from '../repositories/payments';
import { procedureOf } from '../services/dossier-transitions';
import { trackingChecks } from '../services/dossier-contact';
import { auditEntry, dossierTarget } from '../repositories/audit';
import { rate } from '../services/ratings';
import { demoPrincipal, demoUsers } from './demo-users';

export const demoDossierId = (n: number): string => `01JDEMDSR${String(n).padStart(17, '0')}`;

const DAY = 86_400_000;
const person = (userId: string): PersonRef => ({ userId, name: demoUsers.find((u) => u.id === userId)?.name ?? userId });

const individual = (fullName: string, phone: string, cccd: string, email: string) => ({ fullName, phone, cccd, email, gender: 'nam', dateOfBirth: '1988-05-14' });
const organisation = (orgName: string, phone: string, representativeCccd: string, email: string) => ({
  orgName, phone, representativeCccd, email, taxCode: '0312345678', representativeName: 'Lê Quang Minh', representativeTitle: 'Giám đốc',
});

interface DemoDossier {
  n: number;
  procedureId: string;
  ownerId: string;
  organisationId?: string;
  data: Record<string, unknown>;
  /** The path it took, in order, after creation. */
  path: { action: HistoryEntry['action']; to: DossierState; by?: string }[];
  submittedDaysAgo: number;
  /** Working days from today to the due date (negative: that many times two calendar days ago, overdue). */
  dueInWorkingDays?: number;
  assignee?: string;
  supplement?: string[];
  /** A satisfaction rating its owner gave that many days after submission (ADR 0026). */
  rating?: { score: 1 | 2 | 3 | 4 | 5; comment?: string; daysAfter: number };
}

const ISSUED: DemoDossier['path'] = [{ action: 'submit', to: 'submitted' }, { action: 'receive', to: 'received', by: 'officer-lan' }, { action: 'approve', to: 'approved', by: 'officer-lan' }, { action: 'issue_result', to: 'result_issued', by: 'officer-lan' }];
const REJECTED: DemoDossier['path'] = [{ action: 'submit', to: 'submitted' }, { action: 'receive', to: 'received', by: 'officer-thao' }, { action: 'reject', to: 'rejected', by: 'officer-thao' }];
const binh = individual('Trần Thị Bình', '0912345678', '079190005678', 'binh.tran@example.vn');

const demos: DemoDossier[] = [
  {
    n: 1, procedureId: 'cap-moi-giay-phep-hoat-dong-phong-kham', ownerId: 'clinic-owner-minh', organisationId: 'org-phong-kham-an-khang',
    data: organisation('Phòng khám đa khoa An Khang', '0903111222', '079080001111', 'minh.le@example.vn'),
    path: [{ action: 'submit', to: 'submitted' }], submittedDaysAgo: 1, dueInWorkingDays: 30,
  },
  {
    n: 2, procedureId: 'cap-moi-giay-phep-hanh-nghe', ownerId: 'citizen-an', data: individual('Nguyễn Văn An', '0901234567', '079085001234', 'an.nguyen@example.vn'),
    path: [{ action: 'submit', to: 'submitted' }, { action: 'receive', to: 'received', by: 'officer-lan' }, { action: 'assign', to: 'in_review', by: 'officer-lan' }],
    submittedDaysAgo: 40, dueInWorkingDays: 1, assignee: 'officer-lan',
  },
  {
    n: 3, procedureId: 'cap-lai-giay-phep-hanh-nghe', ownerId: 'citizen-binh', data: individual('Trần Thị Bình', '0912345678', '079190005678', 'binh.tran@example.vn'),
    path: [{ action: 'submit', to: 'submitted' }, { action: 'receive', to: 'received', by: 'officer-thao' }], submittedDaysAgo: 20, dueInWorkingDays: -2,
  },
  {
    n: 4, procedureId: 'dieu-chinh-giay-phep-hanh-nghe', ownerId: 'citizen-binh', data: individual('Trần Thị Bình', '0912345678', '079190005678', 'binh.tran@example.vn'),
    path: [{ action: 'submit', to: 'submitted' }, { action: 'receive', to: 'received', by: 'officer-lan' }, { action: 'request_supplement', to: 'supplement_requested', by: 'officer-lan' }],
    submittedDaysAgo: 6, supplement: ['Bản sao văn bằng chuyên môn có chứng thực'],
  },
  {
    n: 5, procedureId: 'cap-chung-chi-hanh-nghe-duoc', ownerId: 'citizen-an', data: individual('Nguyễn Văn An', '0901234567', '079085001234', 'an.nguyen@example.vn'),
    path: [{ action: 'submit', to: 'submitted' }], submittedDaysAgo: 2, dueInWorkingDays: 12,
  },
  {
    n: 6, procedureId: 'cap-giay-chung-nhan-du-dieu-kien-kinh-doanh-duoc', ownerId: 'clinic-owner-hoa', organisationId: 'org-nha-thuoc-hoa-sen',
    data: organisation('Nhà thuốc Hoa Sen', '0908777666', '079092002222', 'hoa.pham@example.vn'),
    path: [{ action: 'submit', to: 'awaiting_fee' }], submittedDaysAgo: 0,
  },
  {
    n: 7, procedureId: 'cap-moi-giay-phep-hanh-nghe', ownerId: 'citizen-an', data: { fullName: 'Nguyễn Văn An', phone: '0901234567' },
    path: [], submittedDaysAgo: 0,
  },
  // Finished dossiers: three rated ones give the procedure page an aggregate; n = 13 is citizen-an's, still unrated, to try.
  { n: 10, procedureId: 'cap-moi-giay-phep-hanh-nghe', ownerId: 'citizen-binh', data: binh, path: ISSUED, submittedDaysAgo: 30, rating: { score: 5, comment: 'Hồ sơ được giải quyết trước hạn.', daysAfter: 20 } },
  { n: 11, procedureId: 'cap-moi-giay-phep-hanh-nghe', ownerId: 'citizen-binh', data: binh, path: ISSUED, submittedDaysAgo: 25, rating: { score: 4, daysAfter: 20 } },
  { n: 12, procedureId: 'cap-moi-giay-phep-hanh-nghe', ownerId: 'citizen-binh', data: binh, path: REJECTED, submittedDaysAgo: 12, rating: { score: 3, comment: 'Cần hướng dẫn rõ hơn về giấy tờ.', daysAfter: 10 } },
  { n: 13, procedureId: 'cap-moi-giay-phep-hanh-nghe', ownerId: 'citizen-an', data: individual('Nguyễn Văn An', '0901234567', '079085001234', 'an.nguyen@example.vn'), path: ISSUED, submittedDaysAgo: 15 },
];

export async function seedDossiers(db: DynamoDBDocumentClient, tableName: string, agencyCode = process.env.AGENCY_CODE ?? '000.00.31.H29'): Promise<number> {
  const deps = { db, tableName };
  let written = 0;
  for (const officer of demoUsers.filter((u) => u.role === 'officer' && u.unitId)) {
    await putUnitMember(deps, officer.unitId!, { userId: officer.id, name: officer.name });
  }
  const cal = calendarOf(DEFAULT_CALENDARS);
  const now = new Date();
  const today = vietnamDate(now);
  for (const demo of demos) {
    const dossierId = demoDossierId(demo.n);
    if (await getDossier(deps, dossierId)) continue;
    const procedure = procedureOf(demo.procedureId);
    if (!procedure) continue;
    const owner = person(demo.ownerId);
    const createdAt = new Date(now.getTime() - (demo.submittedDaysAgo + 1) * DAY).toISOString();
    const submittedAt = new Date(now.getTime() - demo.submittedDaysAgo * DAY).toISOString();
    const state = demo.path.at(-1)?.to ?? 'draft';
    const submitted = demo.path.length > 0;
    const amount = feeFor(procedure, demo.data, new Date(submittedAt)).amountVnd;
    const awaitingFee = state === 'awaiting_fee';
    const code = submitted ? formatDossierCode(agencyCode, vietnamDate(new Date(submittedAt)), await nextCodeSequence(deps, agencyCode, vietnamDate(new Date(submittedAt)))) : undefined;
    const dueDate =
      demo.dueInWorkingDays === undefined ? undefined
      : demo.dueInWorkingDays >= 0 ? addWorkingDays(today, demo.dueInWorkingDays, cal)
      : addCalendarDays(today, 2 * demo.dueInWorkingDays);
    const dossier: StoredDossier = {
      dossierId,
      procedureId: procedure.code,
      unitId: procedure.unitId,
      state,
      ownerId: demo.ownerId,
      ...(demo.organisationId ? { organisationId: demo.organisationId } : {}),
      ownerName: owner.name,
      applicantName: String(demo.data.orgName ?? demo.data.fullName ?? owner.name),
      data: demo.data,
      createdAt,
      updatedAt: submitted ? submittedAt : createdAt,
      requiresAppraisal: procedure.requiresAppraisal,
      version: demo.path.length + 1,
      ...(code ? { code, submittedAt } : {}),
      ...(demo.path.some((p) => p.action === 'receive') ? { receivedAt: submittedAt } : {}),
      ...(dueDate && !awaitingFee && state !== 'supplement_requested' ? { dueDate, clockStartedAt: submittedAt } : {}),
      ...(demo.assignee ? { assignee: person(demo.assignee) } : {}),
      ...(demo.supplement ? { supplementRequested: true, supplement: { missing: demo.supplement, requestedAt: submittedAt } } : {}),
      ...(submitted ? { fee: { amountVnd: amount, due: procedure.fee.due, status: amount === 0 ? 'not_required' : awaitingFee ? 'unpaid' : 'paid', ...(amount > 0 && !awaitingFee ? { paidAt: submittedAt } : {}) } } : {}),
    };
    const items: TransactItem[] = [
      { Put: { TableName: tableName, Item: dossierItem(dossier), ConditionExpression: 'attribute_not_exists(pk)' } },
      { Put: { TableName: tableName, Item: historyItem(dossierId, 1, { at: createdAt, action: 'create', to: 'draft', actor: 'applicant', by: owner }) } },
    ];
    let from: DossierState = 'draft';
    demo.path.forEach((step, i) => {
      const entry: HistoryEntry = {
        at: submittedAt, action: step.action, from, to: step.to, actor: step.by ? 'officer' : 'applicant', by: person(step.by ?? demo.ownerId),
        ...(step.action === 'request_supplement' && demo.supplement ? { missing: demo.supplement } : {}),
      };
      items.push({ Put: { TableName: tableName, Item: historyItem(dossierId, i + 2, entry) } });
      // An officer's step carries its audit entry, as a real action does (ADR 0025: An sees who acted).
      if (step.by) items.push(auditEntry(tableName, { principal: demoPrincipal(step.by), requestId: 'seed', now: new Date(submittedAt) }, `dossier.${step.action as OfficerAction}`, dossierTarget(dossier), { from, to: step.to }));
      from = step.to;
    });
    if (code) items.push({ Put: { TableName: tableName, Item: codeGuardItem({ code, dossierId, checks: trackingChecks(code, procedure, demo.data) }) } });
    if (submitted && amount > 0) {
      items.push({ Put: { TableName: tableName, Item: { ...keys.dossierFee(dossierId), type: 'dossierFee', dossierId, amountDue: amount, status: awaitingFee ? 'unpaid' : 'paid', version: 1 } } });
    }
    await transact(deps, items);
    written++;
    if (demo.rating) {
      const ratedAt = new Date(new Date(submittedAt).getTime() + demo.rating.daysAfter * DAY);
      const principal = { userId: demo.ownerId, role: 'citizen' as const, name: owner.name, duties: [] };
      await rate({ ...deps, now: () => ratedAt }, principal, 'dossier', dossierId, { score: demo.rating.score, comment: demo.rating.comment });
      written++;
    }
  }
  return written;
}

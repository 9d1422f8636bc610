/**
 * "Ai đã xem dữ liệu của tôi" — who read or acted on my data (ADR 0025). What the API returns for
 * each audit entry whose data subject is the caller, and how a staff member is shown: by their unit
 * or hospital and role, not by name, unless the department turns `showStaffNames` on.
 * No zod here: the site imports this module.
 */
import { hospitalName } from '../hospitals';
import { ROLE_LABELS, type Role } from '../roles';
import { unitName } from '../units';
import { auditActionLabel } from './actions';

type Label = { vi: string; en: string };

/** Items of mine an entry can point at, and the page of mine that shows each. */
export type SubjectTargetType = 'dossier' | 'appointment';

export interface DataAccessItem {
  at: string;
  action: string;
  actionLabel: Label;
  /** Who: role label, and the unit or hospital they work for (when the entry records it). */
  by: { role: Role; roleLabel: Label; place?: Label; name?: string };
  /** Which of my items: its code when it has one (dossier code, booking code). */
  target: { type: SubjectTargetType; id: string; code?: string };
}

export interface DataAccessPage {
  items: DataAccessItem[];
  /** Opaque; absent on the last page. */
  next?: string;
}

export const DATA_ACCESS_PAGE_SIZE = 20;

/** The fields of a stored audit entry the view needs. */
export interface SubjectAuditFacts {
  at: string;
  action: string;
  actorRole: Role;
  actorName?: string;
  actorUnitId?: string;
  actorHospitalId?: string;
  targetType: string;
  targetId: string;
  targetCode?: string;
}

function placeOf(entry: SubjectAuditFacts): Label | undefined {
  if (entry.actorUnitId) return { vi: unitName(entry.actorUnitId, 'vi'), en: unitName(entry.actorUnitId, 'en') };
  if (entry.actorHospitalId) return { vi: hospitalName(entry.actorHospitalId), en: hospitalName(entry.actorHospitalId) };
  // Administrators and officers without a unit work for the department itself.
  if (entry.actorRole === 'admin' || entry.actorRole === 'officer') return { vi: 'Sở Y tế', en: 'Department of Health' };
  return undefined;
}

export function dataAccessItem(entry: SubjectAuditFacts, settings: { showStaffNames: boolean }): DataAccessItem {
  const place = placeOf(entry);
  return {
    at: entry.at,
    action: entry.action,
    actionLabel: { vi: auditActionLabel(entry.action, 'vi'), en: auditActionLabel(entry.action, 'en') },
    by: {
      role: entry.actorRole,
      roleLabel: ROLE_LABELS[entry.actorRole] ?? { vi: entry.actorRole, en: entry.actorRole },
      ...(place ? { place } : {}),
      ...(settings.showStaffNames && entry.actorName ? { name: entry.actorName } : {}),
    },
    target: { type: entry.targetType === 'appointment' ? 'appointment' : 'dossier', id: entry.targetId, ...(entry.targetCode ? { code: entry.targetCode } : {}) },
  };
}

/**
 * Demo accounts of the local identity provider: at least two per role, so ownership can be
 * tested (one citizen must not see another's data). Names and bindings are fictitious.
 */
import type { Duty, Principal, Role } from '@portal/shared/roles';

export interface DemoUser {
  id: string;
  role: Role;
  name: string;
  email: string;
  organisationId?: string;
  unitId?: string;
  hospitalId?: string;
  duties?: Duty[];
}

export const demoUsers: DemoUser[] = [
  { id: 'citizen-an', role: 'citizen', name: 'Nguyễn Văn An', email: 'an.nguyen@example.vn' },
  { id: 'citizen-binh', role: 'citizen', name: 'Trần Thị Bình', email: 'binh.tran@example.vn' },
  { id: 'clinic-owner-minh', role: 'clinic_owner', name: 'Lê Quang Minh', email: 'minh.le@example.vn', organisationId: 'org-phong-kham-an-khang' },
  { id: 'clinic-owner-hoa', role: 'clinic_owner', name: 'Phạm Thu Hoa', email: 'hoa.pham@example.vn', organisationId: 'org-nha-thuoc-hoa-sen' },
  { id: 'officer-lan', role: 'officer', name: 'Võ Thị Lan', email: 'lan.vo@soyte.example.vn', unitId: 'unit-nghiep-vu-y' },
  { id: 'officer-tuan', role: 'officer', name: 'Đặng Minh Tuấn', email: 'tuan.dang@soyte.example.vn', unitId: 'unit-nghiep-vu-duoc' },
  { id: 'officer-thao', role: 'officer', name: 'Huỳnh Phương Thảo', email: 'thao.huynh@soyte.example.vn', unitId: 'unit-nghiep-vu-y' },
  { id: 'scheduler-cho-ray', role: 'hospital_staff', name: 'Bùi Văn Khoa', email: 'khoa.bui@choray.example.vn', hospitalId: 'hosp-cho-ray', duties: ['scheduler'] },
  { id: 'cashier-cho-ray', role: 'hospital_staff', name: 'Đỗ Thị Mai', email: 'mai.do@choray.example.vn', hospitalId: 'hosp-cho-ray', duties: ['cashier'] },
  { id: 'cashier2-cho-ray', role: 'hospital_staff', name: 'Ngô Văn Hùng', email: 'hung.ngo@choray.example.vn', hospitalId: 'hosp-cho-ray', duties: ['cashier'] },
  { id: 'staff-nhi-dong-1', role: 'hospital_staff', name: 'Trương Thị Yến', email: 'yen.truong@nhidong1.example.vn', hospitalId: 'hosp-nhi-dong-1', duties: ['scheduler', 'cashier'] },
  { id: 'reception-cho-ray', role: 'hospital_staff', name: 'Phan Thị Hạnh', email: 'hanh.phan@choray.example.vn', hospitalId: 'hosp-cho-ray', duties: ['reception'] },
  { id: 'reception-nhi-dong-1', role: 'hospital_staff', name: 'Vũ Minh Châu', email: 'chau.vu@nhidong1.example.vn', hospitalId: 'hosp-nhi-dong-1', duties: ['reception'] },
  { id: 'cashier-nhi-dong-1', role: 'hospital_staff', name: 'Lý Văn Phúc', email: 'phuc.ly@nhidong1.example.vn', hospitalId: 'hosp-nhi-dong-1', duties: ['cashier'] },
  { id: 'admin-quang', role: 'admin', name: 'Hoàng Văn Quang', email: 'quang.hoang@soyte.example.vn' },
  { id: 'admin-nga', role: 'admin', name: 'Mai Thị Nga', email: 'nga.mai@soyte.example.vn' },
];

/** A demo account as the principal its token gives (for the seed acting through real services). */
export function demoPrincipal(userId: string): Principal {
  const user = demoUsers.find((u) => u.id === userId);
  if (!user) throw new Error(`No demo user ${userId}`);
  return {
    userId: user.id, role: user.role, name: user.name, duties: user.duties ?? [],
    ...(user.unitId ? { unitId: user.unitId } : {}), ...(user.hospitalId ? { hospitalId: user.hospitalId } : {}), ...(user.organisationId ? { organisationId: user.organisationId } : {}),
  };
}

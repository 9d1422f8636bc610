/** Demo hospital bills for the local stack (fictitious patients; codes printed in the README). */
import type { HisBill } from '@portal/shared/payments/bills';

export const demoBills: HisBill[] = [
  {
    hospitalId: 'hosp-cho-ray', billCode: 'HD-2026-000123', patientCode: 'BN-0012345', patientName: 'Nguyễn Thị Hoa', patientPhone: '0912345678', patientDob: '1985-04-12',
    items: [
      { code: 'KB01', name: 'Khám bệnh chuyên khoa Tim mạch', quantity: 1, unitPrice: 150_000, insuranceCovered: 120_000 },
      { code: 'XN12', name: 'Xét nghiệm công thức máu', quantity: 1, unitPrice: 90_000, insuranceCovered: 72_000 },
      { code: 'SA03', name: 'Siêu âm tim', quantity: 1, unitPrice: 350_000, insuranceCovered: 0 },
    ],
    amountDue: 398_000,
  },
  {
    hospitalId: 'hosp-cho-ray', billCode: 'HD-2026-000124', patientCode: 'BN-0067890', patientName: 'Trần Văn Nam', patientPhone: '0987654321', patientDob: '1962-11-30',
    items: [
      { code: 'KB02', name: 'Khám bệnh chuyên khoa Nội tiết', quantity: 1, unitPrice: 150_000, insuranceCovered: 0 },
      { code: 'TH05', name: 'Thuốc điều trị ngoại trú (7 ngày)', quantity: 7, unitPrice: 25_000, insuranceCovered: 0 },
    ],
    amountDue: 325_000,
  },
  {
    hospitalId: 'hosp-nhi-dong-1', billCode: 'ND1-2026-0456', patientCode: 'NB-2026-0456', patientName: 'Lê Minh Khang', patientPhone: '0905111222', patientDob: '2021-06-01',
    items: [
      { code: 'KB-NHI', name: 'Khám nhi', quantity: 1, unitPrice: 120_000, insuranceCovered: 120_000 },
      { code: 'XQ01', name: 'Chụp X-quang phổi', quantity: 1, unitPrice: 180_000, insuranceCovered: 144_000 },
    ],
    amountDue: 36_000,
  },
];

/**
 * The local demo HIS API key of a hospital (ADR 0012): a fixed, well-known value so scripts and the
 * README can use it. Local seed only; in AWS an administrator issues real keys.
 */
export const demoHisKey = (hospitalId: string): string => `his_${hospitalId}_${'demo'.padEnd(43, '0')}`;

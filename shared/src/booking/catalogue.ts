/**
 * The demo hospitals' booking settings, specialties and weekly templates: what the local seed
 * writes into the table (in AWS the hospitals' schedulers maintain them through the API).
 */
import type { BookingRules } from './dates';
import type { WeeklyTemplate } from './sessions';

export interface HospitalBooking extends BookingRules {
  hospitalId: string;
  address: string;
  /** Exam fee a service patient pays when booking (held 15 minutes until paid); 0 = pay at the hospital. */
  feeAtBookingVnd: number;
  holdMinutes: number;
}

export interface SpecialtyRecord {
  hospitalId: string;
  specialtyId: string;
  name: string;
  nameEn: string;
  description?: string;
}

export const HOLD_MINUTES = 15;

export const hospitalBooking: HospitalBooking[] = [
  { hospitalId: 'hosp-cho-ray', address: '201B Nguyễn Chí Thanh, Phường Chợ Lớn, TP. Hồ Chí Minh', windowDays: 14, cutoffHour: 17, feeAtBookingVnd: 150_000, holdMinutes: HOLD_MINUTES },
  { hospitalId: 'hosp-nhi-dong-1', address: '341 Sư Vạn Hạnh, Phường Hòa Hưng, TP. Hồ Chí Minh', windowDays: 14, cutoffHour: 17, feeAtBookingVnd: 0, holdMinutes: HOLD_MINUTES },
];

export const specialties: SpecialtyRecord[] = [
  { hospitalId: 'hosp-cho-ray', specialtyId: 'tim-mach', name: 'Tim mạch', nameEn: 'Cardiology', description: 'Tăng huyết áp, bệnh mạch vành, rối loạn nhịp tim' },
  { hospitalId: 'hosp-cho-ray', specialtyId: 'noi-tieu-hoa', name: 'Nội tiêu hóa', nameEn: 'Gastroenterology' },
  { hospitalId: 'hosp-cho-ray', specialtyId: 'than-kinh', name: 'Thần kinh', nameEn: 'Neurology' },
  { hospitalId: 'hosp-cho-ray', specialtyId: 'tai-mui-hong', name: 'Tai Mũi Họng', nameEn: 'Ear, nose and throat' },
  { hospitalId: 'hosp-nhi-dong-1', specialtyId: 'nhi-tong-quat', name: 'Nhi tổng quát', nameEn: 'General paediatrics' },
  { hospitalId: 'hosp-nhi-dong-1', specialtyId: 'ho-hap-nhi', name: 'Hô hấp nhi', nameEn: 'Paediatric respiratory medicine' },
  { hospitalId: 'hosp-nhi-dong-1', specialtyId: 'tieu-hoa-nhi', name: 'Tiêu hóa nhi', nameEn: 'Paediatric gastroenterology' },
];

const weekdays = [1, 2, 3, 4, 5];

/** Mornings Monday–Saturday, afternoons Monday–Friday; ENT at Chợ Rẫy sells hourly windows. */
export function demoTemplate(specialtyId: string, room: string): WeeklyTemplate {
  const hourly = specialtyId === 'tai-mui-hong';
  return {
    entries: [
      ...[...weekdays, 6].map((weekday) => ({ weekday, period: 'morning' as const, capacity: hourly ? 6 : 30, room, hourly })),
      ...weekdays.map((weekday) => ({ weekday, period: 'afternoon' as const, capacity: hourly ? 4 : 20, room, hourly })),
    ],
  };
}

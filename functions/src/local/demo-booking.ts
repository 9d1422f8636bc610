/**
 * Booking demo data: the demo hospitals with their booking rules, specialties and weekly templates,
 * sessions with places for the next 14 days, and saved patient profiles for the demo citizens.
 * Idempotent like the rest of the seed (existing items are left as they are).
 */
import { PutCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { demoTemplate, hospitalBooking, specialties } from '@portal/shared/booking/catalogue';
import { addDays, isoWeekday, vietnamToday } from '@portal/shared/booking/dates';
import type { PatientProfile } from '@portal/shared/booking/patients';
import { planSessions } from '@portal/shared/booking/sessions';
import { hospitals } from '@portal/shared/hospitals';
import { keys } from '@portal/shared/table';
import { appointmentItem, insertProfile, type StoredAppointment } from '../repositories/appointments';
import { rate } from '../services/ratings';
import { sessionItem } from '../repositories/booking-schedule';

const demoProfileId = (n: number): string => `01JDEMP${String(n).padStart(19, '0')}`;

export const demoProfiles: { userId: string; profile: PatientProfile }[] = [
  { userId: 'citizen-an', profile: { profileId: demoProfileId(1), relation: 'self', fullName: 'Nguyễn Văn An', dateOfBirth: '1985-04-12', sex: 'male', phone: '0901234567', cccd: '079085001234', address: '12 Lý Tự Trọng, Phường Sài Gòn, TP. Hồ Chí Minh', createdAt: '2026-01-01T00:00:00.000Z' } },
  { userId: 'citizen-an', profile: { profileId: demoProfileId(2), relation: 'parent', fullName: 'Lê Thị Hoa', dateOfBirth: '1950-09-20', sex: 'female', phone: '0907654321', cccd: '079150004321', createdAt: '2026-01-01T00:00:00.000Z' } },
  { userId: 'citizen-binh', profile: { profileId: demoProfileId(3), relation: 'self', fullName: 'Trần Thị Bình', dateOfBirth: '1990-02-03', sex: 'female', phone: '0912345678', cccd: '079190005678', createdAt: '2026-01-01T00:00:00.000Z' } },
  { userId: 'citizen-binh', profile: { profileId: demoProfileId(4), relation: 'child', fullName: 'Trần Gia Huy', dateOfBirth: '2019-06-15', sex: 'male', phone: '0912345678', cccd: '079219001122', createdAt: '2026-01-01T00:00:00.000Z' } },
];

async function putNew(db: DynamoDBDocumentClient, tableName: string, item: Record<string, unknown>): Promise<number> {
  try {
    await db.send(new PutCommand({ TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }));
    return 1;
  } catch (error) {
    if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return 0;
    throw error;
  }
}

/**
 * New items only, quickly: 100 conditional puts per transaction on a fresh table; a chunk that meets
 * an existing item (a restart keeps what the previous run changed) falls back to one put per item.
 */
async function putAllNew(db: DynamoDBDocumentClient, tableName: string, items: Record<string, unknown>[]): Promise<number> {
  let written = 0;
  for (let i = 0; i < items.length; i += 100) {
    const chunk = items.slice(i, i + 100);
    try {
      await db.send(new TransactWriteCommand({ TransactItems: chunk.map((Item) => ({ Put: { TableName: tableName, Item, ConditionExpression: 'attribute_not_exists(pk)' } })) }));
      written += chunk.length;
    } catch (error) {
      if ((error as { name?: string }).name !== 'TransactionCanceledException') throw error;
      for (const item of chunk) written += await putNew(db, tableName, item);
    }
  }
  return written;
}

export async function seedBooking(db: DynamoDBDocumentClient, tableName: string, now = new Date()): Promise<number> {
  const deps = { db, tableName };
  let written = 0;
  for (const rules of hospitalBooking) {
    const h = hospitals.find((x) => x.hospitalId === rules.hospitalId);
    if (!h) continue;
    written += await putNew(db, tableName, { ...keys.hospital(h.hospitalId), type: 'hospital', ...h, ...rules });
  }
  const today = vietnamToday(now);
  const days = Array.from({ length: 15 }, (_, i) => addDays(today, i)).map((date) => ({ date, weekday: isoWeekday(date) }));
  const items: Record<string, unknown>[] = [];
  for (const [i, s] of specialties.entries()) {
    const template = demoTemplate(s.specialtyId, `P.${101 + i}`);
    items.push(
      { ...keys.specialty(s.hospitalId, s.specialtyId), type: 'specialty', ...s },
      { ...keys.scheduleTemplate(s.hospitalId, s.specialtyId), type: 'scheduleTemplate', hospitalId: s.hospitalId, specialtyId: s.specialtyId, template, updatedAt: now.toISOString(), updatedBy: 'seed' },
      ...planSessions(s.hospitalId, s.specialtyId, template, days).map(sessionItem),
    );
  }
  written += await putAllNew(db, tableName, items);
  for (const { userId, profile } of demoProfiles) {
    try {
      await insertProfile(deps, userId, profile);
      written++;
    } catch (error) {
      if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error;
    }
  }
  return written;
}

const demoVisitId = (n: number): string => `01JDEMAPT${String(n).padStart(17, '0')}`;

/**
 * Past visits of citizen-binh at Chợ Rẫy, checked in and rated (ADR 0026), so the hospital has
 * counts to show. Written once: a visit already there keeps whatever happened to it.
 */
export async function seedRatedVisits(db: DynamoDBDocumentClient, tableName: string, now = new Date()): Promise<number> {
  let written = 0;
  const profile = demoProfiles[2]!.profile;
  for (const [n, daysAgo, score] of [[1, 20, 5], [2, 9, 4]] as const) {
    const date = addDays(vietnamToday(now), -daysAgo);
    const at = `${date}T00:30:00.000Z`;
    const visit: StoredAppointment = {
      appointmentId: demoVisitId(n), code: `DEMO-BV0${n}`, userId: 'citizen-binh', hospitalId: 'hosp-cho-ray', specialtyId: 'tim-mach', sessionId: `hosp-cho-ray.tim-mach.${date}.0700`,
      date, period: 'morning', start: '07:00', end: '11:30', room: 'P.101',
      patient: { fullName: profile.fullName, dateOfBirth: profile.dateOfBirth, sex: profile.sex, phone: profile.phone, cccd: profile.cccd } as StoredAppointment['patient'],
      patientHashes: [], insurance: { category: 'bhyt_registered' } as StoredAppointment['insurance'], status: 'checked_in', version: 2, createdAt: at, queueNumber: n, checkedInAt: at,
    };
    if (!(await putNew(db, tableName, appointmentItem(visit)))) continue;
    const principal = { userId: 'citizen-binh', role: 'citizen' as const, name: profile.fullName, duties: [] };
    await rate({ db, tableName, now: () => new Date(Date.parse(at) + 86_400_000) }, principal, 'appointment', visit.appointmentId, { score });
    written += 2;
  }
  return written;
}

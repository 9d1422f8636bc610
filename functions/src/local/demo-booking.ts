/**
 * Booking demo data: the demo hospitals with their booking rules, specialties and weekly templates,
 * sessions with places for the next 14 days, and saved patient profiles for the demo citizens.
 * Idempotent like the rest of the seed (existing items are left as they are).
 */
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { demoTemplate, hospitalBooking, specialties } from '@portal/shared/booking/catalogue';
import { addDays, isoWeekday, vietnamToday } from '@portal/shared/booking/dates';
import type { PatientProfile } from '@portal/shared/booking/patients';
import { planSessions } from '@portal/shared/booking/sessions';
import { hospitals } from '@portal/shared/hospitals';
import { keys } from '@portal/shared/table';
import { insertProfile, insertSession } from '../repositories/booking';

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
  for (const [i, s] of specialties.entries()) {
    written += await putNew(db, tableName, { ...keys.specialty(s.hospitalId, s.specialtyId), type: 'specialty', ...s });
    const template = demoTemplate(s.specialtyId, `P.${101 + i}`);
    written += await putNew(db, tableName, { ...keys.scheduleTemplate(s.hospitalId, s.specialtyId), type: 'scheduleTemplate', hospitalId: s.hospitalId, specialtyId: s.specialtyId, template, updatedAt: now.toISOString(), updatedBy: 'seed' });
    const planned = planSessions(s.hospitalId, s.specialtyId, template, days);
    const created = await Promise.all(planned.map((session) => insertSession(deps, session, undefined)));
    written += created.filter(Boolean).length;
  }
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

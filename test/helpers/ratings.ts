/**
 * Steps the rating tests share: a dossier the agency has finished, an appointment its patient was
 * checked in for (written straight into the table, as the reception route would leave it), and the
 * rating calls through the API.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { RatingSummary, RatingView } from '../../shared/src/ratings/api';
import { vietnamDate } from '../../shared/src/vietnamese';
import { newId } from '../../functions/src/platform/ids';
import { appointmentItem, type StoredAppointment } from '../../functions/src/repositories/appointments';
import type { StoredDossier } from '../../functions/src/repositories/dossiers';
import { api, seedInState } from './dossiers';
import type { TestPortal } from './portal';

export const finishedDossier = (portal: TestPortal, overrides: Partial<StoredDossier> = {}) => seedInState(portal, 'result_issued', overrides);

export async function checkedInAppointment(portal: TestPortal, userId = 'citizen-an', overrides: Partial<StoredAppointment> = {}): Promise<StoredAppointment> {
  const now = new Date();
  const date = vietnamDate(now);
  const appointment: StoredAppointment = {
    appointmentId: newId(), code: `T${Math.random().toString(36).slice(2, 5).toUpperCase()}-${Math.random().toString(36).slice(2, 6).toUpperCase()}`, userId,
    hospitalId: 'hosp-cho-ray', specialtyId: 'tim-mach', sessionId: `hosp-cho-ray.tim-mach.${date}.0700`, date, period: 'morning', start: '07:00', end: '11:30', room: 'P.101',
    patient: { fullName: 'Nguyễn Văn An', dateOfBirth: '1985-04-12', sex: 'male', phone: '0901234567', cccd: '079085001234' } as StoredAppointment['patient'],
    patientHashes: [], insurance: { category: 'bhyt_registered' } as StoredAppointment['insurance'], status: 'checked_in', version: 3, createdAt: now.toISOString(), queueNumber: 1, checkedInAt: now.toISOString(),
    ...overrides,
  };
  await portal.db.send(new PutCommand({ TableName: portal.tableName, Item: appointmentItem(appointment) }));
  return appointment;
}

export const rateDossier = (portal: TestPortal, dossierId: string, as: string | undefined, body: unknown) => api<RatingView>(portal, `/api/dossiers/${dossierId}/rating`, as, 'PUT', body);
export const rateAppointment = (portal: TestPortal, appointmentId: string, as: string | undefined, body: unknown) => api<RatingView>(portal, `/api/appointments/${appointmentId}/rating`, as, 'PUT', body);
export const summaryOf = async (portal: TestPortal, query: string) => (await api<RatingSummary>(portal, `/api/ratings/summary?${query}`, undefined)).body;

import { emptyBodySchema, hospitalAppointmentParams } from '@portal/shared/booking/api';
import { platformDeps } from '../../platform/deps';
import { httpHandler } from '../../platform/http';
import { noShow } from '../../services/booking-staff';

/** Reception marks a booking as not attended (the no-show job does the rest after the session). */
export const handler = httpHandler('reception.noShow', { path: hospitalAppointmentParams, body: emptyBodySchema }, async ({ path, principal, requestId }) => ({
  body: await noShow(platformDeps, path.hospitalId, path.appointmentId, { principal: principal!, requestId, now: platformDeps.now() }),
}));

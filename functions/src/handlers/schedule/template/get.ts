import { platformDeps } from '../../../platform/deps';
import { httpHandler } from '../../../platform/http';
import { readTemplate } from '../../../services/booking-staff';

/** A specialty's weekly template (empty until the scheduler writes one). */
export const handler = httpHandler('schedule.template.get', async ({ path, principal, requestId }) => ({
  body: await readTemplate(platformDeps, path.hospitalId, path.specialtyId, { principal: principal!, requestId, now: platformDeps.now() }),
}));

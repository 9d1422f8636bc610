import { platformDeps } from '../../../platform/deps';
import { httpHandler } from '../../../platform/http';
import { saveTemplate } from '../../../services/booking-staff';

/** Replace a specialty's weekly template (audited); sessions already made keep their settings. */
export const handler = httpHandler('schedule.template.put', async ({ path, body, principal, requestId }) => ({
  body: await saveTemplate(platformDeps, path.hospitalId, path.specialtyId, body, { principal: principal!, requestId, now: platformDeps.now() }),
}));

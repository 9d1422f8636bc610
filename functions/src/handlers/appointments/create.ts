import { platformDeps } from '../../platform/deps';
import { httpHandler } from '../../platform/http';
import { bookAppointment, idempotencyKeyOf } from '../../services/booking';

/** Book a place; every retry with the same Idempotency-Key gets the same 201. */
export const handler = httpHandler('appointments.create', async ({ body, principal, headers, lang }) => ({
  status: 201,
  body: await bookAppointment(platformDeps, body, { principal: principal!, idempotencyKey: idempotencyKeyOf(headers, lang) }),
}));

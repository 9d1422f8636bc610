import { httpHandler } from '../../platform/http';

const startedAt = new Date().toISOString();

/** Liveness: the function starts, its configuration parsed. */
export const handler = httpHandler('health.get', async () => ({
  body: { status: 'ok', service: 'cong-dich-vu-y-te', startedAt, time: new Date().toISOString() },
}));

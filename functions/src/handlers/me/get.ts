import { httpHandler } from '../../platform/http';

/** The signed-in user as the portal sees them: role and bindings, nothing else. */
export const handler = httpHandler('me.get', async ({ principal }) => ({ body: principal }));

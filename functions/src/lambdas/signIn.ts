import { dispatch } from '../platform/dispatch';
import { handler as config } from '../handlers/auth/config';
import { handler as logout } from '../handlers/auth/logout';
import { handler as refresh } from '../handlers/auth/refresh';
import { handler as token } from '../handlers/auth/token';

export const handler = dispatch('signIn', { 'auth.config': config, 'auth.token': token, 'auth.refresh': refresh, 'auth.logout': logout });

import { dispatch } from '../platform/dispatch';
import { handler as list } from '../handlers/audit/list';
import { handler as dataAccess } from '../handlers/me/dataAccess';

export const handler = dispatch('audit', { 'audit.list': list, 'me.dataAccess': dataAccess });

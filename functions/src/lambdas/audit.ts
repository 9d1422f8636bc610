import { dispatch } from '../platform/dispatch';
import { handler as list } from '../handlers/audit/list';

export const handler = dispatch('audit', { 'audit.list': list });

import { dispatch } from '../platform/dispatch';
import { handler as decide } from '../handlers/refunds/decide';
import { handler as list } from '../handlers/refunds/list';
import { handler as request } from '../handlers/refunds/request';

export const handler = dispatch('refunds', { 'refunds.request': request, 'refunds.decide': decide, 'refunds.list': list });

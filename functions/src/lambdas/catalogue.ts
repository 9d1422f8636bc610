import { dispatch } from '../platform/dispatch';
import { handler as get } from '../handlers/procedures/get';
import { handler as list } from '../handlers/procedures/list';

export const handler = dispatch('catalogue', { 'procedures.list': list, 'procedures.get': get });

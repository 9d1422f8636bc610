import { dispatch } from '../platform/dispatch';
import { handler as update } from '../handlers/procedures/update';

export const handler = dispatch('catalogueAdmin', { 'procedures.update': update });

import { dispatch } from '../platform/dispatch';
import { handler as createHisKey } from '../handlers/hisKeys/create';

export const handler = dispatch('hospitalAdmin', { 'hisKeys.create': createHisKey });

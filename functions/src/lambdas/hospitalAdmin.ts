import { dispatch } from '../platform/dispatch';
import { handler as createHisKey } from '../handlers/hisKeys/create';
import { handler as listHisKeys } from '../handlers/hisKeys/list';
import { handler as revokeHisKey } from '../handlers/hisKeys/revoke';

export const handler = dispatch('hospitalAdmin', { 'hisKeys.create': createHisKey, 'hisKeys.list': listHisKeys, 'hisKeys.revoke': revokeHisKey });

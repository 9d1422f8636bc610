import { dispatch } from '../platform/dispatch';
import { handler as attachmentCreate } from '../handlers/dossiers/attachments/create';
import { handler as attachmentDelete } from '../handlers/dossiers/attachments/delete';
import { handler as attachmentGet } from '../handlers/dossiers/attachments/get';
import { handler as create } from '../handlers/dossiers/create';
import { handler as get } from '../handlers/dossiers/get';
import { handler as licence } from '../handlers/dossiers/licence';
import { handler as list } from '../handlers/dossiers/list';
import { handler as submit } from '../handlers/dossiers/submit';
import { handler as update } from '../handlers/dossiers/update';
import { handler as withdraw } from '../handlers/dossiers/withdraw';

export const handler = dispatch('dossiers', {
  'dossiers.create': create,
  'dossiers.list': list,
  'dossiers.get': get,
  'dossiers.update': update,
  'dossiers.submit': submit,
  'dossiers.withdraw': withdraw,
  'dossiers.attachments.create': attachmentCreate,
  'dossiers.attachments.get': attachmentGet,
  'dossiers.attachments.delete': attachmentDelete,
  'dossiers.licence': licence,
});

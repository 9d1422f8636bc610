import { dispatch } from '../platform/dispatch';
import { handler as act } from '../handlers/dossiers/act';
import { handler as inboxList } from '../handlers/inbox/list';
import { handler as inboxReceive } from '../handlers/inbox/receive';

export const handler = dispatch('dossierOffice', { 'inbox.list': inboxList, 'inbox.receive': inboxReceive, 'dossiers.act': act });

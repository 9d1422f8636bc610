import { dispatch } from '../platform/dispatch';
import { handler as appointmentPut } from '../handlers/ratings/appointment/put';
import { handler as dossierPut } from '../handlers/ratings/dossier/put';

export const handler = dispatch('ratings', {
  'ratings.dossier.put': dossierPut,
  'ratings.appointment.put': appointmentPut,
});

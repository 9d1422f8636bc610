import { dispatch } from '../platform/dispatch';
import { handler as appointmentGet } from '../handlers/ratings/appointment/get';
import { handler as dossierGet } from '../handlers/ratings/dossier/get';
import { handler as summary } from '../handlers/ratings/summary';

export const handler = dispatch('ratingsRead', {
  'ratings.dossier.get': dossierGet,
  'ratings.appointment.get': appointmentGet,
  'ratings.summary': summary,
});

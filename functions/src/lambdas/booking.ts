import { dispatch } from '../platform/dispatch';
import { handler as cancel } from '../handlers/appointments/cancel';
import { handler as create } from '../handlers/appointments/create';
import { handler as reschedule } from '../handlers/appointments/reschedule';
import { handler as patientsCreate } from '../handlers/patients/create';

export const handler = dispatch('booking', {
  'appointments.create': create,
  'appointments.cancel': cancel,
  'appointments.reschedule': reschedule,
  'patients.create': patientsCreate,
});

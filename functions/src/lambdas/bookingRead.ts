import { dispatch } from '../platform/dispatch';
import { handler as appointmentsGet } from '../handlers/appointments/get';
import { handler as appointmentsMine } from '../handlers/appointments/mine';
import { handler as hospitalsList } from '../handlers/hospitals/list';
import { handler as specialties } from '../handlers/hospitals/specialties';
import { handler as patientsList } from '../handlers/patients/list';
import { handler as sessionsList } from '../handlers/sessions/list';

export const handler = dispatch('bookingRead', {
  'hospitals.list': hospitalsList,
  'hospitals.specialties': specialties,
  'sessions.list': sessionsList,
  'appointments.mine': appointmentsMine,
  'appointments.get': appointmentsGet,
  'patients.list': patientsList,
});

import { dispatch } from '../platform/dispatch';
import { handler as checkIn } from '../handlers/reception/checkIn';
import { handler as noShow } from '../handlers/reception/noShow';
import { handler as closeDay } from '../handlers/schedule/closeDay';
import { handler as generate } from '../handlers/schedule/generate';
import { handler as sessionAppointments } from '../handlers/schedule/session/appointments';
import { handler as sessionUpdate } from '../handlers/schedule/session/update';
import { handler as sessions } from '../handlers/schedule/sessions';
import { handler as templateGet } from '../handlers/schedule/template/get';
import { handler as templatePut } from '../handlers/schedule/template/put';

export const handler = dispatch('hospitalSchedule', {
  'schedule.template.get': templateGet,
  'schedule.template.put': templatePut,
  'schedule.sessions': sessions,
  'schedule.generate': generate,
  'schedule.session.update': sessionUpdate,
  'schedule.closeDay': closeDay,
  'schedule.session.appointments': sessionAppointments,
  'reception.checkIn': checkIn,
  'reception.noShow': noShow,
});

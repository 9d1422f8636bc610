import { dispatch } from '../platform/dispatch';
import { handler as calendarPut } from '../handlers/calendar/put';
import { handler as licenceStatus } from '../handlers/licences/status';

export const handler = dispatch('departmentAdmin', { 'calendar.put': calendarPut, 'licences.status': licenceStatus });

/** Pure parts of the booking pages: dates and times in Vietnam, places in words, answer guards, when a booking can still change. */
import { describe, expect, it } from 'vitest';
import { isAppointment, isSession } from '../../../web/src/lib/booking-api';
import { canChangeNow, dayLabel, placesText, vietnamTime } from '../../../web/src/lib/booking-format';

describe('booking page formats', () => {
  it('names the weekday of a Vietnam date and shows instants in Vietnam time on any device', () => {
    expect(dayLabel('2026-11-23', 'vi')).toBe('Thứ Hai, 23/11/2026');
    expect(dayLabel('2026-11-29', 'en')).toBe('Sunday, 29/11/2026');
    expect(vietnamTime('2026-11-22T10:00:00.000Z')).toBe('17:00 22/11/2026');
    expect(vietnamTime('2026-11-22T17:30:00.000Z')).toBe('00:30 23/11/2026');
  });

  it('says how many places are left, and "Hết chỗ" when none', () => {
    expect(placesText(12, 'vi')).toBe('Còn 12 chỗ');
    expect(placesText(0, 'vi')).toBe('Hết chỗ');
    expect(placesText(1, 'en')).toBe('1 place left');
  });

  it('offers cancel and reschedule only before the cut-off and for bookings that hold a place', () => {
    const until = '2026-11-22T10:00:00.000Z';
    expect(canChangeNow({ status: 'confirmed', changeableUntil: until }, Date.parse(until) - 1)).toBe(true);
    expect(canChangeNow({ status: 'confirmed', changeableUntil: until }, Date.parse(until))).toBe(false);
    expect(canChangeNow({ status: 'checked_in', changeableUntil: until }, 0)).toBe(false);
    expect(canChangeNow({ status: 'held', changeableUntil: until }, 0)).toBe(true);
  });
});

describe('booking answer guards', () => {
  it('accept the API shapes and refuse anything else', () => {
    const session = { sessionId: 'hosp-cho-ray.tim-mach.2026-11-23.0700', date: '2026-11-23', start: '07:00', end: '11:30', placesLeft: 3, capacity: 30 };
    expect(isSession(session)).toBe(true);
    expect(isSession({ ...session, placesLeft: '3' })).toBe(false);
    const appointment = { appointmentId: 'A', code: 'AB12-CD34', status: 'confirmed', qr: 'AB12-CD34', sessionId: session.sessionId, date: session.date, changeableUntil: '2026-11-22T10:00:00.000Z', patient: { fullName: 'X' } };
    expect(isAppointment(appointment)).toBe(true);
    expect(isAppointment({ ...appointment, patient: null })).toBe(false);
    expect(isAppointment([])).toBe(false);
  });
});

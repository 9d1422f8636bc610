/**
 * Booking rules a patient or a hospital would notice: which days can be booked (Vietnam dates and
 * the cut-off), session windows, insurance and referral validity on the appointment date, the
 * personal ID, booking codes and queue numbers.
 */
import { safeParse } from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { createAppointmentSchema } from '../../../shared/src/booking/api';
import { bookingCodeOf, base32Id, formatQueueNumber, normaliseBookingCode } from '../../../shared/src/booking/codes';
import { addWorkingDays } from '../../../shared/src/calendar/working-days';
import { ageOn, defaultWorkCalendar, bookingVerdict, bookingWindow, canChange, cutoffFor, isoWeekday, vietnamToday, DEFAULT_RULES } from '../../../shared/src/booking/dates';
import { insuranceProblem, insuranceSchema, referralLastDay } from '../../../shared/src/booking/insurance';
import { maskedName, patientSchema, personalIdProblem } from '../../../shared/src/booking/patients';
import { parseSessionId, planSessions, sessionId, weeklyTemplateSchema, windowsOf } from '../../../shared/src/booking/sessions';

const rules = DEFAULT_RULES; // 14 days, cut-off 17:00 the day before

describe('Vietnam dates', () => {
  it('today is the Vietnam date even when UTC is still the day before', () => {
    expect(vietnamToday(new Date('2026-03-01T18:30:00Z'))).toBe('2026-03-02'); // 01:30 in Hồ Chí Minh City
    expect(vietnamToday(new Date('2026-03-01T16:59:59Z'))).toBe('2026-03-01');
  });

  it('booking for tomorrow closes at 17:00 Vietnam time today', () => {
    expect(cutoffFor('2026-03-03', rules).toISOString()).toBe('2026-03-02T10:00:00.000Z');
    expect(bookingWindow(new Date('2026-03-02T09:59:00Z'), rules)).toEqual({ from: '2026-03-03', to: '2026-03-16' });
    expect(bookingWindow(new Date('2026-03-02T10:00:00Z'), rules)).toEqual({ from: '2026-03-04', to: '2026-03-16' });
    expect(bookingVerdict(new Date('2026-03-02T10:00:00Z'), '2026-03-03', rules)).toBe('past_cutoff');
    expect(bookingVerdict(new Date('2026-03-02T10:00:00Z'), '2026-03-02', rules)).toBe('past_cutoff');
    expect(bookingVerdict(new Date('2026-03-02T10:00:00Z'), '2026-03-17', rules)).toBe('too_far');
    expect(bookingVerdict(new Date('2026-03-02T10:00:00Z'), '2026-03-16', rules)).toBe('open');
  });

  it('at 01:00 Vietnam time (18:00 UTC the day before) the window starts from the Vietnam tomorrow', () => {
    const now = new Date('2026-03-01T18:00:00Z'); // 2026-03-02 01:00 in Vietnam
    expect(bookingWindow(now, rules).from).toBe('2026-03-03');
    expect(canChange(now, '2026-03-03', rules)).toBe(true);
    expect(canChange(now, '2026-03-02', rules)).toBe(false);
  });

  it('weekdays, working days and ages', () => {
    expect(isoWeekday('2026-03-01')).toBe(7);
    expect(isoWeekday('2026-03-02')).toBe(1);
    expect(addWorkingDays('2026-03-06', 1, defaultWorkCalendar)).toBe('2026-03-09');
    expect(ageOn('2020-03-02', '2026-03-01')).toBe(5);
    expect(ageOn('2020-03-02', '2026-03-02')).toBe(6);
  });
});

describe('sessions', () => {
  it('a morning is 07:00–11:30 and an afternoon 13:00–16:30; hourly windows split them', () => {
    expect(windowsOf('morning', false)).toEqual([{ start: '07:00', end: '11:30' }]);
    expect(windowsOf('afternoon', true).map((w) => `${w.start}-${w.end}`)).toEqual(['13:00-14:00', '14:00-15:00', '15:00-16:00', '16:00-16:30']);
  });

  it('session ids name their place and parse back', () => {
    const id = sessionId('hosp-cho-ray', 'tim-mach', '2026-03-02', '07:00');
    expect(id).toBe('hosp-cho-ray.tim-mach.2026-03-02.0700');
    expect(parseSessionId(id)).toEqual({ hospitalId: 'hosp-cho-ray', specialtyId: 'tim-mach', date: '2026-03-02', start: '07:00' });
    expect(parseSessionId('hosp-cho-ray.tim-mach.2026-03-02')).toBeUndefined();
  });

  it('a weekly template makes the sessions of the days it covers', () => {
    const template = weeklyTemplateSchema.parse({ entries: [{ weekday: 1, period: 'morning', capacity: 30, room: 'P.101' }, { weekday: 1, period: 'afternoon', capacity: 5, room: 'P.101', hourly: true }] });
    const planned = planSessions('hosp-cho-ray', 'tim-mach', template, [{ date: '2026-03-02', weekday: 1 }, { date: '2026-03-03', weekday: 2 }]);
    expect(planned.map((s) => s.start)).toEqual(['07:00', '13:00', '14:00', '15:00', '16:00']);
    expect(planned.every((s) => s.date === '2026-03-02')).toBe(true);
    expect(safeParse(weeklyTemplateSchema, { entries: [{ weekday: 1, period: 'morning', capacity: 1, room: 'A' }, { weekday: 1, period: 'morning', capacity: 2, room: 'B' }] }).success).toBe(false);
  });
});

describe('insurance', () => {
  it('a referral is valid for first use within 10 working days of signing', () => {
    expect(referralLastDay('2026-03-02')).toBe('2026-03-16');
    expect(insuranceProblem({ category: 'referral', referralDate: '2026-03-02' }, '2026-03-16')).toBeUndefined();
    expect(insuranceProblem({ category: 'referral', referralDate: '2026-03-02' }, '2026-03-17')).toBe('referral_expired');
    expect(insuranceProblem({ category: 'referral', referralDate: '2026-03-10' }, '2026-03-09')).toBe('referral_not_yet_signed');
  });

  it('holidays do not count: a referral signed before 30/4 and 1/5 lasts longer', () => {
    expect(referralLastDay('2026-04-27')).toBe(addWorkingDays('2026-04-27', 10, defaultWorkCalendar));
    expect(referralLastDay('2026-04-27') > '2026-05-11').toBe(true);
  });

  it('a chronic-disease referral runs to 31 December', () => {
    expect(insuranceProblem({ category: 'referral', referralDate: '2026-01-05', referralValidity: 'calendar_year' }, '2026-12-31')).toBeUndefined();
    expect(insuranceProblem({ category: 'referral', referralDate: '2025-12-01', referralValidity: 'calendar_year' }, '2026-01-02')).toBe('referral_expired');
  });

  it('the referral date comes with a referral only', () => {
    expect(safeParse(insuranceSchema, { category: 'referral' }).success).toBe(false);
    expect(safeParse(insuranceSchema, { category: 'service', referralDate: '2026-03-01' }).success).toBe(false);
    expect(safeParse(insuranceSchema, { category: 'bhyt_registered' }).success).toBe(true);
  });
});

describe('patients', () => {
  const an = { fullName: 'Nguyễn Văn An', dateOfBirth: '1985-04-12', sex: 'male', phone: '0901234567', cccd: '079085001234' };

  it('the personal ID carries the province, the century and sex, and the year of birth', () => {
    expect(personalIdProblem('079085001234', '1985-04-12', 'male')).toBeUndefined();
    expect(personalIdProblem('079185001234', '1985-04-12', 'female')).toBeUndefined();
    expect(personalIdProblem('079318001234', '2018-01-01', 'female')).toBeUndefined();
    expect(personalIdProblem('079085001234', '1986-04-12', 'male')).toBe('birth');
    expect(personalIdProblem('079085001234', '1985-04-12', 'female')).toBe('birth');
    expect(personalIdProblem('099085001234')).toBe('province');
    expect(personalIdProblem('79085001234')).toBe('format');
  });

  it('a patient needs the personal ID or a BHXH code, and a consistent one', () => {
    expect(safeParse(patientSchema, an).success).toBe(true);
    expect(safeParse(patientSchema, { ...an, cccd: undefined, bhxh: '7912345678' }).success).toBe(true);
    expect(safeParse(patientSchema, { ...an, cccd: undefined }).success).toBe(false);
    expect(safeParse(patientSchema, { ...an, dateOfBirth: '1990-01-01' }).success).toBe(false);
    expect(safeParse(patientSchema, { ...an, phone: '12345' }).success).toBe(false);
    expect(safeParse(patientSchema, { ...an, fullName: '<script>' }).success).toBe(false);
  });

  it('a booking names a saved profile or a patient, not both', () => {
    const base = { sessionId: 'hosp-cho-ray.tim-mach.2026-03-02.0700', insurance: { category: 'service' } };
    expect(safeParse(createAppointmentSchema, { ...base, patient: an }).success).toBe(true);
    expect(safeParse(createAppointmentSchema, { ...base, patientProfileId: '01JDEMQ0000000000000000000' }).success).toBe(true);
    expect(safeParse(createAppointmentSchema, base).success).toBe(false);
    expect(safeParse(createAppointmentSchema, { ...base, patient: an, patientProfileId: '01JDEMQ0000000000000000000' }).success).toBe(false);
  });

  it('lists show initials after the family name', () => {
    expect(maskedName('Nguyễn Văn An')).toBe('Nguyễn V. A.');
  });
});

describe('codes', () => {
  it('a booking code is 8 Crockford characters from the id, forgiving what people mistype', () => {
    const id = base32Id(new Uint8Array(20).fill(0xab));
    expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    const code = bookingCodeOf('01JDEMQ00000000000007K2M9Q');
    expect(code).toBe('007K-2M9Q');
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(normaliseBookingCode('ab1o 2xyz')).toBe('AB10-2XYZ');
    expect(normaliseBookingCode('ab1l-2xyz')).toBe('AB11-2XYZ');
    expect(normaliseBookingCode('short')).toBeUndefined();
    expect(normaliseBookingCode('AB10-2XYU')).toBeUndefined();
    expect(formatQueueNumber(7)).toBe('007');
  });
});

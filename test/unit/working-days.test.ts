import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDARS, weekdayOf, yearCalendarSchema, type YearCalendar } from '../../shared/src/calendar/holidays';
import {
  addCalendarDays, addWorkingDays, calendarOf, dueDateFor, dueState, isWorkingDay, vietnamDateOf, workingDaysBetween, type TimeLimit,
} from '../../shared/src/calendar/working-days';

const cal = calendarOf(DEFAULT_CALENDARS);
/** An instant at a Vietnam wall-clock time. */
const vn = (date: string, time = '09:00') => new Date(`${date}T${time}:00+07:00`);

/** Any date from 2024 to 2028: 2024 and 2028 are not in the table (weekends only). */
const anyDate = fc.integer({ min: 0, max: 5 * 366 }).map((i) => addCalendarDays('2024-01-01', i));
const anyLimit: fc.Arbitrary<TimeLimit> = fc.record({
  value: fc.integer({ min: 0, max: 90 }),
  unit: fc.constantFrom('calendar_days' as const, 'working_days' as const, 'immediate' as const),
});

describe('the default holiday table', () => {
  it('passes the admin schema for 2025, 2026 and 2027', () => {
    expect(DEFAULT_CALENDARS.map((y) => y.year)).toEqual([2025, 2026, 2027]);
    for (const year of DEFAULT_CALENDARS) expect(yearCalendarSchema.safeParse(year).error?.issues ?? [], String(year.year)).toEqual([]);
  });

  it('gives the 11 statutory days off each year; a swap adds one weekday off and one working weekend day', () => {
    for (const year of DEFAULT_CALENDARS) expect(year.holidays.length - year.makeUpDays.length, String(year.year)).toBe(11);
  });

  it('gives Tết five weekdays off: 27–31 Jan 2025, 16–20 Feb 2026, 5 and 8–11 Feb 2027', () => {
    const tet = (y: number) => DEFAULT_CALENDARS.find((c) => c.year === y)!.holidays.filter((d) => d.nameVi.startsWith('Tết Nguyên đán')).map((d) => d.date);
    expect(tet(2025)).toEqual(['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31']);
    expect(tet(2026)).toEqual(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']);
    expect(tet(2027)).toEqual(['2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11']);
  });
});

describe('yearCalendarSchema (admin edits)', () => {
  const base: YearCalendar = { year: 2026, holidays: [{ date: '2026-09-02', nameVi: 'Quốc khánh', nameEn: 'National Day' }], makeUpDays: [] };
  const messages = (value: unknown) => (yearCalendarSchema.safeParse(value).error?.issues ?? []).map((i) => i.message);

  it('accepts a minimal year', () => expect(messages(base)).toEqual([]));
  it('rejects a date of another year', () => {
    expect(messages({ ...base, holidays: [{ ...base.holidays[0]!, date: '2027-09-02' }] })).toEqual(['Ngày 2027-09-02 không thuộc năm 2026']);
  });
  it('rejects the same date twice, also across the two lists', () => {
    expect(messages({ ...base, holidays: [...base.holidays, ...base.holidays] })).toEqual(['Ngày 2026-09-02 bị lặp lại']);
    expect(messages({ ...base, makeUpDays: [{ date: '2026-09-02', nameVi: 'x', nameEn: 'x' }] })).toContain('Ngày 2026-09-02 bị lặp lại');
  });
  it('rejects a make-up day on a weekday and a holiday on a weekend', () => {
    expect(messages({ ...base, makeUpDays: [{ date: '2026-08-21', nameVi: 'Làm bù', nameEn: 'Make-up' }] }))
      .toEqual(['Ngày làm bù 2026-08-21 phải là thứ Bảy hoặc Chủ nhật']);
    expect(messages({ ...base, holidays: [{ date: '2026-04-26', nameVi: 'Giỗ Tổ', nameEn: 'Hung Kings' }] }))
      .toEqual(['Ngày nghỉ 2026-04-26 rơi vào cuối tuần: hãy ghi ngày nghỉ bù']);
  });
  it('rejects dates that do not exist, unknown keys and empty names', () => {
    expect(yearCalendarSchema.safeParse({ ...base, holidays: [{ date: '2026-02-30', nameVi: 'x', nameEn: 'x' }] }).success).toBe(false);
    expect(yearCalendarSchema.safeParse({ ...base, extra: 1 }).success).toBe(false);
    expect(yearCalendarSchema.safeParse({ ...base, holidays: [{ date: '2026-09-02', nameVi: ' ', nameEn: 'x' }] }).success).toBe(false);
  });
});

describe('isWorkingDay', () => {
  it('skips weekends and holidays and counts make-up Saturdays', () => {
    expect(isWorkingDay('2026-02-13', cal)).toBe(true); // Fri before Tết
    expect(isWorkingDay('2026-02-16', cal)).toBe(false); // 29 Chạp
    expect(isWorkingDay('2026-02-21', cal)).toBe(false); // Sat
    expect(isWorkingDay('2025-04-26', cal)).toBe(true); // make-up Saturday
    expect(isWorkingDay('2025-05-02', cal)).toBe(false); // its swapped Friday
    expect(isWorkingDay('2026-04-27', cal)).toBe(false); // Hùng Kings' substitute Monday
  });

  it('counts weekends only in a year missing from the table', () => {
    expect(isWorkingDay('2028-01-26', cal)).toBe(true); // Tết 2028, not loaded
    expect(isWorkingDay('2028-01-29', cal)).toBe(false); // Saturday
  });
});

describe('addWorkingDays: fixed cases', () => {
  it.each([
    ['2026-02-13', 5, '2026-02-27', 'received Fri 13 Feb 2026, Tết Mon 16 – Fri 20 Feb off'],
    ['2026-02-13', 1, '2026-02-23', 'the first working day after Tết 2026'],
    ['2026-02-12', 2, '2026-02-23', 'Thu before Tết 2026'],
    ['2027-02-04', 1, '2027-02-12', 'Thu before Tết 2027: Fri 5 and Mon 8 – Thu 11 Feb off'],
    ['2027-02-04', 3, '2027-02-16', 'three working days across Tết 2027'],
    ['2026-08-31', 1, '2026-09-03', 'National Day 2026: Tue 1 + Wed 2 Sep'],
    ['2027-09-01', 1, '2027-09-06', 'National Day 2027: Thu 2 + Fri 3 Sep'],
    ['2025-04-25', 1, '2025-04-26', 'make-up Saturday 26 Apr 2025'],
    ['2025-04-25', 2, '2025-04-28', 'then Monday'],
    ['2025-04-29', 1, '2025-05-05', '30 Apr, 1 May and the swapped Fri 2 May off'],
    ['2026-12-30', 3, '2027-01-05', 'across the year end: Thu 31 Dec, (Fri 1 Jan off), Mon 4, Tue 5 Jan'],
    ['2026-12-31', 0, '2026-12-31', 'zero days is the same date'],
  ])('%s + %i working days → %s (%s)', (from, n, expected) => {
    expect(addWorkingDays(from, n, cal)).toBe(expected);
  });

  it('refuses a negative or fractional count', () => {
    expect(() => addWorkingDays('2026-01-05', -1, cal)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-01-05', 1.5, cal)).toThrow(RangeError);
  });
});

describe('dueDateFor: fixed cases', () => {
  it('working days start counting the day after the clock starts (Vietnam date)', () => {
    expect(dueDateFor(vn('2026-02-13', '16:59'), { value: 5, unit: 'working_days' }, cal)).toBe('2026-02-27');
    // 23:30 UTC on Thu 12 Feb is already Fri 13 Feb in Vietnam.
    expect(dueDateFor(new Date('2026-02-12T23:30:00Z'), { value: 5, unit: 'working_days' }, cal)).toBe('2026-02-27');
  });

  it('calendar days that end on a holiday or weekend move to the next working day (Civil Code Art. 148)', () => {
    expect(dueDateFor(vn('2026-01-17'), { value: 30, unit: 'calendar_days' }, cal)).toBe('2026-02-23'); // 16 Feb is Tết
    expect(dueDateFor(vn('2026-01-02'), { value: 30, unit: 'calendar_days' }, cal)).toBe('2026-02-02'); // Sun 1 Feb
    expect(dueDateFor(vn('2026-03-02'), { value: 30, unit: 'calendar_days' }, cal)).toBe('2026-04-01'); // a Wednesday
    expect(dueDateFor(vn('2027-01-06'), { value: 30, unit: 'calendar_days' }, cal)).toBe('2027-02-12'); // Fri 5 Feb is Tết 2027
    expect(dueDateFor(vn('2026-12-02'), { value: 30, unit: 'calendar_days' }, cal)).toBe('2027-01-04'); // Fri 1 Jan 2027
  });

  it('immediate is the same Vietnam day, or the next working day', () => {
    expect(dueDateFor(vn('2026-03-04', '10:00'), { value: 0, unit: 'immediate' }, cal)).toBe('2026-03-04');
    expect(dueDateFor(vn('2026-02-16', '10:00'), { value: 0, unit: 'immediate' }, cal)).toBe('2026-02-23');
    expect(dueDateFor(new Date('2026-02-13T17:30:00Z'), { value: 0, unit: 'immediate' }, cal)).toBe('2026-02-23'); // Sat 00:30 VN
    expect(dueDateFor(vn('2025-04-26', '08:00'), { value: 0, unit: 'immediate' }, cal)).toBe('2025-04-26'); // make-up Saturday
  });
});

describe('dueState', () => {
  it('is on time, then due soon within two working days, then overdue the day after', () => {
    expect(dueState('2026-02-27', vn('2026-02-23'), cal)).toBe('on_time');
    expect(dueState('2026-02-27', vn('2026-02-25'), cal)).toBe('due_soon');
    expect(dueState('2026-02-27', vn('2026-02-27', '23:59'), cal)).toBe('due_soon');
    expect(dueState('2026-02-27', vn('2026-02-28', '00:00'), cal)).toBe('overdue');
  });

  it('counts working days, so Tết brings a due date closer', () => {
    // Ten calendar days away, but only one working day (Mon 23 Feb) after Fri 13 Feb.
    expect(dueState('2026-02-23', vn('2026-02-13'), cal)).toBe('due_soon');
    expect(dueState('2026-02-24', vn('2026-02-13'), cal, 1)).toBe('on_time');
  });

  it('uses the Vietnam date of now: 17:00 UTC is already the next day', () => {
    expect(dueState('2026-03-04', new Date('2026-03-04T16:59:59Z'), cal)).toBe('due_soon');
    expect(dueState('2026-03-04', new Date('2026-03-04T17:00:00Z'), cal)).toBe('overdue');
  });
});

describe('working days: properties', () => {
  const runs = { numRuns: 400 };

  it('adding n ≥ 1 working days lands on a working day after the start', () => {
    fc.assert(fc.property(anyDate, fc.integer({ min: 1, max: 60 }), (d, n) => {
      const r = addWorkingDays(d, n, cal);
      return isWorkingDay(r, cal) && r > d;
    }), runs);
  });

  it('is strictly increasing in n, and workingDaysBetween inverts it', () => {
    fc.assert(fc.property(anyDate, fc.integer({ min: 0, max: 60 }), (d, n) => {
      const a = addWorkingDays(d, n, cal);
      const b = addWorkingDays(d, n + 1, cal);
      return b > a && workingDaysBetween(d, a, cal) === n && workingDaysBetween(a, d, cal) === -n;
    }), runs);
  });

  it('a calendar-day limit ends on a working day no earlier than start + value', () => {
    fc.assert(fc.property(anyDate, fc.integer({ min: 0, max: 90 }), (d, value) => {
      const due = dueDateFor(vn(d), { value, unit: 'calendar_days' }, cal);
      return isWorkingDay(due, cal) && due >= addCalendarDays(d, value) && due <= addCalendarDays(d, value + 14);
    }), runs);
  });

  it('a working-day limit of n ends no earlier than a calendar-day limit of n (minus the weekend shift)', () => {
    fc.assert(fc.property(anyDate, fc.integer({ min: 1, max: 60 }), (d, n) => {
      return dueDateFor(vn(d), { value: n, unit: 'working_days' }, cal) >= addCalendarDays(d, n);
    }), runs);
  });

  it('the due date depends only on the Vietnam date of the start instant, not on its UTC offset', () => {
    fc.assert(fc.property(anyDate, fc.integer({ min: 0, max: 86_399_999 }), anyLimit, (d, ms, limit) => {
      const midnight = new Date(`${d}T00:00:00+07:00`);
      const instant = new Date(midnight.getTime() + ms);
      return vietnamDateOf(instant) === d && dueDateFor(instant, limit, cal) === dueDateFor(midnight, limit, cal);
    }), runs);
  });

  it('dueState moves forward only: on_time → due_soon → overdue as days pass', () => {
    const rank = { on_time: 0, due_soon: 1, overdue: 2 } as const;
    fc.assert(fc.property(anyDate, anyDate, fc.integer({ min: 1, max: 20 }), (due, today, step) => {
      const s1 = dueState(due, vn(today), cal);
      const s2 = dueState(due, vn(addCalendarDays(today, step)), cal);
      return rank[s2] >= rank[s1] && (s1 === 'overdue') === (today > due);
    }), runs);
  });

  it('weekdayOf matches the Date object for every generated date', () => {
    fc.assert(fc.property(anyDate, (d) => weekdayOf(d) === new Date(`${d}T12:00:00Z`).getUTCDay()), runs);
  });
});

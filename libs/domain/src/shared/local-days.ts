/**
 * SPEC §1 R2, time: a date without a time means a day in the product's time zone (TIME_ZONE, default
 * Europe/Amsterdam). In a command it is the start of that day; as `asOf` the end of it, so that `asOf=<today>`
 * includes everything recorded today. Instants (with a time) are taken as given.
 */

export const DEFAULT_TIME_ZONE = 'Europe/Amsterdam';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `2026-05-20`: a calendar day without a time. */
export const isDateOnly = (value: string): boolean => DATE_ONLY.test(value);

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's wall clock, en-US; `withEra` adds AD/BC (without it, 1 BC is written as the year 1). */
function formatterOf(timeZone: string, withEra = false): Intl.DateTimeFormat {
  const key = withEra ? `${timeZone} era` : timeZone;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      ...(withEra && { era: 'short' }),
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** True for an IANA time-zone name this runtime knows (`Europe/Amsterdam`, `UTC`). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterOf(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** What the formatter writes for years 1000–9999: `11/01/2026, 23:59:59` (month/day/year, hour:minute:second). */
const WALL_CLOCK = /^(\d{2})\/(\d{2})\/(\d{4}), (\d{2}):(\d{2}):(\d{2})$/;

/** The wall-clock time in the zone minus UTC, in milliseconds, at an instant (whole seconds). */
function offsetAt(time: number, timeZone: string): number {
  const formatter = formatterOf(timeZone);
  const date = new Date(time);
  // format and a match: a third of formatToParts' time (a history of 157 weeks reads 314 offsets); other forms
  // (years outside 1000–9999) are read part by part.
  const written = WALL_CLOCK.exec(formatter.format(date));
  let wall: number;
  if (written) {
    const [, month, day, year, hour, minute, second] = written;
    wall = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second));
  } else {
    const parts: Record<string, string> = {};
    for (const part of formatterOf(timeZone, true).formatToParts(date)) parts[part.type] = part.value;
    // Astronomical years (1 BC is the year 0), set with setUTCFullYear: Date.UTC reads the years 0–99 as 1900–1999.
    const year = parts.era === 'BC' ? 1 - Number(parts.year) : Number(parts.year);
    const clock = new Date(Date.UTC(2000, 0, 1, Number(parts.hour), Number(parts.minute), Number(parts.second)));
    wall = clock.setUTCFullYear(year, Number(parts.month) - 1, Number(parts.day));
  }
  return wall - Math.floor(time / 1000) * 1000;
}

/** The instant at which the zone's clocks show the wall-clock time `wall` (given as if it were UTC). */
function instantOfWallClock(wall: number, timeZone: string): number {
  const first = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(first, timeZone);
  return second;
}

/**
 * Midnight UTC of a calendar day (month from 0; a day or month out of range rolls over, as in Date.UTC). Not Date.UTC
 * itself, which reads the years 0–99 as 1900–1999.
 */
export const utcDayTime = (year: number, monthIndex: number, day: number): number => new Date(0).setUTCFullYear(year, monthIndex, day);

function startOfDay(date: string, timeZone: string, dayOffset = 0): number {
  const [, year, month, day] = DATE_ONLY.exec(date)!.map(Number);
  return instantOfWallClock(utcDayTime(year, month - 1, day + dayOffset), timeZone);
}

/** The first instant of a calendar day in the zone, as a full UTC ISO string. */
export const startOfLocalDay = (date: string, timeZone: string): string => new Date(startOfDay(date, timeZone)).toISOString();

/** The last millisecond of a calendar day in the zone, as a full UTC ISO string. */
export const endOfLocalDay = (date: string, timeZone: string): string => new Date(startOfDay(date, timeZone, 1) - 1).toISOString();

/** The calendar day in the zone that an instant falls on: `2026-05-20`. */
export function localDayOf(iso: string, timeZone: string): string {
  const time = Date.parse(iso);
  return new Date(time + offsetAt(time, timeZone)).toISOString().slice(0, 10);
}

import dayjs from 'dayjs';
import 'dayjs/locale/nl';
import 'dayjs/locale/en-gb';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import relativeTime from 'dayjs/plugin/relativeTime';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { intlFormatter } from './intl-formatters';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.extend(customParseFormat);
dayjs.extend(relativeTime);

/**
 * The API's TIME_ZONE (SPEC §1): a date without a time is a day in this zone. Every date the app shows, and every day
 * it sends, is a day here, whatever the browser's own zone is.
 */
export const TIME_ZONE = 'Europe/Amsterdam';

/** A calendar day as the API takes it: `YYYY-MM-DD`. */
export type Day = string;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export const isDay = (value: unknown): value is Day => typeof value === 'string' && DAY.test(value) && dayjs(value, 'YYYY-MM-DD', true).isValid();

/** Today in TIME_ZONE. */
export const today = (): Day => dayjs().tz(TIME_ZONE).format('YYYY-MM-DD');

/** The instant `value` (an ISO string) as a day in TIME_ZONE. */
export const dayOf = (value: string): Day => dayjs(value).tz(TIME_ZONE).format('YYYY-MM-DD');

/** `Day` → a Date at local noon, for date pickers (noon so no zone shift moves it to another day). */
export const dayToDate = (day: Day): Date => dayjs(day, 'YYYY-MM-DD').hour(12).toDate();
export const dateToDay = (date: Date): Day => dayjs(date).format('YYYY-MM-DD');

/** Shifts a day by whole days (for "last week" style shortcuts). */
export const addDays = (day: Day, days: number): Day => dayjs(day, 'YYYY-MM-DD').add(days, 'day').format('YYYY-MM-DD');

/** The instant `value` names; a day's is its start in TIME_ZONE. */
const instantOf = (value: string): Date => (isDay(value) ? dayjs.tz(value, TIME_ZONE) : dayjs(value)).toDate();

const dateFormat = (locale: string, withTime: boolean): Intl.DateTimeFormat =>
  intlFormatter(`date|${locale}|${withTime}`, () =>
    new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}), timeZone: TIME_ZONE }),
  );

/** `4 dec. 2026` (nl) / `4 Dec 2026` (en): a day in TIME_ZONE. */
export function formatDate(value: string | null | undefined, locale: string): string {
  if (!value) return '–';
  // A day as noon UTC: the same day in TIME_ZONE, summer or winter, without working out the zone's offset first.
  return dateFormat(locale, false).format(isDay(value) ? new Date(`${value}T12:00:00Z`) : instantOf(value));
}

/** `4 dec. 2026 14:05`: an instant in TIME_ZONE. */
export function formatDateTime(value: string | null | undefined, locale: string): string {
  return value ? dateFormat(locale, true).format(instantOf(value)) : '–';
}

export { dayjs };

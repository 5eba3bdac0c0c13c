import { ruleViolation } from './domain-error';

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Milliseconds since the epoch of an ISO-8601 string (validated as ISO by the shell). */
export const toTime = (iso: string): number => Date.parse(iso);

/** Events store one form of date: the full UTC ISO string. */
export function normaliseDate(iso: string, field: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) throw ruleViolation('invalid_date', `${field} is not a valid ISO-8601 date`, { field });
  return new Date(time).toISOString();
}

export const isAfter = (a: string, b: string): boolean => toTime(a) > toTime(b);

/** SPEC §2: no event is dated more than one day in the future. */
export function assertNotInFuture(iso: string, now: string, field: string): void {
  if (toTime(iso) > toTime(now) + DAY_MS) {
    throw ruleViolation('date_in_future', `${field} (${iso}) is more than one day in the future`, { field });
  }
}

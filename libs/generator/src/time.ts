import { Random } from './random';

/** Time in the plan is milliseconds since the epoch (UTC); commands carry ISO strings made from it. */
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const YEAR = 365 * DAY;

export const iso = (t: number): string => new Date(t).toISOString();

export const startOfDay = (t: number): number => Math.floor(t / DAY) * DAY;

/** The UTC month (1–12) of a moment. */
export const monthOf = (t: number): number => new Date(t).getUTCMonth() + 1;

/**
 * A moment in working hours (Dutch office hours are 07:00–16:00 UTC, give or take summer time) on the day of t, or
 * the next working day; never before t. `from`/`to` are hours of the day (UTC).
 */
export function workMoment(rng: Random, t: number, from = 7, to = 15.5): number {
  const offset = Math.floor(rng.float(from, to) * HOUR) + rng.int(0, 59) * 1000;
  for (let day = startOfDay(t); ; day += DAY) {
    const weekday = new Date(day).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    if (day + offset >= t) return day + offset;
  }
}

/** Dutch school holidays, roughly: how much of the usual contact still happens (1 = all of it). */
export function seasonFactor(t: number): number {
  const date = new Date(t);
  const month = date.getUTCMonth() + 1;
  const day = date.getUTCDate();
  if ((month === 7 && day >= 15) || month === 8) return 0.2;
  if ((month === 12 && day >= 22) || (month === 1 && day <= 5)) return 0.3;
  if (month === 10 && day >= 14 && day <= 22) return 0.6;
  if (month === 2 && day >= 15 && day <= 23) return 0.6;
  if (month === 4 && day >= 26) return 0.6;
  return 1;
}

/** The first moment of `month`/`day` (UTC) strictly after `after`. */
export function nextDate(after: number, month: number, day: number): number {
  const year = new Date(after).getUTCFullYear();
  for (let y = year; ; y++) {
    const candidate = Date.UTC(y, month - 1, day);
    if (candidate > after) return candidate;
  }
}

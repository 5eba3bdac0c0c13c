/** The time zone of the product's users: spreadsheet dates and file names show the Dutch day and time. */
export const DUTCH_TIME_ZONE = 'Europe/Amsterdam';

const wallClockFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: DUTCH_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The Dutch wall-clock time of an instant, as a Date whose UTC fields carry it (Excel dates have no time zone). */
export function wallClock(instant: Date): Date {
  const parts: Record<string, number> = {};
  for (const part of wallClockFormat.formatToParts(instant)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return new Date(Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second, instant.getUTCMilliseconds()));
}

/** The Dutch calendar day of an ISO instant, `2026-06-30`. */
export const dutchDay = (iso: string): string => wallClock(new Date(iso)).toISOString().slice(0, 10);

/** The instant a Dutch calendar day (`2025-01-15`) begins (SPEC §1 R2: a date without a time in a command). */
export function startOfDutchDay(day: string): string {
  const midnightUtc = Date.parse(`${day}T00:00:00.000Z`);
  const offset = wallClock(new Date(midnightUtc)).getTime() - midnightUtc;
  return new Date(midnightUtc - offset).toISOString();
}

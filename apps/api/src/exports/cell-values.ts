import type { ExportColumn } from './export-column';

/** The time zone of the product's users: spreadsheet dates and file names show the Dutch day and time. */
export const SHEET_TIME_ZONE = 'Europe/Amsterdam';

const wallClockFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: SHEET_TIME_ZONE,
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

/** A cell as CSV text: ISO dates as given, lists joined by `;`, nested values as JSON, nothing for null. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'object' && item !== null ? JSON.stringify(item) : String(item))).join(';');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A cell as a typed spreadsheet value: numbers as numbers, dates as Dutch wall-clock dates, booleans as booleans. */
export function cellValue(column: ExportColumn, value: unknown): string | number | boolean | Date | null {
  if (value === null || value === undefined) return null;
  switch (column.type) {
    case 'integer':
    case 'number':
      return typeof value === 'number' ? value : Number.isFinite(Number(value)) ? Number(value) : cellText(value);
    case 'boolean':
      return typeof value === 'boolean' ? value : cellText(value);
    case 'date': {
      const time = typeof value === 'string' ? Date.parse(value) : NaN;
      return Number.isNaN(time) ? cellText(value) : wallClock(new Date(time));
    }
    default:
      return cellText(value);
  }
}

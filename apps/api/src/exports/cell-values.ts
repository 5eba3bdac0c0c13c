import type { ExportColumn } from './export-column';
import { wallClock } from '../http/dutch-time';

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

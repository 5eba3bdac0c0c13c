import { intlFormatter } from './intl-formatters';

/** Numbers in the user's language (nl-NL by default): `72`, `0,8` → `80%`. */
export const formatNumber = (value: number | null | undefined, locale: string, digits = 0): string =>
  value === null || value === undefined
    ? '–'
    : intlFormatter(`number|${locale}|${digits}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 })).format(value);

/** A share in 0–1 as a percentage. */
export const formatShare = (value: number | null | undefined, locale: string): string =>
  value === null || value === undefined ? '–' : intlFormatter(`percent|${locale}`, () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 })).format(value);

import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from './dates';
import { LOCALE_OF } from './i18n';
import { formatNumber, formatShare } from './numbers';

/** Formatting in the chosen language: nl-NL dates and numbers by default, always in TIME_ZONE. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = LOCALE_OF[i18n.language === 'en' ? 'en' : 'nl'];
  return {
    locale,
    date: (value: string | null | undefined) => formatDate(value, locale),
    dateTime: (value: string | null | undefined) => formatDateTime(value, locale),
    number: (value: number | null | undefined, digits = 0) => formatNumber(value, locale, digits),
    share: (value: number | null | undefined) => formatShare(value, locale),
  };
}

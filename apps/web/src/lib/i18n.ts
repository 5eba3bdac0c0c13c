import i18n from 'i18next';
import resourcesToBackend from 'i18next-resources-to-backend';
import { initReactI18next } from 'react-i18next';
import { nl, type Messages } from '../locales/nl';
import { addUnitFormat } from './reason-wording';

export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The Intl/dayjs locale of each language: numbers and dates in nl-NL form by default. */
export const LOCALE_OF: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };

const LANGUAGE_KEY = 'crm.language';

function initialLanguage(): Language {
  const stored = localStorage.getItem(LANGUAGE_KEY);
  return stored === 'en' ? 'en' : 'nl';
}

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

i18n.on('languageChanged', (language) => {
  localStorage.setItem(LANGUAGE_KEY, language);
  document.documentElement.lang = language;
});

/**
 * Dutch, the default and the fallback, comes with the app; English is a chunk of its own, loaded when chosen (the
 * switch waits for it, and a first screen in English waits for it through react-i18next's Suspense).
 */
void i18n
  .use(resourcesToBackend((language: string) => (language === 'en' ? import('../locales/en').then((module) => module.en) : Promise.reject(new Error(`no texts in ${language}`)))))
  .use(initReactI18next)
  .init({
    resources: { nl: { translation: nl } },
    partialBundledLanguages: true,
    lng: initialLanguage(),
    fallbackLng: 'nl',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
// init makes its services at once (only the English texts load later), so the format is there for the first screen.
addUnitFormat(i18n);

export const currentLanguage = (): Language => (i18n.language === 'en' ? 'en' : 'nl');

export { i18n };

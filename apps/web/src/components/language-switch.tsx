import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '@/lib/i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      data-testid="language"
      aria-label={t('language.label')}
      value={i18n.language === 'en' ? 'en' : 'nl'}
      onChange={(value) => void i18n.changeLanguage(value as Language)}
      data={LANGUAGES.map((language) => ({ value: language, label: language.toUpperCase(), title: t(`language.${language}`) }))}
    />
  );
}

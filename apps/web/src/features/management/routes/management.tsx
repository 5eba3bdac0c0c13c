import { useTranslation } from 'react-i18next';
import { ComingSoon } from '@/components/coming-soon';

/** Placeholder: built on this foundation by the next web work (issue 13). */
export function ManagementRoute() {
  const { t } = useTranslation();
  return <ComingSoon title={t('nav.management')} />;
}

import { useTranslation } from 'react-i18next';
import { ComingSoon } from '@/components/coming-soon';

/** Placeholder: the list with filters, search, sort, paging and export comes with the next web work (issue 13). */
export function PartnershipsListRoute() {
  const { t } = useTranslation();
  return <ComingSoon title={t('nav.partnerships')} />;
}

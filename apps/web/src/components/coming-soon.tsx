import { IconTools } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from './states';
import { Page } from './page';

/** A section that is on its way: a designed empty state, not a blank page. */
export function ComingSoon({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <Page title={title}>
      <EmptyState icon={<IconTools size={28} />} title={t('states.comingSoonTitle')}>
        {t('states.comingSoon')}
      </EmptyState>
    </Page>
  );
}

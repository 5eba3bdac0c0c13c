import { Center } from '@mantine/core';
import { ButtonLink } from '@/components/links';
import { IconSearchOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/states';

export function NotFoundRoute() {
  const { t } = useTranslation();
  return (
    <Center mih="60vh" component="main">
      <EmptyState
        icon={<IconSearchOff size={28} />}
        title={t('states.notFoundTitle')}
        action={
          <ButtonLink to="/">
            {t('states.toHome')}
          </ButtonLink>
        }
      >
        {t('states.pageNotFound')}
      </EmptyState>
    </Center>
  );
}

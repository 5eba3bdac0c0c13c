import { Stack, Tabs } from '@mantine/core';
import { IconBuildingCommunity, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { PeoplePanel } from '@/features/people/components/people-panel';
import { OrganisationsPanel } from '../components/organisations-panel';

/** Organisaties & mensen (SPEC §7): both lists with search; register and change, departures with their impact, erasure. */
export function OrganisationsRoute() {
  const { t } = useTranslation();
  return (
    <Page title={t('nav.organisations')} description={t('organisations.description')}>
      <Tabs defaultValue="organisations" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="organisations" leftSection={<IconBuildingCommunity size={16} />}>
            {t('organisations.tabOrganisations')}
          </Tabs.Tab>
          <Tabs.Tab value="people" leftSection={<IconUsers size={16} />} data-testid="tab-people">
            {t('organisations.tabPeople')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="organisations" pt="md">
          <Stack gap="md">
            <OrganisationsPanel />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="people" pt="md">
          <Stack gap="md">
            <PeoplePanel />
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </Page>
  );
}

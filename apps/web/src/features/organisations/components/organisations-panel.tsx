import { Button, Group, Select, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBuildingPlus, IconPencil, IconSearch, IconSearchOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '@crm/api-client';
import { ExportMenu } from '@/components/export-menu';
import { QueryView } from '@/components/query-view';
import { useAsOf } from '@/lib/as-of';
import { useFormat } from '@/lib/format';
import { useMay } from '@/lib/access';
import { downloadOrganisations, useOrganisations, type OrganisationQuery } from '../api/use-organisations';
import { OrganisationFormModal } from './organisation-form';

type Organisation = components['schemas']['OrganisationResponse'];
const KINDS = ['school', 'company', 'government', 'network', 'other'] as const;

/** The organisations, searched by name and kind; the admin registers and changes them. */
export function OrganisationsPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const { asOf } = useAsOf();
  const may = useMay();
  const mayChange = may('organisations');
  const mayExport = may('read', { csv: true });
  const [text, setText] = useState('');
  const [kind, setKind] = useState<OrganisationQuery['kind']>();
  const [debounced] = useDebouncedValue(text, 250);
  const organisations = useOrganisations({ text: debounced, kind }, asOf);
  const [editing, setEditing] = useState<Organisation | 'new' | null>(null);

  return (
    <>
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          <TextInput label={t('common.search')} placeholder={t('organisations.search')} leftSection={<IconSearch size={16} aria-hidden />} value={text} onChange={(e) => setText(e.currentTarget.value)} w={260} data-testid="organisation-search" />
          <Select
            label={t('organisations.kind')}
            placeholder={t('list.any')}
            clearable
            data={KINDS.map((value) => ({ value, label: t(`vocab.orgKind.${value}`) }))}
            value={kind ?? null}
            onChange={(value) => setKind((value ?? undefined) as OrganisationQuery['kind'])}
            w={160}
          />
        </Group>
        <Group>
          {mayExport && <ExportMenu onExport={(format) => downloadOrganisations({ text: debounced, kind }, asOf, format)} what={t('organisations.tabOrganisations')} testId="export-organisations" />}
          {mayChange && (
            <Button leftSection={<IconBuildingPlus size={16} />} onClick={() => setEditing('new')} data-testid="register-organisation">
              {t('organisations.register')}
            </Button>
          )}
        </Group>
      </Group>
      <QueryView query={organisations} isEmpty={(data) => data.items.length === 0} empty={{ title: t('organisations.emptyTitle'), text: t('organisations.empty'), icon: <IconSearchOff size={28} /> }}>
        {(data) => (
        <>
        {data.nextCursor && (
          <Text size="sm" c="dimmed" data-testid="first-shown">
            {t('export.firstShown', { count: data.items.length })}
          </Text>
        )}
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover data-testid="organisations">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('organisations.name')}</Table.Th>
                <Table.Th scope="col">{t('organisations.kind')}</Table.Th>
                <Table.Th scope="col">{t('organisations.sector')}</Table.Th>
                <Table.Th scope="col">{t('organisations.region')}</Table.Th>
                <Table.Th scope="col">{t('organisations.registered')}</Table.Th>
                {mayChange && <Table.Th scope="col"><VisuallyHidden>{t('organisations.change')}</VisuallyHidden></Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((organisation) => (
                <Table.Tr key={organisation.organisationId} data-testid="organisation-row">
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {organisation.name}
                    </Text>
                    {organisation.levels.length > 0 && (
                      <Text size="xs" c="dimmed">
                        {organisation.levels.join(', ')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{t(`vocab.orgKind.${organisation.kind}`)}</Table.Td>
                  <Table.Td>{organisation.sector || '–'}</Table.Td>
                  <Table.Td>{organisation.region || '–'}</Table.Td>
                  <Table.Td>{format.date(organisation.registeredAt)}</Table.Td>
                  {mayChange && (
                    <Table.Td>
                      <Button size="compact-sm" variant="subtle" leftSection={<IconPencil size={14} />} onClick={() => setEditing(organisation)} aria-label={`${t('organisations.change')}: ${organisation.name}`}>
                        {t('organisations.change')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        </>
        )}
      </QueryView>
      <OrganisationFormModal opened={editing !== null} onClose={() => setEditing(null)} organisation={editing && editing !== 'new' ? editing : undefined} />
    </>
  );
}

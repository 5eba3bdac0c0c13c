import { Badge, Button, Checkbox, Group, Menu, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDots, IconDoorExit, IconEraser, IconPencil, IconSearch, IconSearchOff, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '@crm/api-client';
import { ExportMenu } from '@/components/export-menu';
import { QueryView } from '@/components/query-view';
import { useAsOf } from '@/lib/as-of';
import { useFormat } from '@/lib/format';
import { useMay } from '@/lib/access';
import { downloadPeople, usePeopleList } from '../api/use-people-list';
import { DepartureModal } from './departure-modal';
import { ErasureModal } from './erasure-modal';
import { ChangeRoleModal, RegisterPersonModal } from './person-forms';

type Person = components['schemas']['PersonResponse'];

/** The people, searched by name or role; connectors and admins register them and record changes and departures, admins erase. */
export function PeoplePanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const { asOf } = useAsOf();
  const may = useMay();
  const mayRecord = may('record');
  const mayErase = may('erasure');
  const mayExport = may('read', { csv: true });
  const [text, setText] = useState('');
  const [withLeft, setWithLeft] = useState(false);
  const [debounced] = useDebouncedValue(text, 250);
  const people = usePeopleList(debounced, withLeft, asOf);
  const [registering, setRegistering] = useState(false);
  const [changing, setChanging] = useState<Person | null>(null);
  const [departing, setDeparting] = useState<Person | null>(null);
  const [erasing, setErasing] = useState<Person | null>(null);

  return (
    <>
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          <TextInput label={t('common.search')} placeholder={t('people.search')} leftSection={<IconSearch size={16} aria-hidden />} value={text} onChange={(e) => setText(e.currentTarget.value)} w={260} data-testid="people-search" />
          <Checkbox label={t('people.showLeft')} checked={withLeft} onChange={(e) => setWithLeft(e.currentTarget.checked)} mb={8} />
        </Group>
        <Group>
          {mayExport && <ExportMenu onExport={(format) => downloadPeople(debounced, withLeft, asOf, format)} what={t('organisations.tabPeople')} testId="export-people" />}
          {mayRecord && (
            <Button leftSection={<IconUserPlus size={16} />} onClick={() => setRegistering(true)} data-testid="register-person">
              {t('people.register')}
            </Button>
          )}
        </Group>
      </Group>
      <QueryView query={people} isEmpty={(data) => data.items.length === 0} empty={{ title: t('people.emptyTitle'), text: t('people.empty'), icon: <IconSearchOff size={28} /> }}>
        {(data) => (
        <>
        {data.nextCursor && (
          <Text size="sm" c="dimmed" data-testid="first-shown">
            {t('export.firstShown', { count: data.items.length })}
          </Text>
        )}
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover data-testid="people">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('organisations.name')}</Table.Th>
                <Table.Th scope="col">{t('people.organisation')}</Table.Th>
                <Table.Th scope="col">{t('people.role')}</Table.Th>
                <Table.Th scope="col">{t('people.tier')}</Table.Th>
                <Table.Th scope="col">{t('people.status')}</Table.Th>
                {mayRecord && (
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('organisations.change')}</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((person) => (
                <Table.Tr key={person.personId} data-testid="person-row">
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {person.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>{person.organisationName ?? '–'}</Table.Td>
                  <Table.Td>{person.role}</Table.Td>
                  <Table.Td>{t(`vocab.tier.${person.tier}`)}</Table.Td>
                  <Table.Td>
                    {person.erased ? (
                      <Badge color="gray" variant="light" styles={{ label: { textTransform: 'none' } }}>{t('people.erased')}</Badge>
                    ) : person.inOrganisation ? (
                      <Text size="sm">{t('people.current')}</Text>
                    ) : (
                      <Text size="sm" c="dimmed">{t('people.left', { date: format.date(person.leftAt) })}</Text>
                    )}
                  </Table.Td>
                  {mayRecord && (
                    <Table.Td>
                      {!person.erased && (
                        <Menu position="bottom-end" withinPortal>
                          <Menu.Target>
                            <Button size="compact-sm" variant="subtle" aria-label={t('people.actions', { name: person.name })} data-testid="person-actions">
                              <IconDots size={16} aria-hidden />
                            </Button>
                          </Menu.Target>
                          <Menu.Dropdown>
                            {person.inOrganisation && (
                              <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => setChanging(person)}>
                                {t('people.changeRole')}
                              </Menu.Item>
                            )}
                            {person.inOrganisation && (
                              <Menu.Item leftSection={<IconDoorExit size={14} />} onClick={() => setDeparting(person)}>
                                {t('people.departure')}
                              </Menu.Item>
                            )}
                            {mayErase && (
                              <Menu.Item color="red" leftSection={<IconEraser size={14} />} onClick={() => setErasing(person)}>
                                {t('people.erase')}
                              </Menu.Item>
                            )}
                          </Menu.Dropdown>
                        </Menu>
                      )}
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
      <RegisterPersonModal opened={registering} onClose={() => setRegistering(false)} />
      <ChangeRoleModal person={changing} onClose={() => setChanging(null)} />
      <DepartureModal person={departing} onClose={() => setDeparting(null)} />
      <ErasureModal person={erasing} onClose={() => setErasing(null)} />
    </>
  );
}

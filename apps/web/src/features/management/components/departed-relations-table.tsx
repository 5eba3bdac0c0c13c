import { Table, Text } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '@crm/api-client';
import { AnchorLink } from '@/components/links';
import { useFormat } from '@/lib/format';
import { useReasonText } from '@/lib/reasons';

type Departure = components['schemas']['DepartureAftermathResponse'];

/**
 * Each person who left, and per partnership they carried what happened to it (a new primary, how soon, warm or cold;
 * still open; ended), as the API judged it: its reason worded from its code.
 */
export function DepartedRelationsTable({ items }: { items: Departure[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const reasonText = useReasonText();
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table withRowBorders data-testid="departed-relations">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('management.topPerson')}</Table.Th>
            <Table.Th scope="col">{t('people.leftAt')}</Table.Th>
            <Table.Th scope="col">{t('list.columns.partnership')}</Table.Th>
            <Table.Th scope="col">{t('management.side')}</Table.Th>
            <Table.Th scope="col">{t('management.whatHappened')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => {
            const span = Math.max(item.relations.length, 1);
            const person = (
              <>
                <Table.Th scope="row" rowSpan={span} fw={600} style={{ verticalAlign: 'top' }}>
                  {item.name}
                  <Text size="xs" c="dimmed" fw={400}>
                    {item.organisationName ?? '–'}
                  </Text>
                </Table.Th>
                <Table.Td rowSpan={span} style={{ verticalAlign: 'top' }}>
                  {format.date(item.leftAt)}
                </Table.Td>
              </>
            );
            if (item.relations.length === 0)
              return (
                <Table.Tr key={item.personId}>
                  {person}
                  <Table.Td colSpan={3}>–</Table.Td>
                </Table.Tr>
              );
            return (
              <Fragment key={item.personId}>
                {item.relations.map((relation, index) => (
                  <Table.Tr key={`${relation.partnershipId}-${relation.side}`} data-testid="departed-relation">
                    {index === 0 && person}
                    <Table.Td>
                      <AnchorLink to="/partnerschappen/$partnershipId" params={{ partnershipId: relation.partnershipId }} size="sm">
                        {relation.schoolName ?? '?'} – {relation.partnerName ?? '?'}
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td>{t(`vocab.side.${relation.side}`)}</Table.Td>
                    <Table.Td>
                      <Text size="xs" data-testid="departed-relation-reason">
                        {reasonText(relation)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

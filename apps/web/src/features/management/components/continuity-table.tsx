import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { components } from '@crm/api-client';
import { AnchorLink } from '@/components/links';
import { useFormat } from '@/lib/format';
import { useReasonText } from '@/lib/reasons';

type Row = components['schemas']['ContinuityRowResponse'];

/** Partnerships left without a contact on a side, as the API lists them: which side, since when, how long, its handovers, and the side's continuity in words. */
export function ContinuityTable({ rows }: { rows: Row[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const reasonText = useReasonText();
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table striped data-testid="continuity-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('list.columns.partnership')}</Table.Th>
            <Table.Th scope="col">{t('management.side')}</Table.Th>
            <Table.Th scope="col">{t('management.orphanedSince')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('management.gapDays')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('management.handovers')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('management.cold')}</Table.Th>
            <Table.Th scope="col">{t('management.why')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.flatMap((row) =>
            (['school', 'partner'] as const).filter((side) => row[side].orphaned).map((side) => (
            <Table.Tr key={`${row.partnershipId}-${side}`}>
              <Table.Td>
                <AnchorLink to="/partnerschappen/$partnershipId" params={{ partnershipId: row.partnershipId }} fw={600}>
                  {row.schoolName ?? '?'} – {row.partnerName ?? '?'}
                </AnchorLink>
              </Table.Td>
              <Table.Td>{t(`vocab.side.${side}`)}</Table.Td>
              <Table.Td>{format.date(row[side].orphanedSince)}</Table.Td>
              <Table.Td ta="right">{format.number(row[side].gapDays)}</Table.Td>
              <Table.Td ta="right">{format.number(row[side].handovers.last3Years)}</Table.Td>
              <Table.Td ta="right">{format.number(row[side].coldHandovers)}</Table.Td>
              <Table.Td>
                <Text size="xs" data-testid="continuity-why">
                  {reasonText(row[side])}
                </Text>
              </Table.Td>
            </Table.Tr>
          )))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

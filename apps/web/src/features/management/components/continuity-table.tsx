import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { components } from '@crm/api-client';
import { AnchorLink } from '@/components/links';
import { useFormat } from '@/lib/format';

type Row = components['schemas']['ContinuityRowResponse'];

/** Partnerships without a school-side contact, as the API lists them: since when, how long, and their handovers. */
export function ContinuityTable({ rows }: { rows: Row[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped data-testid="continuity-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('list.columns.partnership')}</Table.Th>
            <Table.Th scope="col">{t('management.orphanedSince')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('management.gapDays')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('management.handovers')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('management.cold')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.partnershipId}>
              <Table.Td>
                <AnchorLink to="/partnerschappen/$partnershipId" params={{ partnershipId: row.partnershipId }} fw={600}>
                  {row.schoolName ?? '?'} – {row.partnerName ?? '?'}
                </AnchorLink>
              </Table.Td>
              <Table.Td>{format.date(row.school.orphanedSince)}</Table.Td>
              <Table.Td ta="right">{format.number(row.school.gapDays)}</Table.Td>
              <Table.Td ta="right">{format.number(row.school.handovers.last3Years)}</Table.Td>
              <Table.Td ta="right">{format.number(row.school.coldHandovers)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

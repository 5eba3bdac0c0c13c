import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { components } from '@crm/api-client';
import { AnchorLink } from '@/components/links';
import { useFormat } from '@/lib/format';
import { useReasonText } from '@/lib/reasons';

type Row = components['schemas']['KeyPersonRiskRowResponse'];

/** Partnerships whose school side hangs on one person: who, how much of the contact they carry, and why. */
export function KeyPersonTable({ rows }: { rows: Row[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const reasonText = useReasonText();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped data-testid="key-person-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('list.columns.partnership')}</Table.Th>
            <Table.Th scope="col">{t('management.topPerson')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('management.share')}</Table.Th>
            <Table.Th scope="col">{t('management.why')}</Table.Th>
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
              <Table.Td>{row.school.topPerson?.name ?? '–'}</Table.Td>
              <Table.Td ta="right">{format.share(row.school.topShare)}</Table.Td>
              <Table.Td>
                <Text size="sm">{reasonText(row.school)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

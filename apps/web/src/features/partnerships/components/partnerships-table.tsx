import { Table, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { components } from '@crm/api-client';
import { AnchorLink } from '@/components/links';
import { useFormat } from '@/lib/format';
import { RiskBadge, Trend } from '@/components/badges';
import { HealthBadge } from './health-badge';

type Row = components['schemas']['PartnershipSummaryResponse'];

/** One row per partnership in the API's order; the whole row opens the partnership (the name is the keyboard's link). */
export function PartnershipsTable({ rows }: { rows: Row[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table verticalSpacing="xs" highlightOnHover striped data-testid="partnerships">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('list.columns.partnership')}</Table.Th>
            <Table.Th scope="col">{t('list.columns.levels')}</Table.Th>
            <Table.Th scope="col">{t('list.columns.stage')}</Table.Th>
            <Table.Th scope="col">{t('list.columns.health')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('list.columns.trend')}</Table.Th>
            <Table.Th scope="col">{t('list.columns.risk')}</Table.Th>
            <Table.Th scope="col">{t('list.columns.opened')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr
              key={row.partnershipId}
              data-testid="partnership-row"
              style={{ cursor: 'pointer' }}
              onClick={(event) => {
                if ((event.target as HTMLElement).closest('a')) return;
                void navigate({ to: '/partnerschappen/$partnershipId', params: { partnershipId: row.partnershipId } });
              }}
            >
              <Table.Td>
                <AnchorLink to="/partnerschappen/$partnershipId" params={{ partnershipId: row.partnershipId }} fw={600} data-testid="partnership-link">
                  {row.school.name ?? '?'} – {row.partner.name ?? '?'}
                </AnchorLink>
                {row.school.region && (
                  <Text size="xs" c="dimmed">
                    {row.school.region}
                    {row.partner.sector ? ` · ${row.partner.sector}` : ''}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{row.levels.join(', ')}</Table.Td>
              <Table.Td>{t(`vocab.stage.${row.stage}`)}</Table.Td>
              <Table.Td data-testid="health" style={{ whiteSpace: "nowrap" }}>
                <HealthBadge score={row.healthScore} status={row.status} />
              </Table.Td>
              <Table.Td ta="right">
                <Trend value={row.trend} />
              </Table.Td>
              <Table.Td>
                <RiskBadge risk={row.schoolKeyPersonRisk} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.date(row.openedAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

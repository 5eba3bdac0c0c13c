import { Table, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '@crm/api-client';
import { AnchorLink } from '@/components/links';
import { RiskBadge, Trend } from '@/components/badges';
import { useFormat } from '@/lib/format';
import { HealthBadge } from './health-badge';

export type PartnershipSummary = components['schemas']['PartnershipSummaryResponse'];

interface Props {
  row: PartnershipSummary;
  /** The row's place in the whole list, from 0: `aria-rowindex` (the header is row 1), the stripe, the measurement's key. */
  index: number;
  /** The virtualizer's measuring ref (a stable function). */
  measure: (element: HTMLTableRowElement | null) => void;
}

/**
 * One partnership in the list; the whole row opens it (the name is the keyboard's link). Memoised: scrolling draws
 * the rows that come into view and leaves the others as they are.
 */
export const PartnershipRow = memo(function PartnershipRow({ row, index, measure }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  return (
    <Table.Tr
      ref={measure}
      data-index={index}
      aria-rowindex={index + 2}
      data-stripe={index % 2 === 0 || undefined}
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
      <Table.Td data-testid="health" style={{ whiteSpace: 'nowrap' }}>
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
  );
});

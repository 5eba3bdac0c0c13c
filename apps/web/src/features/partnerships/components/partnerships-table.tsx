import { Table, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '@crm/api-client';
import { AnchorLink } from '@/components/links';
import { useFormat } from '@/lib/format';
import { RiskBadge, Trend } from '@/components/badges';
import { HealthBadge } from './health-badge';
import classes from './partnerships-table.module.css';
import { useWindowRows } from './use-window-rows';

type Row = components['schemas']['PartnershipSummaryResponse'];

/** The columns and their share of the width: fixed, so drawing other rows while scrolling does not move the columns. */
const COLUMNS = [
  ['partnership', '36%'],
  ['levels', '9%'],
  ['stage', '10%'],
  ['health', '15%'],
  ['trend', '8%'],
  ['risk', '12%'],
  ['opened', '10%'],
] as const;

/**
 * One row per partnership in the API's order; the whole row opens the partnership (the name is the keyboard's link).
 * Only the rows near the window are in the page (2,000 rows in the DOM made scrolling jank); the table still tells
 * assistive technology how many rows there are (`aria-rowcount`, the header row included) and where each drawn row is
 * (`aria-rowindex`).
 */
export function PartnershipsTable({ rows }: { rows: Row[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const keyOf = useCallback((index: number) => rows[index].partnershipId, [rows]);
  const { slots, bodyProps, measureRow } = useWindowRows({ count: rows.length, keyOf, estimatedHeight: 72, overscan: 6 });
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="xs" highlightOnHover layout="fixed" data-testid="partnerships" aria-rowcount={rows.length + 1}>
        <colgroup>
          {COLUMNS.map(([name, width]) => (
            <col key={name} style={{ width }} />
          ))}
        </colgroup>
        <Table.Thead>
          <Table.Tr aria-rowindex={1}>
            {COLUMNS.map(([name]) => (
              <Table.Th key={name} scope="col" ta={name === 'trend' ? 'right' : undefined}>
                {t(`list.columns.${name}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody className={classes.body} {...bodyProps}>
          {slots.map((slot) => {
            if (slot.kind === 'gap') {
              return (
                <tr key={slot.key} aria-hidden="true">
                  <td colSpan={COLUMNS.length} style={{ height: slot.height, padding: 0, border: 0 }} />
                </tr>
              );
            }
            const row = rows[slot.index];
            return (
              <Table.Tr
                key={slot.key}
                ref={measureRow}
                data-index={slot.index}
                aria-rowindex={slot.index + 2}
                data-stripe={slot.index % 2 === 0 || undefined}
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
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

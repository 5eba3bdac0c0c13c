import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { components } from '@crm/api-client';
import { useFormat } from '@/lib/format';
import { figureReason, useReasonText } from '@/lib/reasons';

type LevelRow = components['schemas']['LevelRowResponse'];

/** The levels report as the API computed it, one row per level; each figure's counting rule on hover, in the chosen language. */
export function LevelsTable({ rows }: { rows: LevelRow[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const reasonText = useReasonText();
  const why = (row: LevelRow, figure: string) => reasonText(figureReason(row, figure));
  const share = (row: LevelRow, key: keyof LevelRow & string, value: number | null) => (
    <Table.Td ta="right" title={why(row, key)}>
      {format.share(value)}
    </Table.Td>
  );
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped highlightOnHover data-testid="levels-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('management.col.level')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('management.col.partnerships')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('management.col.meanHealth')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('management.col.atRisk')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('management.col.dormant')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('management.col.agreement')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('management.col.evaluated')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('management.col.commitmentsKept')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('management.col.highRisk')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.level} data-testid="level-row">
              <Table.Th scope="row">{t(`vocab.level.${row.level}`)}</Table.Th>
              <Table.Td ta="right" data-testid="level-partnerships">{format.number(row.partnerships)}</Table.Td>
              <Table.Td ta="right" data-testid="level-health" title={why(row, 'meanHealth')}>
                {format.number(row.meanHealth, 1)}
              </Table.Td>
              {share(row, 'atRiskShare', row.atRiskShare)}
              {share(row, 'dormantShare', row.dormantShare)}
              {share(row, 'formalAgreementShare', row.formalAgreementShare)}
              {share(row, 'evaluatedShare', row.evaluatedShare)}
              {share(row, 'commitmentsKeptRatio', row.commitmentsKeptRatio)}
              {share(row, 'highKeyPersonRiskShare', row.highKeyPersonRiskShare)}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

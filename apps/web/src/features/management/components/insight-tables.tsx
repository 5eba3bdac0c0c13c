import { Badge, Group, SimpleGrid, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { components } from '@crm/api-client';
import { useFormat } from '@/lib/format';
import { figureReason, useReasonText } from '@/lib/reasons';
import { DepartedRelationsTable } from './departed-relations-table';

type Schemas = components['schemas'];
const badgeStyles = { label: { textTransform: 'none' as const } };

/** The partners the schools ask most of (the API's order), with whether that is far above their size. */
export function PartnerLoadTable({ rows, limit = 10 }: { rows: Schemas['PartnerLoadRowResponse'][]; limit?: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const reasonText = useReasonText();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped data-testid="partner-load">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('list.partner')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('management.col.partnerships')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('management.schools')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('management.activities')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('management.studentsPlaced')}</Table.Th>
            <Table.Th scope="col">{t('management.why')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.slice(0, limit).map((row) => (
            <Table.Tr key={row.partnerId}>
              <Table.Td>
                <Group gap={6}>
                  <Text size="sm" fw={600}>
                    {row.partnerName}
                  </Text>
                  {row.overAsked && (
                    <Badge color="red" variant="light" size="sm" styles={badgeStyles}>
                      {t('management.overAsked')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td ta="right">{format.number(row.partnerships)}</Table.Td>
              <Table.Td ta="right">{format.number(row.schools)}</Table.Td>
              <Table.Td ta="right">{format.number(row.activities)}</Table.Td>
              <Table.Td ta="right">{format.number(row.studentsPlaced)}</Table.Td>
              <Table.Td>
                <Text size="xs">{reasonText(row)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Figure({ label, value, reason }: { label: string; value: string; reason?: string }) {
  return (
    <div title={reason}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="lg" fw={700}>
        {value}
      </Text>
    </div>
  );
}

/** The departures of the last year and what they did to the partnerships: the API's totals, and each person who left with what happened to each partnership they carried. */
export function DeparturesSummary({ report }: { report: Schemas['DeparturesReportResponse'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const reasonText = useReasonText();
  const why = (figure: string) => (report.reasons[figure] ? reasonText(figureReason(report, figure)) : undefined);
  return (
    <>
      <SimpleGrid cols={{ base: 2, md: 5 }} data-testid="departures">
        <Figure label={t('management.departuresCount')} value={format.number(report.departures)} reason={why('departures')} />
        <Figure label={t('management.relations')} value={format.number(report.relations)} />
        <Figure label={t('management.medianDaysToNewPrimary')} value={format.number(report.medianDaysToNewPrimary)} reason={why('medianDaysToNewPrimary')} />
        <Figure label={t('management.stillOpen')} value={format.number(report.stillOpen)} />
        <Figure label={t('management.cold')} value={`${format.number(report.coldHandovers)} / ${format.number(report.coldHandovers + report.warmHandovers)}`} />
      </SimpleGrid>
      {report.items.length > 0 && <DepartedRelationsTable items={report.items} />}
    </>
  );
}

/** How quickly new partnerships get going, per level: the API's medians. */
export function StartUpTable({ rows }: { rows: Schemas['StartUpLevelResponse'][] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const reasonText = useReasonText();
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table striped data-testid="start-up">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('management.col.level')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('management.col.partnerships')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('management.daysToFirstActivity')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('management.daysToFirstAgreement')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.level}>
              <Table.Th scope="row">{t(`vocab.level.${row.level}`)}</Table.Th>
              <Table.Td ta="right">{format.number(row.partnerships)}</Table.Td>
              <Table.Td ta="right" title={reasonText(row)}>
                {format.number(row.medianDaysToFirstActivity)}
              </Table.Td>
              <Table.Td ta="right">{format.number(row.medianDaysToFirstAgreement)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

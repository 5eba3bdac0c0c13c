import { Group, Paper, Progress, RingProgress, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { STATUS_COLOR, StatusBadge, Trend } from '@/components/badges';
import { useFormat } from '@/lib/format';
import { useReasonText } from '@/lib/reasons';
import type { Health } from '@/lib/views';

/** The health score, status and trend, and every component with its weight, score and the API's reason (SPEC §3.1). */
export function HealthCard({ health }: { health: Health }) {
  const { t } = useTranslation();
  const format = useFormat();
  const reasonText = useReasonText();
  return (
    <Paper withBorder p="md" data-testid="health">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <Title order={3} size="h4">
            {t('partnership.health')}
          </Title>
          <StatusBadge status={health.status} />
        </Group>
        <Group gap="lg" wrap="nowrap" align="center">
          <RingProgress
            size={104}
            thickness={10}
            roundCaps
            sections={[{ value: health.score ?? 0, color: STATUS_COLOR[health.status] }]}
            label={
              <Text ta="center" fw={700} size="xl" data-testid="health-score">
                {format.number(health.score)}
              </Text>
            }
            aria-label={t('partnership.scoreOf', { score: format.number(health.score) })}
          />
          <Stack gap={4}>
            {health.reason && <Text size="sm" data-testid="health-reason">{reasonText(health)}</Text>}
            <Group gap={6}>
              <Text size="sm" c="dimmed">
                {t('partnership.trend')}
              </Text>
              <Trend value={health.trend} reason={reasonText({ reason: health.trendReason, reasonCode: health.trendReasonCode, reasonParams: health.trendReasonParams })} />
            </Group>
          </Stack>
        </Group>
        {/* On a phone the table scrolls sideways, as every table here does, rather than break its words. */}
        <Table.ScrollContainer minWidth={460}>
          <Table verticalSpacing={6} layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w="26%">
                  {t('partnership.component')}
                </Table.Th>
                <Table.Th scope="col" w="22%">
                  {t('partnership.score')}
                </Table.Th>
                <Table.Th scope="col">{t('partnership.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {health.components.map((component) => (
                <Table.Tr key={component.name} data-testid={`component-${component.name}`}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {t(`vocab.component.${component.name}` as 'vocab.component.recency', { defaultValue: component.name })}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('partnership.weight', { weight: component.weight })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {component.score === null ? (
                      <Text size="sm" c="dimmed">
                        {t('partnership.notApplicable')}
                      </Text>
                    ) : (
                      <Stack gap={2}>
                        <Text size="sm" fw={600}>
                          {format.number(component.score, 1)}
                        </Text>
                        <Progress value={component.score} color="blue" size="sm" aria-hidden />
                      </Stack>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{reasonText(component)}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Paper>
  );
}

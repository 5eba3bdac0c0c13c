import { Badge, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { StageBadge, StatusBadge } from '@/components/badges';
import { useFormat } from '@/lib/format';
import type { PartnershipSummary } from '@/lib/views';

/** Who and what: school, partner, levels, stage, intensity, status (SPEC §7). */
export function PartnershipHeader({ summary }: { summary: PartnershipSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const fact = (label: string, value: React.ReactNode) => (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <div>{value}</div>
    </Stack>
  );
  return (
    <Paper withBorder p="md" data-testid="partnership-header">
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="md">
        {fact(t('partnership.school'), <Text fw={600}>{summary.school.name ?? t('common.unknown')}</Text>)}
        {fact(
          t('partnership.partner'),
          <Text fw={600}>
            {summary.partner.name ?? t('common.unknown')}
            {summary.partner.sector ? <Text span c="dimmed" size="sm">{` · ${summary.partner.sector}`}</Text> : null}
          </Text>,
        )}
        {fact(
          t('partnership.levels'),
          <Group gap={4}>
            {summary.levels.map((level) => (
              <Badge key={level} variant="default" styles={{ label: { textTransform: 'none' } }}>
                {t(`vocab.level.${level}`)}
              </Badge>
            ))}
          </Group>,
        )}
        {fact(t('partnership.stage'), <StageBadge stage={summary.stage} />)}
        {fact(t('partnership.intensity'), <Text>{t(`vocab.intensity.${summary.intensity}`)}</Text>)}
        {fact(t('partnership.status'), <StatusBadge status={summary.status} />)}
      </SimpleGrid>
      <Text size="sm" c="dimmed" mt="sm">
        {t('partnership.openedOn', { date: format.date(summary.openedAt) })}
        {summary.themes.length > 0 && ` · ${t('partnership.themes')}: ${summary.themes.join(', ')}`}
      </Text>
    </Paper>
  );
}

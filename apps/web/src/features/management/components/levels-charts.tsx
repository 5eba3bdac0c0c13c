import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { components } from '@crm/api-client';
import { useFormat } from '@/lib/format';

type LevelRow = components['schemas']['LevelRowResponse'];

const STAGE_COLORS = { exploring: 'blue.4', agreed: 'cyan.6', active: 'green.7', paused: 'yellow.6', ended: 'gray.6' } as const;
const TIER_COLORS = { strategic: 'violet.6', tactical: 'blue.6', operational: 'teal.6' } as const;

function Chart({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Stack gap={4} component="figure" m={0} aria-label={title}>
      <Text size="sm" fw={600} component="figcaption">
        {title}
      </Text>
      {children}
    </Stack>
  );
}

/** The levels report drawn: health per level, tier involvement and the stage mix (the API's figures, unchanged). */
export function LevelsCharts({ rows }: { rows: LevelRow[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const level = (row: LevelRow) => t(`vocab.level.${row.level}`);
  const health = rows.map((row) => ({ level: level(row), health: row.meanHealth ?? 0 }));
  const tiers = rows.map((row) => ({
    level: level(row),
    strategic: Math.round((row.tierInvolvement.strategic ?? 0) * 100),
    tactical: Math.round((row.tierInvolvement.tactical ?? 0) * 100),
    operational: Math.round((row.tierInvolvement.operational ?? 0) * 100),
  }));
  const stages = rows.map((row) => ({ level: level(row), ...row.byStage }));
  const percent = (value: number) => `${format.number(value)}%`;
  return (
    <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="lg" data-testid="levels-charts">
      <Chart title={t('management.healthPerLevel')}>
        <BarChart h={220} data={health} dataKey="level" series={[{ name: 'health', label: t('management.col.meanHealth'), color: 'teal.7' }]} yAxisProps={{ domain: [0, 100] }} valueFormatter={(value) => format.number(value, 1)} />
      </Chart>
      <Chart title={t('management.tierInvolvement')}>
        <BarChart
          h={220}
          data={tiers}
          dataKey="level"
          withLegend
          series={(Object.keys(TIER_COLORS) as Array<keyof typeof TIER_COLORS>).map((tier) => ({ name: tier, label: t(`vocab.tier.${tier}`), color: TIER_COLORS[tier] }))}
          yAxisProps={{ domain: [0, 100] }}
          valueFormatter={percent}
        />
      </Chart>
      <Chart title={t('management.statusMix')}>
        <BarChart
          h={220}
          data={stages}
          dataKey="level"
          type="stacked"
          withLegend
          series={(Object.keys(STAGE_COLORS) as Array<keyof typeof STAGE_COLORS>).map((stage) => ({ name: stage, label: t(`vocab.stage.${stage}`), color: STAGE_COLORS[stage] }))}
          valueFormatter={(value) => format.number(value)}
        />
      </Chart>
    </SimpleGrid>
  );
}

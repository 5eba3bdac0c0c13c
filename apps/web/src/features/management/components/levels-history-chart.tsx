import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import type { components } from '@crm/api-client';
import { useFormat } from '@/lib/format';

type Step = components['schemas']['LevelsStepResponse'];

const LEVEL_COLORS: Record<string, string> = { po: 'pink.7', vmbo: 'orange.7', havo: 'yellow.8', vwo: 'lime.8', mbo: 'teal.7', hbo: 'blue.7', wo: 'violet.7' };

/** Mean health per level, month by month, as the API's history gives it (one line per level). */
export function LevelsHistoryChart({ steps }: { steps: Step[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const levels = [...new Set(steps.flatMap((step) => step.levels.map((row) => row.level)))];
  const data = steps.map((step) => ({
    month: new Intl.DateTimeFormat(format.locale, { month: 'short', year: '2-digit', timeZone: 'Europe/Amsterdam' }).format(new Date(step.asOf)),
    ...Object.fromEntries(step.levels.map((row) => [row.level, row.meanHealth])),
  }));
  return (
    <LineChart
      h={260}
      data={data}
      dataKey="month"
      withLegend
      connectNulls
      yAxisProps={{ domain: [0, 100] }}
      series={levels.map((level) => ({ name: level, label: t(`vocab.level.${level}`), color: LEVEL_COLORS[level] ?? 'gray.7' }))}
      valueFormatter={(value) => format.number(value, 1)}
      data-testid="levels-history"
    />
  );
}

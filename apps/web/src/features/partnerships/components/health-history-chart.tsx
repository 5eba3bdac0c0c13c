import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import type { components } from '@crm/api-client';
import { useFormat } from '@/lib/format';

type Step = components['schemas']['HealthStepResponse'];

/** The bands of SPEC §3.1: healthy from 70, attention from 40. The lines mark what the API's statuses mean. */
const BANDS = { healthy: 70, attention: 40 } as const;

/** The partnership's score at each step of the API's history, with the status bands drawn as reference lines. */
export function HealthHistoryChart({ steps, every }: { steps: Step[]; every: 'week' | 'month' }) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = new Intl.DateTimeFormat(format.locale, every === 'month' ? { month: 'short', year: '2-digit', timeZone: 'Europe/Amsterdam' } : { day: 'numeric', month: 'short', timeZone: 'Europe/Amsterdam' });
  const data = steps.map((step) => ({ step: label.format(new Date(step.asOf)), score: step.score }));
  return (
    <LineChart
      h={220}
      data={data}
      dataKey="step"
      connectNulls={false}
      withDots={every === 'month'}
      yAxisProps={{ domain: [0, 100], ticks: [0, BANDS.attention, BANDS.healthy, 100] }}
      referenceLines={[
        { y: BANDS.healthy, label: t('partnership.historyHealthy'), color: 'teal.8' },
        { y: BANDS.attention, label: t('partnership.historyAtRisk'), color: 'red.8' },
      ]}
      series={[{ name: 'score', label: t('partnership.score'), color: 'blue.7' }]}
      valueFormatter={(value) => format.number(value)}
      data-testid="health-history-chart"
    />
  );
}

import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@/lib/format';
import type { HealthStatus, Risk } from '@/lib/views';

export const STATUS_COLOR: Record<HealthStatus, string> = { healthy: 'green', attention: 'yellow', at_risk: 'red', dormant: 'gray', ended: 'dark', not_opened: 'blue' };
export const RISK_COLOR: Record<Risk, string> = { high: 'red', medium: 'yellow', low: 'green' };

/** A partnership's score and status as the API gives them. */
export function HealthBadge({ score, status }: { score: number | null; status: HealthStatus }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" fw={600} w={28} ta="right">
        {score === null ? '–' : format.number(score)}
      </Text>
      <Badge color={STATUS_COLOR[status]} variant="light" radius="sm" style={{ flexShrink: 0 }} styles={{ label: { textTransform: 'none' } }}>
        {t(`vocab.status.${status}`)}
      </Badge>
    </Group>
  );
}

export function RiskBadge({ risk }: { risk: Risk }) {
  const { t } = useTranslation();
  return (
    <Badge color={RISK_COLOR[risk]} variant="light" radius="sm" styles={{ label: { textTransform: 'none' } }}>
      {t(`vocab.risk.${risk}`)}
    </Badge>
  );
}

/** The 90-day trend the API computed (score now − score 90 days before); nothing when it has none. */
export function TrendFigure({ value }: { value: number | null | undefined }) {
  const format = useFormat();
  if (value === null || value === undefined) return <Text size="sm">–</Text>;
  return (
    <Text size="sm" fw={value < 0 ? 700 : 500}>
      {value > 0 ? '+' : ''}
      {format.number(value)}
    </Text>
  );
}

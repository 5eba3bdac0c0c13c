import { Badge, darken, Group, Text, Tooltip, useMantineTheme } from '@mantine/core';
import { IconArrowDownRight, IconArrowRight, IconArrowUpRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@/lib/format';
import type { HealthStatus, Risk, Stage } from '@/lib/views';

/** Colours of the API's statuses and risks, the same on every screen. */
export const STATUS_COLOR: Record<HealthStatus, string> = {
  healthy: 'green',
  attention: 'yellow',
  at_risk: 'red',
  dormant: 'gray',
  ended: 'dark',
  not_opened: 'gray',
};
export const RISK_COLOR: Record<Risk, string> = { high: 'red', medium: 'yellow', low: 'green' };

// A status is a word or two: never cut off to "Aandacht no…" when a table column is narrow.
const badgeStyles = { root: { flexShrink: 0 }, label: { textTransform: 'none' as const } };

export function StatusBadge({ status, size = 'md' }: { status: HealthStatus; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" size={size} styles={badgeStyles} data-testid="status">
      {t(`vocab.status.${status}`)}
    </Badge>
  );
}

export function RiskBadge({ risk, label }: { risk: Risk; label?: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={RISK_COLOR[risk]} variant="light" styles={badgeStyles}>
      {label ? `${label}: ${t(`vocab.risk.${risk}`)}` : t(`vocab.risk.${risk}`)}
    </Badge>
  );
}

export function StageBadge({ stage }: { stage: Stage }) {
  const { t } = useTranslation();
  return (
    <Badge color="blue" variant="outline" styles={badgeStyles}>
      {t(`vocab.stage.${stage}`)}
    </Badge>
  );
}

/**
 * The 90-day trend the API computed (score now − score 90 days ago), with its reason on hover and focus when given.
 * Without one (a list row) it is just the figure: the column's header explains it once, rather than a tooltip and a
 * tab stop on every row.
 */
export function Trend({ value, reason }: { value: number | null | undefined; reason?: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const theme = useMantineTheme();
  if (value === null || value === undefined) return null;
  const Icon = value > 0 ? IconArrowUpRight : value < 0 ? IconArrowDownRight : IconArrowRight;
  // Shade 9 darkened: green and red text at AA contrast on white.
  const color = value > 0 ? darken(theme.colors.green[9], 0.3) : value < 0 ? darken(theme.colors.red[9], 0.1) : 'dimmed';
  const text = `${value > 0 ? '+' : ''}${format.number(value)}`;
  const figure = (focusable: boolean) => (
    <Group gap={2} c={color} wrap="nowrap" tabIndex={focusable ? 0 : undefined} aria-label={`${t('partnership.trend')}: ${text}`} data-testid="trend">
      <Icon size={16} aria-hidden />
      <Text size="sm" fw={600} c={color}>
        {text}
      </Text>
    </Group>
  );
  if (!reason) return figure(false);
  return (
    <Tooltip label={reason} withArrow multiline w={280} events={{ hover: true, focus: true, touch: true }}>
      {figure(true)}
    </Tooltip>
  );
}

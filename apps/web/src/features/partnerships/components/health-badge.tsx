import { Group, Text } from '@mantine/core';
import { StatusBadge } from '@/components/badges';
import { useFormat } from '@/lib/format';
import type { HealthStatus } from '@/lib/views';

/** A partnership's score and status as the API gives them, side by side in a list row. */
export function HealthBadge({ score, status }: { score: number | null; status: HealthStatus }) {
  const format = useFormat();
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" fw={600} w={28} ta="right">
        {score === null ? '–' : format.number(score)}
      </Text>
      <StatusBadge status={status} size="sm" />
    </Group>
  );
}

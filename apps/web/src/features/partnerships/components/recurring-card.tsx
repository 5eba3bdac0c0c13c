import { Badge, Group, Paper, Table, Text, Title } from '@mantine/core';
import { IconRepeat } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryView } from '@/components/query-view';
import type { Day } from '@/lib/dates';
import { useReasonText } from '@/lib/reasons';
import { recurringQuery } from '../api/queries';

const badgeStyles = { label: { textTransform: 'none' as const } };

/**
 * Recurring cooperation (SPEC §3.8): which activity kinds the partnership held in two or more school years and which
 * once, with the school years of each, as the API counted them (its reason worded from its code).
 */
export function RecurringCard({ partnershipId, asOf }: { partnershipId: string; asOf: Day | undefined }) {
  const { t } = useTranslation();
  const reasonText = useReasonText();
  const recurring = useQuery(recurringQuery(partnershipId, asOf));
  return (
    <Paper withBorder p="md" data-testid="recurring">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4">
          {t('partnership.recurring')}
        </Title>
        {recurring.data && recurring.data.kinds.length > 0 && (
          <Badge color={recurring.data.recurring ? 'teal' : 'gray'} variant="light" styles={badgeStyles} data-testid="recurring-badge">
            {t(recurring.data.recurring ? 'partnership.recurringYes' : 'partnership.recurringNo')}
          </Badge>
        )}
      </Group>
      <QueryView query={recurring} rows={2} isEmpty={(data) => data.kinds.length === 0} empty={{ title: reasonText(recurring.data ?? { reason: '' }), text: t('partnership.recurringHelp'), icon: <IconRepeat size={28} /> }}>
        {(data) => (
          <>
            <Text size="sm" mb="xs" data-testid="recurring-reason">
              {reasonText(data)}
            </Text>
            <Table striped data-testid="recurring-kinds">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('partnership.activityKind')}</Table.Th>
                  <Table.Th scope="col">{t('partnership.schoolYears')}</Table.Th>
                  <Table.Th scope="col">{t('partnership.held')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.kinds.map((entry) => (
                  <Table.Tr key={entry.kind}>
                    <Table.Th scope="row" fw={500}>
                      {t(`vocab.activity.${entry.kind}`)}
                    </Table.Th>
                    <Table.Td>{entry.schoolYears.join(', ')}</Table.Td>
                    <Table.Td>{t(data.recurringKinds.includes(entry.kind) ? 'partnership.heldRecurring' : 'partnership.heldOnce')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </QueryView>
    </Paper>
  );
}

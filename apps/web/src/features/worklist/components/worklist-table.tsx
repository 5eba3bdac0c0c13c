import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import { AnchorLink } from '@/components/links';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@/lib/format';
import { useReasonText } from '@/lib/reasons';
import type { WorklistItem } from '@/lib/views';

/** Badges here show their whole label (Mantine cuts long ones off with an ellipsis). */
const NO_TRUNCATION = { root: { maxWidth: 'none', flexShrink: 0 }, label: { textTransform: 'none' as const, overflow: 'visible' } };

const ACTION_COLOR: Record<string, string> = {
  commitment_overdue: 'red',
  orphaned: 'red',
  partner_contact_left: 'red',
  contact_drifting: 'orange',
  evaluation_due: 'grape',
  agreement_expiring: 'yellow',
  commitment_due: 'yellow',
  add_backup_contact: 'cyan',
  involve_backup: 'cyan',
  thank_you: 'teal',
};

/** The worklist in the API's order (most urgent first): what, for which partnership, why, and by when. */
export function WorklistTable({ items }: { items: WorklistItem[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const reasonText = useReasonText();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="sm" highlightOnHover data-testid="worklist">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={210}>
              {t('worklist.action')}
            </Table.Th>
            <Table.Th scope="col">{t('worklist.partnership')}</Table.Th>
            <Table.Th scope="col">{t('worklist.why')}</Table.Th>
            <Table.Th scope="col" w={170}>
              {t('worklist.due')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item, index) => (
            <Table.Tr key={`${item.partnershipId}-${item.type}-${index}`} data-testid="worklist-item">
              <Table.Td>
                <Badge color={ACTION_COLOR[item.type] ?? 'gray'} variant="light" radius="sm" styles={NO_TRUNCATION}>
                  {t(`vocab.action.${item.type}` as 'vocab.action.thank_you', { defaultValue: item.type })}
                </Badge>
              </Table.Td>
              <Table.Td>
                <AnchorLink to="/partnerschappen/$partnershipId" params={{ partnershipId: item.partnershipId }} fw={600}>
                  {item.school.name ?? '?'} – {item.partner.name ?? '?'}
                </AnchorLink>
                {item.concerns.length > 0 && (
                  <Text size="xs" c="dimmed">
                    {item.concerns.map((person) => person.name).join(', ')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  <Text size="sm">{reasonText(item)}</Text>
                  {item.clearedBy && (
                    <Text size="xs" c="dimmed">
                      {t('worklist.clearedBy', {
                        what: t(`worklist.clearedByType.${item.type}` as 'worklist.clearedByType.thank_you', { defaultValue: item.clearedBy }),
                      })}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm" c={item.overdue ? 'red.9' : undefined} fw={item.overdue ? 600 : undefined} style={{ whiteSpace: 'nowrap' }}>
                    {format.date(item.dueAt)}
                  </Text>
                  {item.overdue && (
                    <Badge color="red" variant="filled" size="xs" styles={NO_TRUNCATION}>
                      {t('worklist.overdue')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

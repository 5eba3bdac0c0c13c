import { Alert, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { RiskBadge } from '@/components/badges';
import { useFormat } from '@/lib/format';
import { useReasonText } from '@/lib/reasons';
import type { Continuity, KeyPersonRiskReport, Side, SideContinuity, SideKeyPersonRisk } from '@/lib/views';

function SideContacts({ side, continuity, risk }: { side: Side; continuity: SideContinuity; risk: SideKeyPersonRisk }) {
  const { t } = useTranslation();
  const format = useFormat();
  const reasonText = useReasonText();
  return (
    <Stack gap="xs" data-testid={`contacts-${side}`}>
      <Group justify="space-between">
        <Title order={4} size="h5">
          {t(`vocab.side.${side}`)}
        </Title>
        <RiskBadge risk={risk.risk} label={t('partnership.keyPersonRisk')} />
      </Group>
      {continuity.orphaned && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} p="xs">
          {t('partnership.orphaned', { date: format.date(continuity.orphanedSince) })}
        </Alert>
      )}
      <div>
        <Text size="xs" c="dimmed" fw={600} tt="uppercase">
          {t('vocab.contactRole.primary')}
        </Text>
        {continuity.primary ? (
          <Text size="sm">
            <Text span fw={600}>
              {continuity.primary.name}
            </Text>{' '}
            <Text span c="dimmed" size="sm">
              {t('partnership.since', { date: format.date(continuity.primary.since), days: continuity.primary.tenureDays })}
            </Text>
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t('partnership.noPrimary')}
          </Text>
        )}
      </div>
      <div>
        <Text size="xs" c="dimmed" fw={600} tt="uppercase">
          {t('partnership.backups')}
        </Text>
        {continuity.backups.length ? (
          <Group gap={4}>
            {continuity.backups.map((backup) => (
              <Badge key={backup.personId} variant="default" styles={{ label: { textTransform: 'none' } }}>
                {backup.name}
              </Badge>
            ))}
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('partnership.noBackup')}
          </Text>
        )}
      </div>
      <div>
        <Text size="xs" c="dimmed" fw={600} tt="uppercase">
          {t('partnership.continuity')}
        </Text>
        <Text size="sm" data-testid={`continuity-reason-${side}`}>
          {reasonText(continuity)}
        </Text>
      </div>
      <Text size="sm">{reasonText(risk)}</Text>
      <Text size="xs" c="dimmed">
        {t('partnership.participants', { count: continuity.distinctParticipants365 })}
        {risk.topPerson && risk.topShare !== null && ` ${t('partnership.topPerson', { name: risk.topPerson.name, share: format.share(risk.topShare) })}`}
      </Text>
    </Stack>
  );
}

/** Contacts per side with continuity (SPEC §3.2: the API's reason, worded from its code) and key-person risk (§3.3). */
export function ContactsCard({ continuity, risk }: { continuity: Continuity; risk: KeyPersonRiskReport }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" data-testid="contacts">
      <Title order={3} size="h4" mb="sm">
        {t('partnership.contacts')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        <SideContacts side="school" continuity={continuity.school} risk={risk.school} />
        <SideContacts side="partner" continuity={continuity.partner} risk={risk.partner} />
      </SimpleGrid>
    </Paper>
  );
}

import { Badge, Button, Group, Paper, Text, Timeline, Title } from '@mantine/core';
import { IconCircleCheck, IconClipboardCheck, IconFileCertificate, IconMessages, IconPlayerPlay, IconRoute, IconUsers, IconCalendarEvent, IconPoint } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@/lib/format';
import type { TimelineEntry } from '@/lib/views';

const ICON: Record<string, ReactNode> = {
  PartnershipOpened: <IconPlayerPlay size={14} />,
  InteractionRecorded: <IconMessages size={14} />,
  ActivityRecorded: <IconCalendarEvent size={14} />,
  EvaluationHeld: <IconClipboardCheck size={14} />,
  AgreementSigned: <IconFileCertificate size={14} />,
  CommitmentMade: <IconCircleCheck size={14} />,
  PartnershipStageChanged: <IconRoute size={14} />,
  ContactPersonAssigned: <IconUsers size={14} />,
  ContactPersonUnassigned: <IconUsers size={14} />,
};

/** The payload fields the timeline shows (SPEC §2 events). */
interface EventData {
  kind?: string;
  initiatedBy?: string;
  participantIds?: string[];
  summary?: string;
  studentCount?: number;
  schoolSatisfaction?: number;
  partnerSatisfaction?: number;
  notes?: string;
  validUntil?: string;
  description?: string;
  dueAt?: string;
  side?: string;
  from?: string;
  to?: string;
  reason?: string;
  personId?: string;
  role?: string;
}

const CLOSING = ['CommitmentFulfilled', 'CommitmentBroken', 'CommitmentCancelled'];
const PAGE = 25;

/** Commitments made and not yet fulfilled, broken or cancelled: the ones an outcome can be recorded for. */
export function openCommitmentIds(entries: TimelineEntry[]): Set<string> {
  const open = new Set<string>();
  for (const entry of entries) {
    const id = entry.data.commitmentId as string | undefined;
    if (!id) continue;
    if (entry.type === 'CommitmentMade') open.add(id);
    else if (CLOSING.includes(entry.type)) open.delete(id);
  }
  return open;
}

/** Every event of the partnership, newest first, in words, with who recorded it (SPEC §3.6). */
export function TimelineCard({
  entries,
  nameOf,
  onCommitmentOutcome,
}: {
  entries: TimelineEntry[];
  nameOf: (personId: string) => string | undefined;
  onCommitmentOutcome?: (commitmentId: string, description: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [shown, setShown] = useState(PAGE);
  const open = openCommitmentIds(entries);
  const newestFirst = [...entries].reverse();
  const names = (ids: unknown) => (Array.isArray(ids) ? ids.map((id) => nameOf(String(id)) ?? t('common.unknown')).join(', ') : '');

  const details = (entry: TimelineEntry): ReactNode[] => {
    const d = entry.data as EventData;
    switch (entry.type) {
      case 'InteractionRecorded':
        return [
          `${t(`vocab.interaction.${d.kind}` as 'vocab.interaction.call')} · ${t('timeline.initiatedBy', { side: t(`vocab.side.${d.initiatedBy}` as 'vocab.side.school') })}`,
          d.participantIds?.length ? t('timeline.with', { names: names(d.participantIds) }) : null,
          d.summary ?? null,
        ];
      case 'ActivityRecorded':
        return [
          t(`vocab.activity.${d.kind}` as 'vocab.activity.other'),
          d.studentCount ? t('timeline.students', { count: d.studentCount }) : null,
          d.participantIds?.length ? t('timeline.with', { names: names(d.participantIds) }) : null,
        ];
      case 'EvaluationHeld':
        return [t('timeline.satisfaction', { school: d.schoolSatisfaction, partner: d.partnerSatisfaction }), d.notes ?? null];
      case 'AgreementSigned':
        return [t(`vocab.agreement.${d.kind}` as 'vocab.agreement.mou'), d.validUntil ? t('timeline.validUntil', { date: format.date(d.validUntil) }) : null];
      case 'CommitmentMade':
        return [d.description ?? null, t('timeline.dueOn', { date: format.date(d.dueAt), side: t(`vocab.side.${d.side}` as 'vocab.side.school') })];
      case 'PartnershipStageChanged':
        return [`${t(`vocab.stage.${d.from}` as 'vocab.stage.active')} → ${t(`vocab.stage.${d.to}` as 'vocab.stage.active')}`, d.reason ?? null];
      case 'PartnershipIntensityChanged':
        return [`${t(`vocab.intensity.${d.from}` as 'vocab.intensity.aligned')} → ${t(`vocab.intensity.${d.to}` as 'vocab.intensity.aligned')}`];
      case 'ContactPersonAssigned':
        return [`${nameOf(d.personId ?? '') ?? t('common.unknown')} · ${t(`vocab.contactRole.${d.role}` as 'vocab.contactRole.primary')} (${t(`vocab.side.${d.side}` as 'vocab.side.school')})`];
      case 'ContactPersonUnassigned':
        return [`${nameOf(d.personId ?? '') ?? t('common.unknown')} · ${t(`vocab.unassignReason.${d.reason}` as 'vocab.unassignReason.other')}`];
      case 'PartnershipEnded':
      case 'CommitmentBroken':
      case 'CommitmentCancelled':
      case 'AgreementTerminated':
        return [d.reason ?? null];
      default:
        return [];
    }
  };

  return (
    <Paper withBorder p="md" data-testid="timeline">
      <Title order={3} size="h4" mb="md">
        {t('partnership.timeline')}
      </Title>
      <Timeline bulletSize={24} lineWidth={2}>
        {newestFirst.slice(0, shown).map((entry) => {
          const commitmentId = entry.data.commitmentId as string | undefined;
          return (
            <Timeline.Item
              key={entry.position}
              bullet={ICON[entry.type] ?? <IconPoint size={14} />}
              title={
                <Group gap="xs" justify="space-between" wrap="nowrap">
                  <Text fw={600} size="sm">
                    {t(`vocab.event.${entry.type}` as 'vocab.event.InteractionRecorded', { defaultValue: entry.type })}
                  </Text>
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {format.date(entry.at ?? entry.recordedAt)}
                  </Text>
                </Group>
              }
              data-testid="timeline-entry"
            >
              {details(entry)
                .filter(Boolean)
                .map((line, index) => (
                  <Text key={index} size="sm">
                    {line}
                  </Text>
                ))}
              <Text size="xs" c="dimmed">
                {t('timeline.recordedBy', { who: entry.recordedByName ?? entry.recordedBy, when: format.dateTime(entry.recordedAt) })}
              </Text>
              {entry.type === 'CommitmentMade' && commitmentId && open.has(commitmentId) && onCommitmentOutcome && (
                <Group gap="xs" mt={4}>
                  <Badge color="yellow" variant="light" styles={{ label: { textTransform: 'none' } }}>
                    {t('timeline.open')}
                  </Badge>
                  <Button size="compact-xs" variant="default" onClick={() => onCommitmentOutcome(commitmentId, String(entry.data.description ?? ''))}>
                    {t('forms.outcome.open')}
                  </Button>
                </Group>
              )}
            </Timeline.Item>
          );
        })}
      </Timeline>
      {entries.length > shown && (
        <Button variant="subtle" mt="sm" onClick={() => setShown((count) => count + PAGE)}>
          {t('timeline.more', { count: entries.length - shown })}
        </Button>
      )}
    </Paper>
  );
}

import { Alert, Button, Grid, Group, Menu, Stack } from '@mantine/core';
import { IconChevronDown, IconHistory, IconMessagePlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { ErrorState, LoadingState } from '@/components/states';
import { useAsOf } from '@/lib/as-of';
import { may } from '@/lib/access';
import { useSession } from '@/lib/session';
import { continuityQuery, healthQuery, keyPersonRiskQuery, partnershipKeys, partnershipSummaryQuery, timelineQuery } from '../api/queries';
import { usePartnershipPeople } from '../api/use-partnership-people';
import { ContactsCard } from '../components/contacts-card';
import { AssignContactForm } from '../components/forms/assign-contact-form';
import { ChangeStageForm } from '../components/forms/change-stage-form';
import { CommitmentOutcomeForm } from '../components/forms/commitment-outcome-form';
import { HoldEvaluationForm } from '../components/forms/hold-evaluation-form';
import { MakeCommitmentForm } from '../components/forms/make-commitment-form';
import { RecordActivityForm } from '../components/forms/record-activity-form';
import { RecordContactForm } from '../components/forms/record-contact-form';
import { SignAgreementForm } from '../components/forms/sign-agreement-form';
import { HealthCard } from '../components/health-card';
import { HealthHistoryCard } from '../components/health-history-card';
import { PartnershipHeader } from '../components/partnership-header';
import { RecurringCard } from '../components/recurring-card';
import { TimelineCard } from '../components/timeline-card';

type FormName = 'contact' | 'activity' | 'evaluation' | 'commitment' | 'outcome' | 'agreement' | 'stage' | 'assign';

/** One partnership (SPEC §7): who and what, health with reasons, recurring cooperation, contacts per side with continuity, the timeline, and the forms. */
export function PartnershipRoute() {
  const { t } = useTranslation();
  const { partnershipId } = useParams({ from: '/signed-in/partnerschappen/$partnershipId' });
  const { asOf, setAsOf } = useAsOf();
  const current = useSession();
  const queryClient = useQueryClient();
  const summary = useQuery(partnershipSummaryQuery(partnershipId, asOf));
  const health = useQuery(healthQuery(partnershipId, asOf));
  const continuity = useQuery(continuityQuery(partnershipId, asOf));
  const risk = useQuery(keyPersonRiskQuery(partnershipId, asOf));
  const timeline = useQuery(timelineQuery(partnershipId));
  const people = usePartnershipPeople(summary.data, undefined);
  const [form, setForm] = useState<FormName | null>(null);
  const [commitment, setCommitment] = useState<{ id: string; description: string } | null>(null);

  if (summary.isPending) return <LoadingState rows={6} />;
  if (summary.isError) return <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />;

  const title = `${summary.data.school.name ?? '?'} – ${summary.data.partner.name ?? '?'}`;
  const mayRecord = may(current, 'record') && summary.data.stage !== 'ended';
  // The revision the page shows: the partnership's ETag when the API sends one, else the timeline's last event.
  const expectedRevision = summary.data.etagRevision ?? summary.data.revision ?? timeline.data?.revision;
  const modal = (name: FormName) => ({
    opened: form === name,
    onClose: () => setForm(null),
    expectedRevision,
    onReload: () => queryClient.refetchQueries({ queryKey: partnershipKeys.all(partnershipId) }),
  });

  const actions = !mayRecord ? undefined : asOf ? (
    <Button variant="default" leftSection={<IconHistory size={16} />} onClick={() => setAsOf(undefined)}>
      {t('partnership.recordToday')}
    </Button>
  ) : (
    <Group gap="xs">
      <Button leftSection={<IconMessagePlus size={16} />} onClick={() => setForm('contact')} disabled={!timeline.data}>
        {t('forms.contact.open')}
      </Button>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" rightSection={<IconChevronDown size={16} />} disabled={!timeline.data}>
            {t('forms.more')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => setForm('activity')}>{t('forms.activity.open')}</Menu.Item>
          <Menu.Item onClick={() => setForm('evaluation')}>{t('forms.evaluation.open')}</Menu.Item>
          <Menu.Item onClick={() => setForm('commitment')}>{t('forms.commitment.open')}</Menu.Item>
          <Menu.Item onClick={() => setForm('agreement')}>{t('forms.agreement.open')}</Menu.Item>
          <Menu.Divider />
          <Menu.Item onClick={() => setForm('assign')}>{t('forms.assign.open')}</Menu.Item>
          <Menu.Item onClick={() => setForm('stage')}>{t('forms.stage.open')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Group>
  );

  return (
    <Page title={title} actions={actions}>
      <PartnershipHeader summary={summary.data} />
      {summary.data.stage === 'ended' && (
        <Alert color="gray" variant="light">
          {t('partnership.endedNote')}
        </Alert>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            {health.isPending ? <LoadingState /> : health.isError ? <ErrorState error={health.error} onRetry={() => void health.refetch()} /> : <HealthCard health={health.data} />}
            <HealthHistoryCard partnershipId={partnershipId} asOf={asOf} />
            <RecurringCard partnershipId={partnershipId} asOf={asOf} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            {continuity.isPending || risk.isPending ? (
              <LoadingState />
            ) : continuity.isError || risk.isError ? (
              <ErrorState error={continuity.error ?? risk.error} onRetry={() => void Promise.all([continuity.refetch(), risk.refetch()])} />
            ) : (
              <ContactsCard continuity={continuity.data} risk={risk.data} />
            )}
            {timeline.isPending ? (
              <LoadingState />
            ) : timeline.isError ? (
              <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} />
            ) : (
              <TimelineCard
                entries={timeline.data.items}
                nameOf={people.nameOf}
                onCommitmentOutcome={
                  mayRecord && !asOf
                    ? (id, description) => {
                        setCommitment({ id, description });
                        setForm('outcome');
                      }
                    : undefined
                }
              />
            )}
          </Stack>
        </Grid.Col>
      </Grid>
      {mayRecord && (
        <>
          <RecordContactForm partnershipId={partnershipId} people={people.present} {...modal('contact')} />
          <RecordActivityForm partnershipId={partnershipId} people={people.present} {...modal('activity')} />
          <HoldEvaluationForm partnershipId={partnershipId} people={people.present} {...modal('evaluation')} />
          <MakeCommitmentForm partnershipId={partnershipId} people={people.present} {...modal('commitment')} />
          <CommitmentOutcomeForm partnershipId={partnershipId} commitment={commitment} {...modal('outcome')} />
          <SignAgreementForm partnershipId={partnershipId} people={people.present} {...modal('agreement')} />
          <ChangeStageForm partnershipId={partnershipId} stage={summary.data.stage} {...modal('stage')} />
          <AssignContactForm partnershipId={partnershipId} people={people.present} {...modal('assign')} />
        </>
      )}
    </Page>
  );
}

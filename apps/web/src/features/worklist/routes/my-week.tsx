import { Button, Group, Paper, Text } from '@mantine/core';
import { IconChecks, IconLink, IconUserQuestion } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import { useScopeMessage } from '@/features/auth/api/use-me';
import { PersonSearchSelect } from '@/features/people/components/person-search-select';
import { useAsOf } from '@/lib/as-of';
import { useWhoAmI } from '../api/who-am-i';
import { useWorklist } from '../api/use-worklist';
import { WorklistTable } from '../components/worklist-table';

/** Mijn week (SPEC §7): the caller's worklist, most urgent first, one click to the partnership. */
export function MyWeekRoute() {
  const { t } = useTranslation();
  const { asOf } = useAsOf();
  const who = useWhoAmI();
  const scopeMessage = useScopeMessage();
  const worklist = useWorklist(who, asOf);

  return (
    <Page
      title={t('nav.myWeek')}
      description={worklist.data ? t('worklist.descriptionFor', { name: worklist.data.name }) : t('worklist.description')}
      actions={
        who.state === 'known' && !who.fromLogin ? (
          <Button variant="default" size="xs" leftSection={<IconUserQuestion size={16} />} onClick={() => who.choose(undefined)}>
            {t('worklist.notYou')}
          </Button>
        ) : undefined
      }
    >
      {who.state === 'loading' ? (
        <LoadingState />
      ) : who.state === 'error' ? (
        <ErrorState error={who.error} onRetry={who.retry} />
      ) : who.state === 'unlinked' ? (
        <EmptyState icon={<IconLink size={28} />} title={t('worklist.unlinkedTitle')}>
          {scopeMessage ?? t('worklist.unlinked')}
        </EmptyState>
      ) : who.state === 'choose' ? (
        <Paper withBorder p="lg" data-testid="who-am-i">
          <Text fw={600} mb={4}>
            {t('worklist.whoTitle')}
          </Text>
          <Text size="sm" c="dimmed" mb="sm">
            {t('worklist.whoHelp')}
          </Text>
          <PersonSearchSelect label={t('worklist.whoLabel')} placeholder={t('worklist.whoPlaceholder')} value={null} onChange={(id) => id && who.choose(id)} testId="who-select" />
        </Paper>
      ) : worklist.isPending ? (
        <LoadingState />
      ) : worklist.isError ? (
        <ErrorState error={worklist.error} onRetry={() => void worklist.refetch()} />
      ) : worklist.data.items.length === 0 ? (
        <EmptyState icon={<IconChecks size={28} />} title={t('worklist.emptyTitle')}>
          {t('worklist.empty')}
        </EmptyState>
      ) : (
        <>
          <Group gap="xs">
            <Text size="sm" c="dimmed" aria-live="polite">
              {t('worklist.count', { count: worklist.data.items.length })}
            </Text>
          </Group>
          <WorklistTable items={worklist.data.items} />
        </>
      )}
    </Page>
  );
}

import { Alert, Button, Center, Group, Loader, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconInbox, IconLock, IconRefresh, IconSearchOff } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorText } from '@/lib/api-errors';

/** Shown while a screen's data loads: the shape of what comes, announced to screen readers. */
export function LoadingState({ rows = 4, label }: { rows?: number; label?: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" role="status" aria-live="polite" aria-label={label ?? t('states.loading')} data-testid="loading">
      <Group gap="xs">
        <Loader size="sm" />
        <Text size="sm" c="dimmed">
          {label ?? t('states.loading')}
        </Text>
      </Group>
      {Array.from({ length: rows }, (_, index) => (
        <Skeleton key={index} height={28} radius="sm" />
      ))}
    </Stack>
  );
}

/** Nothing to show, and why that is fine (or what to do about it). */
export function EmptyState({ title, children, action, icon }: { title: string; children?: ReactNode; action?: ReactNode; icon?: ReactNode }) {
  return (
    <Center py="xl" data-testid="empty">
      <Stack align="center" gap="xs" maw={480} ta="center">
        <ThemeIcon size={48} radius="xl" variant="light" color="gray" aria-hidden>
          {icon ?? <IconInbox size={28} />}
        </ThemeIcon>
        <Title order={3} size="h4">
          {title}
        </Title>
        {children && <Text c="dimmed">{children}</Text>}
        {action}
      </Stack>
    </Center>
  );
}

/** A failed load: not found and no access in plain words, anything else worded by its error code, with a retry. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.status === 404) {
    return <EmptyState icon={<IconSearchOff size={28} />} title={t('states.notFoundTitle')}>{t('states.notFound')}</EmptyState>;
  }
  if (error instanceof ApiError && error.status === 403) {
    return <EmptyState icon={<IconLock size={28} />} title={t('states.forbiddenTitle')}>{t('states.forbidden')}</EmptyState>;
  }
  const message = errorText(error);
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle />} title={t('states.errorTitle')} role="alert" data-testid="error">
      <Stack gap="xs">
        <Text size="sm">{message}</Text>
        <Text size="sm">{t('states.errorHelp')}</Text>
        {onRetry && (
          <Group>
            <Button size="xs" variant="default" leftSection={<IconRefresh size={16} />} onClick={onRetry}>
              {t('states.retry')}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

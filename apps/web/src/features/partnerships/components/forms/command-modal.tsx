import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import type { UseMutationResult } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorText } from '@/lib/api-errors';
import { newIdempotencyKey } from '@/lib/ids';
import type { CommandInput, CommandResult } from '../../api/use-command';

export interface CommandModalProps {
  opened: boolean;
  onClose: () => void;
  /** The stream revision the page shows: sent as If-Match. */
  expectedRevision: number | undefined;
  /** Reads the partnership again (after "changed by someone else"). */
  onReload: () => Promise<unknown>;
}

/**
 * The frame of every form on the partnership: submits through a command with a fresh Idempotency-Key and the page's
 * revision as If-Match; a 409 says "changed by someone else" and offers a reload (the form keeps what was typed); a
 * 400/422 puts the API's message at its field, or above the form when the field is not on it.
 */
export function CommandModal<V extends object>({
  opened,
  onClose,
  expectedRevision,
  onReload,
  title,
  form,
  command,
  children,
  testId,
}: CommandModalProps & {
  title: string;
  form: UseFormReturnType<V>;
  command: UseMutationResult<CommandResult, Error, CommandInput<V>>;
  children: ReactNode;
  testId: string;
}) {
  const { t } = useTranslation();
  const [conflict, setConflict] = useState(false);
  const [general, setGeneral] = useState<string | null>(null);
  const [reloading, setReloading] = useState(false);

  const close = () => {
    setConflict(false);
    setGeneral(null);
    command.reset();
    onClose();
  };

  const submit = form.onSubmit((values) => {
    setConflict(false);
    setGeneral(null);
    command.mutate(
      { values, expectedRevision, idempotencyKey: newIdempotencyKey() },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('common.saved') });
          form.reset();
          close();
        },
        onError: (error) => {
          if (error instanceof ApiError && error.isConflict) return setConflict(true);
          if (error instanceof ApiError) {
            const fields = error.fieldErrors();
            const onForm = Object.fromEntries(Object.entries(fields).filter(([field]) => field in form.values));
            form.setErrors(onForm);
            const elsewhere = Object.entries(fields).filter(([field]) => !(field in form.values));
            if (Object.keys(onForm).length === 0) setGeneral(errorText(error));
            else if (elsewhere.length) setGeneral(elsewhere.map(([, message]) => message).join(' '));
            return;
          }
          setGeneral(errorText(error) || t('states.offline'));
        },
      },
    );
  });

  const reload = async () => {
    setReloading(true);
    try {
      await onReload();
      setConflict(false);
    } finally {
      setReloading(false);
    }
  };

  return (
    <Modal opened={opened} onClose={close} title={title} size="lg" closeButtonProps={{ "aria-label": t("common.close") }} data-testid={testId}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {conflict && (
            <Alert color="orange" variant="light" icon={<IconAlertTriangle />} title={t('common.changedByOther')} data-testid="conflict">
              <Stack gap="xs">
                <Text size="sm">{t('common.changedByOtherHelp')}</Text>
                <Group>
                  <Button size="xs" variant="default" leftSection={<IconRefresh size={16} />} onClick={() => void reload()} loading={reloading}>
                    {t('common.reload')}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          )}
          {general && (
            <Alert color="red" variant="light" icon={<IconAlertTriangle />} data-testid="form-error">
              {general}
            </Alert>
          )}
          {children}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={command.isPending} disabled={conflict}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

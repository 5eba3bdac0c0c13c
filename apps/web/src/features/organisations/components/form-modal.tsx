import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A modal form of the organisations & people screen: its fields, the API's refusal above them, cancel and submit. */
export function FormModal({
  opened,
  onClose,
  title,
  onSubmit,
  pending,
  error,
  submitLabel,
  submitColor,
  submitDisabled,
  children,
  testId,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  onSubmit: () => void;
  pending: boolean;
  error: string | null;
  submitLabel?: string;
  submitColor?: string;
  submitDisabled?: boolean;
  children: ReactNode;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }} data-testid={testId}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        <Stack gap="sm">
          {error && (
            <Alert color="red" variant="light" icon={<IconAlertTriangle />} role="alert" data-testid="form-error">
              {error}
            </Alert>
          )}
          {children}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={pending} color={submitColor} disabled={submitDisabled}>
              {submitLabel ?? t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

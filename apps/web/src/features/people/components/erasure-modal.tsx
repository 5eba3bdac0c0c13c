import { List, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '@crm/api-client';
import { commandErrors, useDirectoryCommand } from '@/features/organisations/api/use-directory-command';
import { FormModal } from '@/features/organisations/components/form-modal';
import { api } from '@/lib/api';

type Person = components['schemas']['PersonResponse'];

/**
 * Erases a person's personal data (SPEC §6, crypto-shredding), for admins: names what becomes [erased] and what stays,
 * and asks for the name typed before it is done.
 */
export function ErasureModal({ person, onClose }: { person: Person | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  useEffect(() => setTyped(''), [person]);
  const command = useDirectoryCommand((_: void, headers) => api.POST('/api/people/{id}/erasure', { params: { path: { id: person!.personId }, header: headers }, body: {} }));
  const { general } = commandErrors(command.error);
  const close = () => {
    command.reset();
    onClose();
  };
  const name = person?.name ?? '';
  return (
    <FormModal
      opened={!!person}
      onClose={close}
      title={t('people.eraseTitle', { name })}
      onSubmit={() => command.mutate(undefined, { onSuccess: () => (notifications.show({ color: 'green', message: t('people.saved') }), close()) })}
      pending={command.isPending}
      error={general}
      submitLabel={t('people.eraseConfirm')}
      submitColor="red"
      submitDisabled={typed.trim() !== name.trim()}
      testId="erasure-form"
    >
      <List spacing="xs" size="sm">
        <List.Item>
          <Text size="sm">{t('people.eraseWhat')}</Text>
        </List.Item>
        <List.Item>
          <Text size="sm">{t('people.eraseStays')}</Text>
        </List.Item>
      </List>
      <TextInput label={t('people.eraseConfirmLabel', { name })} value={typed} onChange={(e) => setTyped(e.currentTarget.value)} autoComplete="off" data-testid="erase-confirm" />
    </FormModal>
  );
}

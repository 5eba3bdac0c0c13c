import { Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { api } from '@/lib/api';
import type { SidePerson } from '../../api/use-partnership-people';
import { usePartnershipCommand } from '../../api/use-command';
import { CommandModal, type CommandModalProps } from './command-modal';
import { ChoiceField, DayInput, PersonSelect, useSideOptions } from './fields';

interface Values {
  side: 'school' | 'partner';
  ownerId: string | null;
  description: string;
  dueAt: string | null;
}

export function MakeCommitmentForm({ partnershipId, people, ...modal }: CommandModalProps & { partnershipId: string; people: SidePerson[] }) {
  const { t } = useTranslation();
  const sides = useSideOptions();
  const form = useForm<Values>({
    initialValues: { side: 'school', ownerId: null, description: '', dueAt: null },
    validate: {
      description: (value) => (value.trim() ? null : t('common.required')),
      dueAt: (value) => (value ? null : t('common.required')),
    },
  });
  const command = usePartnershipCommand<Values>(partnershipId, (values, headers) =>
    api.POST('/api/partnerships/{id}/commitments', {
      params: { path: { id: partnershipId }, header: headers },
      body: { side: values.side, ownerId: values.ownerId ?? undefined, description: values.description.trim(), dueAt: values.dueAt! },
    }),
  );
  return (
    <CommandModal {...modal} title={t('forms.commitment.title')} form={form} command={command} testId="form-commitment">
      <ChoiceField label={t('forms.commitment.side')} options={sides} value={form.values.side} onChange={(side) => form.setValues({ side, ownerId: null })} />
      <Textarea label={t('forms.commitment.description')} required autosize minRows={2} {...form.getInputProps('description')} />
      <PersonSelect label={t('forms.commitment.owner')} people={people} side={form.values.side} clearable {...form.getInputProps('ownerId')} />
      <DayInput label={t('forms.commitment.dueAt')} required allowFuture {...form.getInputProps('dueAt')} />
    </CommandModal>
  );
}

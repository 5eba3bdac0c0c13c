import { Select, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { components } from '@crm/api-client';
import { INTERACTION_KINDS } from '@crm/domain/vocabulary';
import { api } from '@/lib/api';
import { today } from '@/lib/dates';
import type { SidePerson } from '../../api/use-partnership-people';
import { usePartnershipCommand } from '../../api/use-command';
import { CommandModal, type CommandModalProps } from './command-modal';
import { ChoiceField, dayOrNow, DayInput, optionalText, PeopleMultiSelect, useSideOptions } from './fields';

type Kind = components['schemas']['RecordInteractionDto']['kind'];

interface Values {
  kind: Kind;
  initiatedBy: 'school' | 'partner';
  occurredAt: string | null;
  participantIds: string[];
  summary: string;
}

/** Record a contact: what kind, who took the initiative, when (today by default), who took part, and a note. */
export function RecordContactForm({ partnershipId, people, ...modal }: CommandModalProps & { partnershipId: string; people: SidePerson[] }) {
  const { t } = useTranslation();
  const sides = useSideOptions();
  const form = useForm<Values>({
    initialValues: { kind: 'call', initiatedBy: 'school', occurredAt: today(), participantIds: [], summary: '' },
    validate: { occurredAt: (value) => (value ? null : t('common.required')) },
  });
  const command = usePartnershipCommand<Values>(partnershipId, (values, headers) =>
    api.POST('/api/partnerships/{id}/interactions', {
      params: { path: { id: partnershipId }, header: headers },
      body: {
        kind: values.kind,
        initiatedBy: values.initiatedBy,
        occurredAt: dayOrNow(values.occurredAt),
        participantIds: values.participantIds,
        summary: optionalText(values.summary),
      },
    }),
  );
  return (
    <CommandModal {...modal} title={t('forms.contact.title')} form={form} command={command} testId="form-contact">
      <Select label={t('forms.contact.kind')} data={INTERACTION_KINDS.map((kind) => ({ value: kind, label: t(`vocab.interaction.${kind}`) }))} allowDeselect={false} {...form.getInputProps('kind')} />
      <ChoiceField label={t('forms.contact.initiatedBy')} options={sides} value={form.values.initiatedBy} onChange={(value) => form.setFieldValue('initiatedBy', value)} />
      <DayInput label={t('forms.contact.occurredAt')} required {...form.getInputProps('occurredAt')} />
      <PeopleMultiSelect label={t('forms.participants')} people={people} {...form.getInputProps('participantIds')} data-testid="participants" />
      <Textarea label={t('forms.contact.summary')} autosize minRows={2} maxRows={6} {...form.getInputProps('summary')} />
    </CommandModal>
  );
}

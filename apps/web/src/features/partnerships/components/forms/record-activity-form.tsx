import { NumberInput, Select } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { components } from '@crm/api-client';
import { ACTIVITY_KINDS } from '@crm/domain/vocabulary';
import { api } from '@/lib/api';
import { today } from '@/lib/dates';
import type { SidePerson } from '../../api/use-partnership-people';
import { usePartnershipCommand } from '../../api/use-command';
import { CommandModal, type CommandModalProps } from './command-modal';
import { dayOrNow, DayInput, PeopleMultiSelect } from './fields';

type Kind = components['schemas']['RecordActivityDto']['kind'];

interface Values {
  kind: Kind;
  startsAt: string | null;
  endsAt: string | null;
  studentCount: number | string;
  participantIds: string[];
}

export function RecordActivityForm({ partnershipId, people, ...modal }: CommandModalProps & { partnershipId: string; people: SidePerson[] }) {
  const { t } = useTranslation();
  const form = useForm<Values>({
    initialValues: { kind: 'guest_lecture', startsAt: today(), endsAt: null, studentCount: '', participantIds: [] },
    validate: { startsAt: (value) => (value ? null : t('common.required')) },
  });
  const command = usePartnershipCommand<Values>(partnershipId, (values, headers) =>
    api.POST('/api/partnerships/{id}/activities', {
      params: { path: { id: partnershipId }, header: headers },
      body: {
        kind: values.kind,
        startsAt: dayOrNow(values.startsAt),
        endsAt: values.endsAt ?? undefined,
        studentCount: values.studentCount === '' ? undefined : Number(values.studentCount),
        participantIds: values.participantIds,
      },
    }),
  );
  return (
    <CommandModal {...modal} title={t('forms.activity.title')} form={form} command={command} testId="form-activity">
      <Select label={t('forms.activity.kind')} searchable data={ACTIVITY_KINDS.map((kind) => ({ value: kind, label: t(`vocab.activity.${kind}`) }))} allowDeselect={false} {...form.getInputProps('kind')} />
      <DayInput label={t('forms.activity.startsAt')} required {...form.getInputProps('startsAt')} />
      <DayInput label={t('forms.activity.endsAt')} clearable allowFuture {...form.getInputProps('endsAt')} />
      <NumberInput label={t('forms.activity.studentCount')} min={0} allowDecimal={false} {...form.getInputProps('studentCount')} />
      <PeopleMultiSelect label={t('forms.participants')} people={people} {...form.getInputProps('participantIds')} />
    </CommandModal>
  );
}

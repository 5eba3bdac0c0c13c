import { Group, NumberInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { api } from '@/lib/api';
import { today } from '@/lib/dates';
import type { SidePerson } from '../../api/use-partnership-people';
import { usePartnershipCommand } from '../../api/use-command';
import { CommandModal, type CommandModalProps } from './command-modal';
import { dayOrNow, DayInput, optionalText, PeopleMultiSelect } from './fields';

interface Values {
  heldAt: string | null;
  participantIds: string[];
  schoolSatisfaction: number | string;
  partnerSatisfaction: number | string;
  notes: string;
  nextEvaluationDue: string | null;
}

export function HoldEvaluationForm({ partnershipId, people, ...modal }: CommandModalProps & { partnershipId: string; people: SidePerson[] }) {
  const { t } = useTranslation();
  const form = useForm<Values>({
    initialValues: { heldAt: today(), participantIds: [], schoolSatisfaction: '', partnerSatisfaction: '', notes: '', nextEvaluationDue: null },
    validate: {
      heldAt: (value) => (value ? null : t('common.required')),
      schoolSatisfaction: (value) => (value === '' ? t('common.required') : null),
      partnerSatisfaction: (value) => (value === '' ? t('common.required') : null),
    },
  });
  const command = usePartnershipCommand<Values>(partnershipId, (values, headers) =>
    api.POST('/api/partnerships/{id}/evaluations', {
      params: { path: { id: partnershipId }, header: headers },
      body: {
        heldAt: dayOrNow(values.heldAt),
        participantIds: values.participantIds,
        schoolSatisfaction: Number(values.schoolSatisfaction),
        partnerSatisfaction: Number(values.partnerSatisfaction),
        notes: optionalText(values.notes),
        nextEvaluationDue: values.nextEvaluationDue ?? undefined,
      },
    }),
  );
  return (
    <CommandModal {...modal} title={t('forms.evaluation.title')} form={form} command={command} testId="form-evaluation">
      <DayInput label={t('forms.evaluation.heldAt')} required {...form.getInputProps('heldAt')} />
      <Group grow>
        <NumberInput label={t('forms.evaluation.schoolSatisfaction')} description={t('forms.evaluation.scale')} min={1} max={10} allowDecimal={false} required {...form.getInputProps('schoolSatisfaction')} />
        <NumberInput label={t('forms.evaluation.partnerSatisfaction')} description={t('forms.evaluation.scale')} min={1} max={10} allowDecimal={false} required {...form.getInputProps('partnerSatisfaction')} />
      </Group>
      <PeopleMultiSelect label={t('forms.participants')} people={people} {...form.getInputProps('participantIds')} />
      <Textarea label={t('forms.evaluation.notes')} autosize minRows={2} maxRows={6} {...form.getInputProps('notes')} />
      <DayInput label={t('forms.evaluation.nextEvaluationDue')} clearable allowFuture {...form.getInputProps('nextEvaluationDue')} />
    </CommandModal>
  );
}

import { Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { api } from '@/lib/api';
import { today } from '@/lib/dates';
import { usePartnershipCommand } from '../../api/use-command';
import { CommandModal, type CommandModalProps } from './command-modal';
import { ChoiceField, dayOrNow, DayInput, optionalText } from './fields';

type Outcome = 'fulfilment' | 'breach' | 'cancellation';

interface Values {
  outcome: Outcome;
  at: string | null;
  reason: string;
}

/** What became of a commitment: kept, broken or cancelled (each once; the API refuses a second outcome). */
export function CommitmentOutcomeForm({
  partnershipId,
  commitment,
  ...modal
}: CommandModalProps & { partnershipId: string; commitment: { id: string; description: string } | null }) {
  const { t } = useTranslation();
  const form = useForm<Values>({ initialValues: { outcome: 'fulfilment', at: today(), reason: '' } });
  const command = usePartnershipCommand<Values>(partnershipId, (values, headers) => {
    const params = { path: { id: partnershipId, cid: commitment!.id }, header: headers };
    const at = dayOrNow(values.at);
    if (values.outcome === 'fulfilment') return api.POST('/api/partnerships/{id}/commitments/{cid}/fulfilment', { params, body: { at } });
    const body = { at, reason: optionalText(values.reason) };
    return values.outcome === 'breach'
      ? api.POST('/api/partnerships/{id}/commitments/{cid}/breach', { params, body })
      : api.POST('/api/partnerships/{id}/commitments/{cid}/cancellation', { params, body });
  });
  return (
    <CommandModal {...modal} title={t('forms.outcome.title')} form={form} command={command} testId="form-outcome">
      <Text size="sm" fs="italic">
        {commitment?.description}
      </Text>
      <ChoiceField label={t('forms.outcome.outcome')} options={[
          { value: 'fulfilment', label: t('forms.outcome.fulfilment') },
          { value: 'breach', label: t('forms.outcome.breach') },
          { value: 'cancellation', label: t('forms.outcome.cancellation') },
        ]} value={form.values.outcome} onChange={(value) => form.setFieldValue('outcome', value)} />
      <DayInput label={t('forms.outcome.at')} {...form.getInputProps('at')} />
      {form.values.outcome !== 'fulfilment' && <Textarea label={t('forms.reason')} autosize minRows={2} {...form.getInputProps('reason')} />}
    </CommandModal>
  );
}

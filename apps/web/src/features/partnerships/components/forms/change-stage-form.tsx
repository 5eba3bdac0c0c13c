import { Select, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { components } from '@crm/api-client';
import { STAGE_TRANSITIONS } from '@crm/domain/vocabulary';
import { api } from '@/lib/api';
import { today } from '@/lib/dates';
import type { Stage } from '@/lib/views';
import { usePartnershipCommand } from '../../api/use-command';
import { CommandModal, type CommandModalProps } from './command-modal';
import { dayOrNow, DayInput, optionalText } from './fields';

type Target = components['schemas']['ChangeStageDto']['to'];

interface Values {
  to: Target | null;
  at: string | null;
  reason: string;
}

/**
 * Move the partnership to another stage: only the moves the domain allows from the current stage are offered (SPEC §1;
 * ending has its own command, with a reason).
 */
export function ChangeStageForm({ partnershipId, stage, ...modal }: CommandModalProps & { partnershipId: string; stage: Stage }) {
  const { t } = useTranslation();
  const form = useForm<Values>({
    initialValues: { to: null, at: today(), reason: '' },
    validate: { to: (value) => (value ? null : t('common.required')) },
  });
  const command = usePartnershipCommand<Values>(partnershipId, (values, headers) =>
    api.POST('/api/partnerships/{id}/stage', {
      params: { path: { id: partnershipId }, header: headers },
      body: { to: values.to!, at: dayOrNow(values.at), reason: optionalText(values.reason) },
    }),
  );
  return (
    <CommandModal {...modal} title={t('forms.stage.title', { stage: t(`vocab.stage.${stage}`) })} form={form} command={command} testId="form-stage">
      <Select
        label={t('forms.stage.to')}
        required
        data={STAGE_TRANSITIONS[stage].filter((target): target is Target => target !== 'ended').map((target) => ({ value: target, label: t(`vocab.stage.${target}`) }))}
        {...form.getInputProps('to')}
      />
      <DayInput label={t('forms.stage.at')} {...form.getInputProps('at')} />
      <Textarea label={t('forms.reason')} autosize minRows={2} {...form.getInputProps('reason')} />
    </CommandModal>
  );
}

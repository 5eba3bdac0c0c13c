import { Select } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { components } from '@crm/api-client';
import { AGREEMENT_KINDS } from '@crm/domain/vocabulary';
import { api } from '@/lib/api';
import { today } from '@/lib/dates';
import type { SidePerson } from '../../api/use-partnership-people';
import { usePartnershipCommand } from '../../api/use-command';
import { CommandModal, type CommandModalProps } from './command-modal';
import { dayOrNow, DayInput, PeopleMultiSelect } from './fields';

type Kind = components['schemas']['SignAgreementDto']['kind'];

interface Values {
  kind: Kind;
  signedAt: string | null;
  validUntil: string | null;
  signatoryIds: string[];
}

export function SignAgreementForm({ partnershipId, people, ...modal }: CommandModalProps & { partnershipId: string; people: SidePerson[] }) {
  const { t } = useTranslation();
  const form = useForm<Values>({
    initialValues: { kind: 'cooperation_agreement', signedAt: today(), validUntil: null, signatoryIds: [] },
    validate: { signedAt: (value) => (value ? null : t('common.required')) },
  });
  const command = usePartnershipCommand<Values>(partnershipId, (values, headers) =>
    api.POST('/api/partnerships/{id}/agreements', {
      params: { path: { id: partnershipId }, header: headers },
      body: { kind: values.kind, signedAt: dayOrNow(values.signedAt), validUntil: values.validUntil ?? undefined, signatoryIds: values.signatoryIds },
    }),
  );
  return (
    <CommandModal {...modal} title={t('forms.agreement.title')} form={form} command={command} testId="form-agreement">
      <Select label={t('forms.agreement.kind')} data={AGREEMENT_KINDS.map((kind) => ({ value: kind, label: t(`vocab.agreement.${kind}`) }))} allowDeselect={false} {...form.getInputProps('kind')} />
      <DayInput label={t('forms.agreement.signedAt')} required {...form.getInputProps('signedAt')} />
      <DayInput label={t('forms.agreement.validUntil')} clearable allowFuture {...form.getInputProps('validUntil')} />
      <PeopleMultiSelect label={t('forms.agreement.signatories')} people={people} {...form.getInputProps('signatoryIds')} />
    </CommandModal>
  );
}

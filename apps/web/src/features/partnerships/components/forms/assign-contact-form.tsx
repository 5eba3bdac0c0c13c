import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { api } from '@/lib/api';
import { today } from '@/lib/dates';
import type { SidePerson } from '../../api/use-partnership-people';
import { usePartnershipCommand } from '../../api/use-command';
import { CommandModal, type CommandModalProps } from './command-modal';
import { ChoiceField, dayOrNow, DayInput, PersonSelect, useSideOptions } from './fields';

interface Values {
  side: 'school' | 'partner';
  role: 'primary' | 'backup';
  personId: string | null;
  at: string | null;
}

/** Make someone the primary contact or a backup on one side. */
export function AssignContactForm({ partnershipId, people, ...modal }: CommandModalProps & { partnershipId: string; people: SidePerson[] }) {
  const { t } = useTranslation();
  const sides = useSideOptions();
  const form = useForm<Values>({
    initialValues: { side: 'school', role: 'primary', personId: null, at: today() },
    validate: { personId: (value) => (value ? null : t('common.required')) },
  });
  const command = usePartnershipCommand<Values>(partnershipId, (values, headers) =>
    api.POST('/api/partnerships/{id}/contacts', {
      params: { path: { id: partnershipId }, header: headers },
      body: { side: values.side, role: values.role, personId: values.personId!, at: dayOrNow(values.at) },
    }),
  );
  return (
    <CommandModal {...modal} title={t('forms.assign.title')} form={form} command={command} testId="form-assign">
      <ChoiceField label={t('forms.assign.side')} options={sides} value={form.values.side} onChange={(side) => form.setValues({ side, personId: null })} />
      <ChoiceField label={t('forms.assign.role')} options={[
          { value: 'primary', label: t('vocab.contactRole.primary') },
          { value: 'backup', label: t('vocab.contactRole.backup') },
        ]} value={form.values.role} onChange={(value) => form.setFieldValue('role', value)} />
      <PersonSelect label={t('forms.assign.person')} required people={people} side={form.values.side} {...form.getInputProps('personId')} />
      <DayInput label={t('forms.assign.at')} {...form.getInputProps('at')} />
    </CommandModal>
  );
}

import { Select, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '@crm/api-client';
import { commandErrors, useDirectoryCommand } from '@/features/organisations/api/use-directory-command';
import { FormModal } from '@/features/organisations/components/form-modal';
import { OrganisationSearchSelect } from '@/features/organisations/components/organisation-search-select';
import { api } from '@/lib/api';

type Person = components['schemas']['PersonResponse'];
type RegisterValues = components['schemas']['RegisterPersonDto'];
const TIERS = ['strategic', 'tactical', 'operational'] as const;

function TierSelect({ value, onChange, error }: { value: RegisterValues['tier']; onChange: (tier: RegisterValues['tier']) => void; error?: string }) {
  const { t } = useTranslation();
  return (
    <Select label={t('people.tier')} required allowDeselect={false} data={TIERS.map((tier) => ({ value: tier, label: t(`vocab.tier.${tier}`) }))} value={value} onChange={(tier) => onChange(tier as RegisterValues['tier'])} error={error} />
  );
}

const blank = (): RegisterValues => ({ organisationId: '', name: '', role: '', tier: 'operational', email: '', phone: '' });

/** Registers a person at an organisation (connector and admin). */
export function RegisterPersonModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<RegisterValues>(blank);
  useEffect(() => {
    if (opened) setValues(blank());
  }, [opened]);
  const command = useDirectoryCommand((body: RegisterValues, headers) => api.POST('/api/people', { params: { header: headers }, body }));
  const { fields, general } = commandErrors(command.error);
  const set = (patch: Partial<RegisterValues>) => setValues((previous) => ({ ...previous, ...patch }));
  const close = () => {
    command.reset();
    onClose();
  };
  const submit = () =>
    command.mutate(
      { ...values, name: values.name.trim(), role: values.role.trim(), email: values.email?.trim() || undefined, phone: values.phone?.trim() || undefined },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('people.saved') });
          close();
        },
      },
    );
  return (
    <FormModal opened={opened} onClose={close} title={t('people.registerTitle')} onSubmit={submit} pending={command.isPending} error={general} testId="person-form">
      <OrganisationSearchSelect label={t('people.organisation')} value={values.organisationId || null} onChange={(id) => set({ organisationId: id ?? '' })} />
      <TextInput label={t('organisations.name')} required value={values.name} onChange={(e) => set({ name: e.currentTarget.value })} error={fields.name} maxLength={200} />
      <TextInput label={t('people.role')} required value={values.role} onChange={(e) => set({ role: e.currentTarget.value })} error={fields.role} maxLength={200} />
      <TierSelect value={values.tier} onChange={(tier) => set({ tier })} error={fields.tier} />
      <TextInput label={t('people.email')} type="email" value={values.email ?? ''} onChange={(e) => set({ email: e.currentTarget.value })} error={fields.email} maxLength={254} />
      <TextInput label={t('people.phone')} type="tel" value={values.phone ?? ''} onChange={(e) => set({ phone: e.currentTarget.value })} error={fields.phone} maxLength={40} />
    </FormModal>
  );
}

/** Changes a person's role and tier from today. */
export function ChangeRoleModal({ person, onClose }: { person: Person | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [role, setRole] = useState('');
  const [tier, setTier] = useState<RegisterValues['tier']>('operational');
  useEffect(() => {
    if (person) {
      setRole(person.role);
      setTier(person.tier);
    }
  }, [person]);
  const command = useDirectoryCommand((body: components['schemas']['ChangePersonRoleDto'], headers) =>
    api.PATCH('/api/people/{id}', { params: { path: { id: person!.personId }, header: { ...headers, 'If-Match': String(person!.revision) } }, body }),
  );
  const { fields, general } = commandErrors(command.error);
  const close = () => {
    command.reset();
    onClose();
  };
  return (
    <FormModal
      opened={!!person}
      onClose={close}
      title={t('people.changeRoleTitle', { name: person?.name ?? '' })}
      onSubmit={() => command.mutate({ role: role.trim(), tier }, { onSuccess: () => (notifications.show({ color: 'green', message: t('people.saved') }), close()) })}
      pending={command.isPending}
      error={general}
      testId="role-form"
    >
      <TextInput label={t('people.role')} required value={role} onChange={(e) => setRole(e.currentTarget.value)} error={fields.role} maxLength={200} />
      <TierSelect value={tier} onChange={setTier} error={fields.tier} />
    </FormModal>
  );
}

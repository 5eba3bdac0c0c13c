import { MultiSelect, Select, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '@crm/api-client';
import { LEVELS } from '@/features/partnerships/list-search';
import { api } from '@/lib/api';
import { commandErrors, useDirectoryCommand } from '../api/use-directory-command';
import { FormModal } from './form-modal';

type Organisation = components['schemas']['OrganisationResponse'];
type Values = components['schemas']['RegisterOrganisationDto'];

const KINDS = ['school', 'company', 'government', 'network', 'other'] as const;
const SIZES = ['micro', 'small', 'medium', 'large'] as const;

const blank = (): Values => ({ name: '', kind: 'company', levels: [], sector: '', region: '' });
const valuesOf = (organisation: Organisation): Values => ({
  name: organisation.name,
  kind: organisation.kind,
  levels: organisation.levels as Values['levels'],
  sector: organisation.sector,
  region: organisation.region,
  size: organisation.size,
});

/** Registers an organisation, or changes one (`organisation` given). Only the admin is offered it (SPEC §6). */
export function OrganisationFormModal({ opened, onClose, organisation }: { opened: boolean; onClose: () => void; organisation?: Organisation }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Values>(blank);
  useEffect(() => {
    if (opened) setValues(organisation ? valuesOf(organisation) : blank());
  }, [opened, organisation]);
  const command = useDirectoryCommand((body: Values, headers) =>
    organisation
      ? api.PATCH('/api/organisations/{id}', { params: { path: { id: organisation.organisationId }, header: { ...headers, 'If-Match': String(organisation.revision) } }, body })
      : api.POST('/api/organisations', { params: { header: headers }, body }),
  );
  const { fields, general } = commandErrors(command.error);
  const set = (patch: Partial<Values>) => setValues((previous) => ({ ...previous, ...patch }));
  const close = () => {
    command.reset();
    onClose();
  };
  const submit = () => {
    const body: Values = { ...values, name: values.name.trim(), sector: values.sector?.trim() || undefined, region: values.region?.trim() || undefined };
    command.mutate(body, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('organisations.saved') });
        close();
      },
    });
  };
  return (
    <FormModal
      opened={opened}
      onClose={close}
      title={organisation ? t('organisations.changeTitle') : t('organisations.registerTitle')}
      onSubmit={submit}
      pending={command.isPending}
      error={general}
      testId="organisation-form"
    >
      <TextInput label={t('organisations.name')} required value={values.name} onChange={(e) => set({ name: e.currentTarget.value })} error={fields.name} maxLength={200} data-autofocus />
      <Select
        label={t('organisations.kind')}
        required
        allowDeselect={false}
        data={KINDS.map((kind) => ({ value: kind, label: t(`vocab.orgKind.${kind}`) }))}
        value={values.kind}
        onChange={(kind) => set({ kind: kind as Values['kind'] })}
        error={fields.kind}
      />
      {values.kind === 'school' && (
        <MultiSelect
          label={t('organisations.levels')}
          data={LEVELS.map((level) => ({ value: level, label: t(`vocab.level.${level}`) }))}
          value={values.levels ?? []}
          onChange={(levels) => set({ levels: levels as Values['levels'] })}
          error={fields.levels}
        />
      )}
      <TextInput label={t('organisations.sector')} value={values.sector ?? ''} onChange={(e) => set({ sector: e.currentTarget.value })} error={fields.sector} maxLength={200} />
      <TextInput label={t('organisations.region')} value={values.region ?? ''} onChange={(e) => set({ region: e.currentTarget.value })} error={fields.region} maxLength={200} />
      <Select
        label={t('organisations.size')}
        clearable
        data={SIZES.map((size) => ({ value: size, label: t(`organisations.sizes.${size}`) }))}
        value={values.size ?? null}
        onChange={(size) => set({ size: (size ?? undefined) as Values['size'] })}
        error={fields.size}
      />
    </FormModal>
  );
}

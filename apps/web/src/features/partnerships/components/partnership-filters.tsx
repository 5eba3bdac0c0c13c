import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrganisationSearchSelect } from '@/features/organisations/components/organisation-search-select';
import { INTENSITIES, LEVELS, RISKS, SORTS, STAGES, STATUSES, type PartnershipFilters } from '../list-search';

/** The list's filters, search and sort; every change goes to the URL through `onChange`. */
export function PartnershipFiltersBar({ filters, onChange }: { filters: PartnershipFilters; onChange: (next: PartnershipFilters) => void }) {
  const { t } = useTranslation();
  const set = (patch: Partial<PartnershipFilters>) => onChange({ ...filters, ...patch });
  const [text, setText] = useState(filters.text ?? '');
  const [region, setRegion] = useState(filters.region ?? '');
  useEffect(() => setText(filters.text ?? ''), [filters.text]);
  useEffect(() => setRegion(filters.region ?? ''), [filters.region]);
  const setTextLater = useDebouncedCallback((value: string) => set({ text: value.trim() || undefined }), 300);
  const setRegionLater = useDebouncedCallback((value: string) => set({ region: value.trim() || undefined }), 300);
  const any = t('list.any');
  const options = <T extends string>(values: readonly T[], label: (value: T) => string) => values.map((value) => ({ value, label: label(value) }));
  // The browser's own select for a short closed list: one keystroke picks an option, and it draws in a fraction of
  // the time of a combobox (the list's first drawing on the bench machine spent ~200 ms of script on six of them).
  const choice = (field: 'level' | 'stage' | 'status' | 'intensity' | 'risk', choices: { value: string; label: string }[], width: number) => (
    <NativeSelect
      label={t(`list.${field}`)}
      data={[{ value: '', label: any }, ...choices]}
      value={filters[field] ?? ''}
      onChange={(event) => set({ [field]: event.currentTarget.value || undefined })}
      w={width}
      data-testid={`filter-${field}`}
    />
  );

  return (
    <Group gap="sm" align="flex-end" role="search" aria-label={t('list.filters')} data-testid="filters">
      <TextInput
        label={t('common.search')}
        placeholder={t('list.search')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
          setTextLater(event.currentTarget.value);
        }}
        w={260}
        data-testid="filter-text"
      />
      {choice('level', options(LEVELS, (v) => t(`vocab.level.${v}`)), 110)}
      {choice('stage', options(STAGES, (v) => t(`vocab.stage.${v}`)), 150)}
      {choice('status', options(STATUSES, (v) => t(`vocab.status.${v}`)), 190)}
      {choice('intensity', options(INTENSITIES, (v) => t(`vocab.intensity.${v}`)), 200)}
      {choice('risk', options(RISKS, (v) => t(`vocab.risk.${v}`)), 170)}
      <TextInput
        label={t('list.region')}
        placeholder={any}
        value={region}
        onChange={(event) => {
          setRegion(event.currentTarget.value);
          setRegionLater(event.currentTarget.value);
        }}
        w={150}
        data-testid="filter-region"
      />
      <OrganisationSearchSelect label={t('list.school')} placeholder={any} kind="school" value={filters.school ?? null} onChange={(v) => set({ school: v ?? undefined })} w={200} testId="filter-school" />
      <OrganisationSearchSelect label={t('list.partner')} placeholder={any} value={filters.partner ?? null} onChange={(v) => set({ partner: v ?? undefined })} w={200} testId="filter-partner" />
      <NativeSelect
        label={t('list.sort')}
        data={SORTS.map((sort) => ({ value: sort, label: t(`list.sortBy.${sort}`) }))}
        value={filters.sort ?? 'healthScore'}
        onChange={(event) => set({ sort: event.currentTarget.value !== 'healthScore' ? (event.currentTarget.value as PartnershipFilters['sort']) : undefined })}
        w={230}
        data-testid="filter-sort"
      />
      {Object.keys(filters).length > 0 && (
        <Button variant="subtle" leftSection={<IconFilterOff size={16} />} onClick={() => onChange({})}>
          {t('list.clear')}
        </Button>
      )}
    </Group>
  );
}

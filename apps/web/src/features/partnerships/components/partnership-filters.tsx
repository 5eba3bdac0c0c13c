import { Button, Group, Select, TextInput } from '@mantine/core';
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
      <Select label={t('list.level')} placeholder={any} clearable data={options(LEVELS, (v) => t(`vocab.level.${v}`))} value={filters.level ?? null} onChange={(v) => set({ level: (v ?? undefined) as PartnershipFilters['level'] })} w={110} data-testid="filter-level" />
      <Select label={t('list.stage')} placeholder={any} clearable data={options(STAGES, (v) => t(`vocab.stage.${v}`))} value={filters.stage ?? null} onChange={(v) => set({ stage: (v ?? undefined) as PartnershipFilters['stage'] })} w={150} data-testid="filter-stage" />
      <Select label={t('list.status')} placeholder={any} clearable data={options(STATUSES, (v) => t(`vocab.status.${v}`))} value={filters.status ?? null} onChange={(v) => set({ status: (v ?? undefined) as PartnershipFilters['status'] })} w={190} data-testid="filter-status" />
      <Select label={t('list.intensity')} placeholder={any} clearable data={options(INTENSITIES, (v) => t(`vocab.intensity.${v}`))} value={filters.intensity ?? null} onChange={(v) => set({ intensity: (v ?? undefined) as PartnershipFilters['intensity'] })} w={200} data-testid="filter-intensity" />
      <Select label={t('list.risk')} placeholder={any} clearable data={options(RISKS, (v) => t(`vocab.risk.${v}`))} value={filters.risk ?? null} onChange={(v) => set({ risk: (v ?? undefined) as PartnershipFilters['risk'] })} w={170} data-testid="filter-risk" />
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
      <Select
        label={t('list.sort')}
        data={SORTS.map((sort) => ({ value: sort, label: t(`list.sortBy.${sort}`) }))}
        value={filters.sort ?? 'healthScore'}
        onChange={(v) => set({ sort: v && v !== 'healthScore' ? (v as PartnershipFilters['sort']) : undefined })}
        allowDeselect={false}
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

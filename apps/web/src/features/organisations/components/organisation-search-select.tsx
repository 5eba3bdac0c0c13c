import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { ServerSearchSelect } from '@/components/server-search-select';
import { useOrganisation, useOrganisations, type OrganisationQuery } from '../api/use-organisations';

/**
 * Pick one organisation by typing part of its name; the API searches. The options are asked for once the list is
 * opened or something is typed: a screen with two of these (the partnerships list's filters) does not ask the API for
 * 400 organisations before its own rows.
 */
export function OrganisationSearchSelect({
  label,
  value,
  onChange,
  kind,
  placeholder,
  testId,
  w,
}: {
  label: string;
  value: string | null;
  onChange: (organisationId: string | null) => void;
  kind?: OrganisationQuery['kind'];
  placeholder?: string;
  testId?: string;
  w?: number;
}) {
  const [search, setSearch] = useState('');
  const [opened, setOpened] = useState(false);
  const [debounced] = useDebouncedValue(search, 250);
  const organisations = useOrganisations({ text: debounced, kind }, undefined, opened || search !== '');
  const chosen = useOrganisation(value ?? undefined);
  const data = (organisations.data?.items ?? []).map((organisation) => ({ value: organisation.organisationId, label: organisation.name }));
  if (value && chosen.data && !data.some((option) => option.value === value)) data.unshift({ value, label: chosen.data.name });
  return (
    <ServerSearchSelect
      fetching={organisations.isFetching}
      label={label}
      placeholder={placeholder}
      data={data}
      value={value}
      onChange={onChange}
      searchValue={search}
      onSearchChange={setSearch}
      onDropdownOpen={() => setOpened(true)}
      w={w}
      data-testid={testId}
    />
  );
}

import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { ServerSearchSelect } from '@/components/server-search-select';
import { usePeopleSearch } from '../api/use-people';

/** Pick one person by typing part of their name; the API searches (accent- and case-insensitive). */
export function PersonSearchSelect({
  label,
  value,
  onChange,
  description,
  placeholder,
  testId,
}: {
  label: string;
  value: string | null;
  onChange: (personId: string | null) => void;
  description?: string;
  placeholder?: string;
  testId?: string;
}) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const people = usePeopleSearch(debounced);
  const data = (people.data?.items ?? []).map((person) => ({
    value: person.personId,
    label: person.organisationName ? `${person.name} — ${person.organisationName}` : person.name,
  }));
  return (
    <ServerSearchSelect
      fetching={people.isFetching}
      label={label}
      description={description}
      placeholder={placeholder}
      data={data}
      value={value}
      onChange={onChange}
      searchValue={search}
      onSearchChange={setSearch}
      maw={480}
      data-testid={testId}
    />
  );
}

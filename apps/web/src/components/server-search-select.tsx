import { Loader, Select, type SelectProps } from '@mantine/core';

type ServerSearchSelectProps = Omit<SelectProps, 'searchable' | 'clearable' | 'filter' | 'rightSection' | 'nothingFoundMessage'> & {
  /** The API is looking up the options for what was typed. */
  fetching: boolean;
  'data-testid'?: string;
};

/** A select whose options the API finds as the user types: the app shows them as they come, filtering nothing itself. */
export function ServerSearchSelect({ fetching, ...props }: ServerSearchSelectProps) {
  return (
    <Select
      searchable
      clearable
      filter={({ options }) => options}
      rightSection={fetching ? <Loader size={14} /> : undefined}
      nothingFoundMessage={fetching ? '…' : '—'}
      {...props}
    />
  );
}

import { MultiSelect, SegmentedControl, Select, Stack, Text, type MultiSelectProps, type SelectProps } from '@mantine/core';
import { useId } from 'react';
import { IconCalendar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DatePickerInput, type DatePickerInputProps } from '@/components/date-picker-input';
import { today, type Day } from '@/lib/dates';
import type { Side } from '@/lib/views';
import type { SidePerson } from '../../api/use-partnership-people';

/** A day in TIME_ZONE, `YYYY-MM-DD`; by default no later than today. */
export function DayInput(props: Omit<DatePickerInputProps<'default'>, 'type'> & { allowFuture?: boolean }) {
  const { allowFuture, ...rest } = props;
  return (
    <DatePickerInput
      valueFormat="D MMMM YYYY"
      leftSection={<IconCalendar size={16} aria-hidden />}
      maxDate={allowFuture ? undefined : today()}
      popoverProps={{ withinPortal: true }}
      {...rest}
    />
  );
}

/** People by name, grouped per side; only those still in their organisation. */
export function PeopleMultiSelect({ people, sides = ['school', 'partner'], ...props }: MultiSelectProps & { people: SidePerson[]; sides?: Side[] }) {
  const { t } = useTranslation();
  const data = sides.map((side) => ({
    group: t(`vocab.side.${side}`),
    items: people.filter((person) => person.side === side).map((person) => ({ value: person.personId, label: `${person.name} (${person.role})` })),
  }));
  return <MultiSelect searchable clearable hidePickedOptions data={data} placeholder={t('forms.pickByName')} nothingFoundMessage={t('forms.nobodyFound')} {...props} />;
}

export function PersonSelect({ people, side, ...props }: SelectProps & { people: SidePerson[]; side: Side }) {
  const { t } = useTranslation();
  const data = people.filter((person) => person.side === side).map((person) => ({ value: person.personId, label: `${person.name} (${person.role})` }));
  return <Select searchable data={data} placeholder={t('forms.pickByName')} nothingFoundMessage={t('forms.nobodyFound')} {...props} />;
}

/** A day for a command: left out when it is today, so the API records the moment itself ("defaults to now"). */
export const dayOrNow = (day: Day | null | undefined): string | undefined => (!day || day === today() ? undefined : day);
export const optionalText = (text: string): string | undefined => (text.trim() ? text.trim() : undefined);

/** A choice among a few options as a segmented control, labelled for screen readers like any other field. */
export function ChoiceField<T extends string>({
  label,
  options,
  value,
  onChange,
}: {
  label: string;
  options: Array<{ value: T; label: string }>;
  value: T;
  onChange: (value: T) => void;
}) {
  const id = useId();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id={id}>
        {label}
      </Text>
      <SegmentedControl aria-labelledby={id} data={options} value={value} onChange={(next) => onChange(next as T)} />
    </Stack>
  );
}

/** The two sides as choices. */
export function useSideOptions(): Array<{ value: Side; label: string }> {
  const { t } = useTranslation();
  return [
    { value: 'school', label: t('vocab.side.school') },
    { value: 'partner', label: t('vocab.side.partner') },
  ];
}

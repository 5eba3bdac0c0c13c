import { Badge, Group, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { components } from '@crm/api-client';

type Row = components['schemas']['KeyPersonRiskRowResponse'];

interface Carrier {
  personId: string;
  name: string;
  partnerships: string[];
}

/**
 * The people whose departure would hurt most: each person the API named as the one a high-risk partnership hangs on,
 * with those partnerships, most first. (Grouping the API's rows by that person; no figure is computed here.)
 */
export function carriersOf(rows: Row[]): Carrier[] {
  const byPerson = new Map<string, Carrier>();
  for (const row of rows) {
    const person = row.school.topPerson;
    if (!person) continue;
    const carrier = byPerson.get(person.personId) ?? { personId: person.personId, name: person.name, partnerships: [] };
    carrier.partnerships.push(row.partnerName ?? '?');
    byPerson.set(person.personId, carrier);
  }
  return [...byPerson.values()].sort((a, b) => b.partnerships.length - a.partnerships.length || a.name.localeCompare(b.name));
}

export function ExposureList({ rows, limit = 10 }: { rows: Row[]; limit?: number }) {
  const { t } = useTranslation();
  const carriers = carriersOf(rows).slice(0, limit);
  return (
    <List spacing="xs" listStyleType="none" data-testid="exposure">
      {carriers.map((carrier) => (
        <List.Item key={carrier.personId}>
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <Badge color="red" variant="light" styles={{ label: { textTransform: 'none' } }} miw={120}>
              {t('management.carries', { count: carrier.partnerships.length })}
            </Badge>
            <div>
              <Text size="sm" fw={600}>
                {carrier.name}
              </Text>
              <Text size="xs" c="dimmed">
                {carrier.partnerships.join(', ')}
              </Text>
            </div>
          </Group>
        </List.Item>
      ))}
    </List>
  );
}

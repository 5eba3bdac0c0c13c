import { Badge, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { problemText } from '@/lib/api-errors';
import type { ImportRowReport } from '../api/use-import';

const OUTCOME_COLOR = { created: 'green', matched: 'blue', refused: 'red', updated: 'cyan' } as const;

/** The dry run's verdict per row: created, matched or refused, and for a refusal its column, code and what is wrong, worded by its code. */
export function ImportReportTable({ rows }: { rows: ImportRowReport[] }) {
  const { t } = useTranslation();
  const outcome = (value: keyof typeof OUTCOME_COLOR) => (
    <Badge color={OUTCOME_COLOR[value]} variant="light" styles={{ label: { textTransform: 'none' } }}>
      {t(`imports.outcomeOf.${value}`)}
    </Badge>
  );
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped data-testid="import-report">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('imports.row')}</Table.Th>
            <Table.Th scope="col">{t('imports.outcome')}</Table.Th>
            <Table.Th scope="col">{t('imports.what')}</Table.Th>
            <Table.Th scope="col">{t('imports.column')}</Table.Th>
            <Table.Th scope="col">{t('imports.code')}</Table.Th>
            <Table.Th scope="col">{t('imports.message')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const errors = row.errors.length ? row.errors : [null];
            return errors.map((error, index) => (
              <Table.Tr key={`${row.row}-${index}`} data-testid={row.outcome === 'refused' ? 'import-refused' : 'import-row'}>
                <Table.Td>{index === 0 ? row.row : ''}</Table.Td>
                <Table.Td>{index === 0 ? outcome(row.outcome) : ''}</Table.Td>
                <Table.Td>
                  {index === 0 && (
                    <Stack gap={0}>
                      {row.organisation && <Text size="sm">{row.organisation.name} ({t(`imports.outcomeOf.${row.organisation.outcome}`)})</Text>}
                      {row.person && (
                        <Text size="xs" c="dimmed">
                          {row.person.name} ({t(`imports.outcomeOf.${row.person.outcome}`)})
                        </Text>
                      )}
                    </Stack>
                  )}
                </Table.Td>
                <Table.Td>{error?.column ?? (error ? '–' : '')}</Table.Td>
                <Table.Td>
                  {error && (
                    <Text size="xs" ff="monospace">
                      {error.code}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td data-testid={error ? 'import-problem' : undefined}>{error ? problemText(error) : ''}</Table.Td>
              </Table.Tr>
            ));
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

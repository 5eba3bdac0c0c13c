import { Table, Tooltip } from '@mantine/core';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { PartnershipRow, type PartnershipSummary } from './partnership-row';
import classes from './partnerships-table.module.css';
import { useWindowRows } from './use-window-rows';

/** The columns and their share of the width: fixed, so drawing other rows while scrolling does not move the columns. */
const COLUMNS = [
  ['partnership', '36%'],
  ['levels', '9%'],
  ['stage', '10%'],
  ['health', '15%'],
  ['trend', '8%'],
  ['risk', '12%'],
  ['opened', '10%'],
] as const;

/**
 * One row per partnership in the API's order. Only the rows near the window are in the page (2,000 rows in the DOM
 * made scrolling jank); the table still tells assistive technology how many rows there are (`aria-rowcount`, the
 * header row included) and where each drawn row is (`aria-rowindex`).
 */
export function PartnershipsTable({ rows }: { rows: PartnershipSummary[] }) {
  const { t } = useTranslation();
  const keyOf = useCallback((index: number) => rows[index].partnershipId, [rows]);
  // About a row's height: one line of name and one of region, or two of name (measured once drawn).
  const { slots, bodyProps, measureRow } = useWindowRows({ count: rows.length, keyOf, estimatedHeight: 72, overscan: 6 });
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="xs" highlightOnHover layout="fixed" data-testid="partnerships" aria-rowcount={rows.length + 1}>
        <colgroup>
          {COLUMNS.map(([name, width]) => (
            <col key={name} style={{ width }} />
          ))}
        </colgroup>
        <Table.Thead>
          <Table.Tr aria-rowindex={1}>
            {COLUMNS.map(([name]) => (
              <Table.Th key={name} scope="col" ta={name === 'trend' ? 'right' : undefined}>
                {name === 'trend' ? (
                  <Tooltip label={t('partnership.trendHelp')} withArrow events={{ hover: true, focus: true, touch: true }}>
                    <span tabIndex={0} data-testid="trend-help">
                      {t(`list.columns.${name}`)}
                    </span>
                  </Tooltip>
                ) : (
                  t(`list.columns.${name}`)
                )}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody className={classes.body} {...bodyProps}>
          {slots.map((slot) =>
            slot.kind === 'gap' ? (
              // Stands for the rows not drawn, so the page is as tall as the whole list; nothing in it to read.
              <tr key={slot.key} aria-hidden="true">
                <td colSpan={COLUMNS.length} style={{ height: slot.height, padding: 0, border: 0 }} />
              </tr>
            ) : (
              <PartnershipRow key={slot.key} row={rows[slot.index]} index={slot.index} measure={measureRow} />
            ),
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

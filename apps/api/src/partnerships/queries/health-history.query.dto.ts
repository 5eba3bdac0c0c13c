import { HISTORY_INTERVALS } from '@crm/read-models';
import { EnumField } from '../../http/dto-fields';
import { HistoryRangeQueryDto } from '../../http/history-range';

/** At most this many steps in one partnership's history: five years by week. */
export const MAX_HEALTH_HISTORY_STEPS = 261;

export class HealthHistoryQueryDto extends HistoryRangeQueryDto {
  @EnumField(HISTORY_INTERVALS, {
    optional: true,
    example: 'week',
    description: `step back from \`to\` by a week or a calendar month (default week); at most ${MAX_HEALTH_HISTORY_STEPS} steps, else 400 history_too_long`,
  })
  every?: 'week' | 'month';
}

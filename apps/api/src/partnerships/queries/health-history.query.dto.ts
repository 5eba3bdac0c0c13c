import { HISTORY_INTERVALS } from '@crm/read-models';
import { AsOfField, EnumField } from '../../http/dto-fields';

/** At most this many steps in one partnership's history: five years by week. */
export const MAX_HEALTH_HISTORY_STEPS = 261;

export class HealthHistoryQueryDto {
  @AsOfField({ description: 'the first step (a day is the end of that day in TIME_ZONE); default a year before `to`', example: '2025-06-01' })
  from?: string;

  @AsOfField({ description: 'the last step (a day is the end of that day in TIME_ZONE); default now', example: '2026-06-01' })
  to?: string;

  @EnumField(HISTORY_INTERVALS, {
    optional: true,
    example: 'week',
    description: `step back from \`to\` by a week or a calendar month (default week); at most ${MAX_HEALTH_HISTORY_STEPS} steps, else 400 history_too_long`,
  })
  every?: 'week' | 'month';
}

import { BadRequestException } from '@nestjs/common';
import { HistoryInterval, historySteps, yearBefore } from '@crm/read-models';
import { asOfInstant, currentAsOf } from './as-of';
import { AsOfField } from './dto-fields';

/** `from` and `to` of a history (SPEC §3.7); each route adds its `every`. */
export class HistoryRangeQueryDto {
  @AsOfField({ description: 'the first step (a day is the end of that day in TIME_ZONE); default a year before `to`', example: '2025-11-01' })
  from?: string;

  @AsOfField({ description: 'the last step (a day is the end of that day in TIME_ZONE); default now', example: '2026-11-01' })
  to?: string;
}

export interface HistoryQuery extends HistoryRangeQueryDto {
  every?: HistoryInterval;
}

export interface HistoryRange {
  from: string;
  to: string;
  every: HistoryInterval;
  /** The asOf of every step, oldest first; the last is `to`. */
  steps: string[];
}

const refuse = (code: string, message: string, field: string) =>
  new BadRequestException({ statusCode: 400, code, message, errors: [{ field, messages: [message] }] });

/**
 * `from`, `to` and `every` of a history query (SPEC §3.7) as the steps to compute. Dates are read as asOf is
 * (a day is the end of that day in TIME_ZONE); `to` defaults to now, `from` to a year before `to`.
 */
export function historyRange(query: HistoryQuery, timeZone: string, defaults: { every: HistoryInterval; maxSteps: number }): HistoryRange {
  const to = query.to === undefined ? currentAsOf() : asOfInstant(query.to, timeZone, 'to');
  const from = query.from === undefined ? yearBefore(to, timeZone) : asOfInstant(query.from, timeZone, 'from');
  const every = query.every ?? defaults.every;
  if (Date.parse(from) > Date.parse(to)) throw refuse('invalid_history_range', `from (${from}) is after to (${to})`, 'from');
  const steps = historySteps(from, to, every, timeZone, defaults.maxSteps);
  if (!steps) {
    throw refuse('history_too_long', `from ${from} to ${to} by ${every} is more than ${defaults.maxSteps} steps; ask a shorter range or a longer step`, 'from');
  }
  return { from, to, every, steps };
}

import { Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/**
 * Property decorators for response classes (`*.response.ts` beside each controller): the OpenAPI description of
 * what a query answers. Response schemas stay open (no additionalProperties: false): answers may gain fields.
 */

type Extra = { description?: string; nullable?: boolean; optional?: boolean; example?: unknown };
const prop = ({ optional, ...options }: Extra & Record<string, unknown>) => (optional ? ApiPropertyOptional(options) : ApiProperty(options));

export const IdProp = (extra: Extra = {}) => prop({ type: 'string', format: 'uuid', ...extra });
export const IdListProp = (extra: Extra = {}) => prop({ type: 'string', format: 'uuid', isArray: true, ...extra });
export const TextProp = (extra: Extra = {}) => prop({ type: 'string', ...extra });
/** An instant, ISO-8601 in UTC (`2026-03-12T10:00:00.000Z`). */
export const InstantProp = (extra: Extra = {}) => prop({ type: 'string', format: 'date-time', ...extra });
export const IntProp = (extra: Extra & { minimum?: number; maximum?: number } = {}) => prop({ type: 'integer', ...extra });
export const NumberProp = (extra: Extra & { minimum?: number; maximum?: number } = {}) => prop({ type: 'number', ...extra });
/** A share or ratio in 0–1; null when there is nothing to divide by. */
export const ShareProp = (description: string) => prop({ type: 'number', minimum: 0, maximum: 1, nullable: true, description });
export const BoolProp = (extra: Extra = {}) => prop({ type: 'boolean', ...extra });
export const EnumProp = (values: readonly string[], extra: Extra & { isArray?: boolean } = {}) => prop({ type: 'string', enum: [...values], ...extra });
// Nest resolves a lazy type only from a function named `type` (as an arrow in `{ type: () => X }` is).
export const NestedProp = (of: () => Type<unknown>, extra: Extra & { isArray?: boolean } = {}) => prop({ type: () => of(), ...extra });
/** A reason's stable machine form beside its English `reason` text (an app words it in its own language); `codes` names them all. */
export const ReasonCodeProp = ({ codes, ...extra }: Extra & { codes?: readonly string[] } = {}) =>
  prop({
    type: 'string',
    ...(codes && { enum: [...codes] }),
    example: codes?.[0] ?? 'recency.last_contact',
    description: 'the reason’s stable code; the English text may be reworded, the code is not',
    ...extra,
  });
/** The code of each figure's reason, per figure (the figure names of `reasons`), worded with the object's `reasonParams`. */
export const ReasonCodesProp = (codes: readonly string[]) =>
  ApiProperty({ type: 'object', additionalProperties: { type: 'string', enum: [...codes] }, description: 'the code of each figure’s reason, per figure, worded with `reasonParams`' });
export const ReasonParamsProp = (extra: Extra = {}) =>
  prop({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string', nullable: true }, { type: 'number' }, { type: 'boolean' }] },
    example: { days: 143, interval: 60 },
    description: 'the figures the reason names (days as YYYY-MM-DD, counts as numbers); a key ending in `Code` is itself a reason code read with the same params',
    ...extra,
  });

import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsISO8601, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';

/** Field decorators shared by the command DTOs: validation and OpenAPI description in one place. */

type Opt = { optional?: boolean; example?: unknown; description?: string };

const doc = ({ optional, ...rest }: Opt, extra: Record<string, unknown> = {}) =>
  optional ? ApiPropertyOptional({ ...rest, ...extra }) : ApiProperty({ ...rest, ...extra });

/** An optional field may be left out; `null` is not a value for it (unlike class-validator's IsOptional). */
export const Optional = () => ValidateIf((_object, value) => value !== undefined);

const maybe = (optional?: boolean) => (optional ? [Optional()] : []);

/** UUIDs compare case-insensitively, so they are stored in lower case. */
const lowerCase = Transform(({ value }) => (typeof value === 'string' ? value.toLowerCase() : value));
const lowerCaseEach = Transform(({ value }) => (Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.toLowerCase() : v)) : value));

export const IdField = (opt: Opt = {}) =>
  applyDecorators(
    doc(opt, { format: 'uuid', example: opt.example ?? '3f2b8c1e-5d6a-4e7b-9c0d-1a2b3c4d5e6f' }),
    ...maybe(opt.optional),
    lowerCase,
    IsUUID('all', { message: '$property must be a UUID' }),
  );

export const IdListField = (opt: Opt = {}) =>
  applyDecorators(
    doc(opt, { type: [String], format: 'uuid', example: opt.example ?? ['0d9f7a52-2c55-4c8e-a0e8-6b1f6a6d7c11'] }),
    ...maybe(opt.optional),
    lowerCaseEach,
    IsArray(),
    ArrayMaxSize(200),
    IsUUID('all', { each: true, message: 'each value in $property must be a UUID' }),
  );

export const TextField = (opt: Opt & { max?: number; min?: number } = {}) =>
  applyDecorators(
    doc(opt, { maxLength: opt.max ?? 200 }),
    ...maybe(opt.optional),
    IsString(),
    MinLength(opt.min ?? (opt.optional ? 0 : 1)),
    MaxLength(opt.max ?? 200),
  );

export const EnumField = (values: readonly string[], opt: Opt = {}) =>
  applyDecorators(
    doc(opt, { enum: values, example: opt.example ?? values[0] }),
    ...maybe(opt.optional),
    IsIn(values as string[], { message: `$property must be one of: ${values.join(', ')}` }),
  );

export const EnumListField = (values: readonly string[], opt: Opt = {}) =>
  applyDecorators(
    doc(opt, { enum: values, isArray: true, example: opt.example ?? [values[0]] }),
    ...maybe(opt.optional),
    IsArray(),
    ArrayMaxSize(values.length),
    IsIn(values as string[], { each: true, message: `each value in $property must be one of: ${values.join(', ')}` }),
  );

export const DateField = (opt: Opt = {}) =>
  applyDecorators(
    doc(opt, { format: 'date-time', example: opt.example ?? '2026-03-12T10:00:00.000Z' }),
    ...maybe(opt.optional),
    IsISO8601({ strict: true }, { message: '$property must be an ISO-8601 date' }),
  );

export const AtField = (description = 'when it happened; defaults to now') => DateField({ optional: true, description });

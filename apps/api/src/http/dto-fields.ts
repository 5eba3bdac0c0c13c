import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsISO8601, isEmail, IsString, IsUUID, MaxLength, MinLength, ValidateBy, ValidateIf } from 'class-validator';

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
    doc(opt, { type: 'string', format: 'uuid', isArray: true, maxItems: 200, example: opt.example ?? [] }),
    ...maybe(opt.optional),
    lowerCaseEach,
    IsArray(),
    ArrayMaxSize(200),
    IsUUID('all', { each: true, message: 'each value in $property must be a UUID' }),
  );

/** Control characters other than tab, line feed and carriage return; and UTF-16 halves without their other half. */
const MALFORMED_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text a person could have typed: no NUL or other control characters (tab and line breaks are fine), no broken Unicode. */
export const WellFormedText = (options?: { each?: boolean }) =>
  ValidateBy(
    {
      name: 'isWellFormedText',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !MALFORMED_TEXT.test(value),
        defaultMessage: () => `${options?.each ? 'each value in ' : ''}$property must not contain control characters or broken Unicode`,
      },
    },
    options,
  );

/**
 * An email address. validator.js's isEmail throws (URIError, from encodeURI) on text with half a surrogate pair,
 * which answered 500 for `"email": "\udc00x"`; here malformed text is simply not an address.
 */
export const EmailField = (opt: Opt = {}) =>
  applyDecorators(
    doc(opt, { format: 'email', maxLength: 254, example: opt.example }),
    ...maybe(opt.optional),
    ValidateBy({
      name: 'isEmailAddress',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && value.length <= 254 && !MALFORMED_TEXT.test(value) && isEmail(value),
        defaultMessage: () => '$property must be an email address',
      },
    }),
  );

export const TextField = ({ max = 200, min, ...opt }: Opt & { max?: number; min?: number } = {}) =>
  applyDecorators(
    doc(opt, { type: 'string', minLength: min ?? (opt.optional ? 0 : 1), maxLength: max }),
    ...maybe(opt.optional),
    IsString(),
    MinLength(min ?? (opt.optional ? 0 : 1)),
    MaxLength(max),
    WellFormedText(),
  );

export const EnumField = (values: readonly string[], opt: Opt = {}) =>
  applyDecorators(
    doc(opt, { enum: [...values], example: opt.example ?? values[0] }),
    ...maybe(opt.optional),
    IsIn(values as string[], { message: `$property must be one of: ${values.join(', ')}` }),
  );

export const EnumListField = (values: readonly string[], opt: Opt = {}) =>
  applyDecorators(
    doc(opt, { enum: [...values], isArray: true, maxItems: values.length, example: opt.example ?? [values[0]] }),
    ...maybe(opt.optional),
    IsArray(),
    ArrayMaxSize(values.length),
    IsIn(values as string[], { each: true, message: `each value in $property must be one of: ${values.join(', ')}` }),
  );

/**
 * ISO-8601 has forms JavaScript cannot read (week dates `2026-W10-4`, ordinal dates `2026-071`, basic format
 * `20260312`, decimal commas): those are bad input (400) like any other unreadable date, not a rule violation.
 */
const IsReadableDate = () =>
  ValidateBy({
    name: 'isReadableDate',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && Number.isFinite(Date.parse(value)),
      defaultMessage: () => '$property must be an ISO-8601 date',
    },
  });

export const DateField = (opt: Opt = {}) =>
  applyDecorators(
    doc(opt, { format: 'date-time', example: opt.example ?? '2026-03-12T10:00:00.000Z' }),
    ...maybe(opt.optional),
    IsISO8601({ strict: true }, { message: '$property must be an ISO-8601 date' }),
    IsReadableDate(),
  );

export const AtField = (description = 'when it happened; defaults to now') => DateField({ optional: true, description });

/** What the OpenAPI document says of every `asOf` (SPEC §1 R2, §3). */
export const AS_OF_DESCRIPTION =
  'the moment figures are computed for; default now. A date without a time (2026-05-20) is the END of that day in ' +
  'TIME_ZONE (default Europe/Amsterdam), so it includes everything recorded that day; an instant with an offset ' +
  '(2026-05-20T09:00:00+02:00) is taken as given. The answer echoes the instant it used (asOf).';

/** A query date read as an asOf (http/as-of.ts resolves it): `asOf`, and the ends of a history. */
export const AsOfField = (opt: Opt & { name?: string } = {}) =>
  applyDecorators(
    ApiPropertyOptional({ description: opt.description ?? AS_OF_DESCRIPTION, example: opt.example ?? '2026-06-01', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}', maxLength: 40 }),
    Optional(),
    IsISO8601({ strict: true }, { message: `${opt.name ?? '$property'} must be an ISO-8601 date` }),
    IsReadableDate(),
  );

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One field's messages in a 400 `validation_failed` (or another per-field refusal). */
export class FieldErrorResponse {
  @ApiProperty({ description: 'the body field, query parameter, path parameter or header', example: 'occurredAt' })
  field!: string;

  @ApiProperty({ type: [String], example: ['occurredAt must be an ISO-8601 date'] })
  messages!: string[];
}

/** The one shape of every 4xx and 5xx answer (SPEC §4): a status, a stable machine-readable code and a message. */
export class ErrorResponse {
  @ApiProperty({ type: 'integer', minimum: 400, maximum: 599, example: 422 })
  statusCode!: number;

  @ApiProperty({ description: 'stable and machine-readable; each operation lists the codes it gives per status', example: 'date_before_opening' })
  code!: string;

  @ApiProperty({ description: 'for a person to read', example: 'occurredAt (2024-01-01) is before the partnership opened (2025-09-01)' })
  message!: string;

  @ApiPropertyOptional({ description: 'the field a rule of the domain is about', example: 'occurredAt' })
  field?: string;

  @ApiPropertyOptional({ type: [FieldErrorResponse], description: 'per field, for bad input (400)' })
  errors?: FieldErrorResponse[];

  @ApiPropertyOptional({ type: 'integer', minimum: -1, description: '409 `revision_mismatch`: the stream revision now (-1: no stream); send it as If-Match' })
  currentRevision?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, description: '429 `rate_limited`: seconds until a request is admitted again' })
  retryAfterSeconds?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, description: '503 `read_models_behind`: the position the read models have reached' })
  position?: number;
}

/** What every command answers (SPEC §4). */
export class CommandResultResponse {
  @ApiProperty({
    format: 'uuid',
    description: 'the id of what the command created (organisation, person, partnership, interaction, …), else of the aggregate',
    example: '3f2b8c1e-5d6a-4e7b-9c0d-1a2b3c4d5e6f',
  })
  id!: string;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'the stream revision after the write: send it as If-Match with the next command', example: 3 })
  revision!: number;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'the global log position of the last event written: send it as X-Min-Position to read your write', example: 42 })
  position!: number;
}

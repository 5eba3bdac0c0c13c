import { ApiProperty } from '@nestjs/swagger';
import { EnumProp, IdProp, IntProp, NestedProp, TextProp, BoolProp } from '../http/response-fields';
import { IMPORT_PROBLEM_CODES } from './import-problem-codes';

/** What the sheet import answers (SPEC §8): the row report. */

export class ImportErrorResponse {
  @IntProp({ minimum: 1, description: "the sheet's row number (the header is row 1)" }) row!: number;
  @TextProp({ nullable: true, description: "the sheet's header of the column at fault; null for the row as a whole" }) column!: string | null;
  @EnumProp(IMPORT_PROBLEM_CODES, { example: 'invalid_date', description: 'stable: the message may be reworded, the code is not. The import’s own codes and every code of a domain rule that can refuse a row' })
  code!: string;
  @TextProp() message!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string', nullable: true }, { type: 'number' }] },
    example: { value: '31-02-2025' },
    description: 'what the message names, so that an app can word the problem in its own language: the cell’s text (`value`), the words accepted (`allowed`), the cell or range (`cell`, `range`), the row repeated (`first`), a school’s name (`name`)',
  })
  params!: Record<string, string | number | null>;
}

export class ImportedOrganisationResponse {
  @IdProp() id!: string;
  @TextProp() name!: string;
  @EnumProp(['created', 'matched', 'updated']) outcome!: string;
}

export class ImportedPersonResponse {
  @IdProp() id!: string;
  @TextProp() name!: string;
  @EnumProp(['created', 'matched']) outcome!: string;
}

export class ImportedPartnershipResponse {
  @IdProp() id!: string;
  @IdProp() schoolId!: string;
  @EnumProp(['created', 'matched']) outcome!: string;
}

export class ImportedContactResponse {
  @EnumProp(['primary', 'backup']) role!: string;
  @EnumProp(['created', 'matched']) outcome!: string;
}

export class ImportRowResponse {
  @IntProp({ minimum: 1 }) row!: number;
  @EnumProp(['created', 'matched', 'refused'], { description: 'created: something new; matched: everything was there already' }) outcome!: string;
  @NestedProp(() => ImportedOrganisationResponse, { optional: true }) organisation?: ImportedOrganisationResponse;
  @NestedProp(() => ImportedPersonResponse, { optional: true }) person?: ImportedPersonResponse;
  @NestedProp(() => ImportedPartnershipResponse, { optional: true }) partnership?: ImportedPartnershipResponse;
  @NestedProp(() => ImportedContactResponse, { optional: true }) contact?: ImportedContactResponse;
  @NestedProp(() => ImportErrorResponse, { isArray: true }) errors!: ImportErrorResponse[];
}

export class OutcomeCountsResponse {
  @IntProp({ minimum: 0 }) created!: number;
  @IntProp({ minimum: 0 }) matched!: number;
  @IntProp({ minimum: 0, optional: true, description: 'organisations only: given a KvK number or BRIN code' }) updated?: number;
}

export class ImportSummaryResponse {
  @IntProp({ minimum: 0 }) rows!: number;
  @IntProp({ minimum: 0 }) created!: number;
  @IntProp({ minimum: 0 }) matched!: number;
  @IntProp({ minimum: 0 }) refused!: number;
  @NestedProp(() => OutcomeCountsResponse) organisations!: OutcomeCountsResponse;
  @NestedProp(() => OutcomeCountsResponse) people!: OutcomeCountsResponse;
  @NestedProp(() => OutcomeCountsResponse) partnerships!: OutcomeCountsResponse;
  @NestedProp(() => OutcomeCountsResponse) contacts!: OutcomeCountsResponse;
}

export class ImportReportResponse {
  @BoolProp() dryRun!: boolean;
  @BoolProp({ description: 'the rows were written (a commit without refusals)' }) committed!: boolean;
  @IntProp({ minimum: 1, nullable: true, description: 'the log position of the last event written, for X-Min-Position; null when nothing was written' }) position!: number | null;
  @ApiProperty({ type: 'string', isArray: true, description: 'sheet headers that matched no column and were not read' }) ignoredColumns!: string[];
  @NestedProp(() => ImportSummaryResponse) summary!: ImportSummaryResponse;
  @NestedProp(() => ImportRowResponse, { isArray: true }) rows!: ImportRowResponse[];
  @NestedProp(() => ImportErrorResponse, { isArray: true, description: 'every refusal of every row, in row order' }) errors!: ImportErrorResponse[];
}

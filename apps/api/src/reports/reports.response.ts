import { LEVEL_INPUTS, SCHOOL_LEVELS, STAGES } from '@crm/domain';
import { KEY_PERSON_REASON_CODES, KEY_PERSON_RISKS, LEVELS_FIGURE_CODES, SIDE_CONTINUITY_REASON_CODES } from '@crm/read-models';
import { ApiProperty } from '@nestjs/swagger';
import { ContactRefResponse, HandoverCountResponse, PersonRefResponse } from '../partnerships/partnerships.response';
import { BoolProp, EnumProp, IdProp, InstantProp, IntProp, NestedProp, NumberProp, ReasonCodeProp, ReasonCodesProp, ReasonParamsProp, ShareProp, TextProp } from '../http/response-fields';

/** What the management and reporting views answer (SPEC §3.3, §3.4). */

/** The filters a report was given, echoed as given (SPEC §3.6 R2). */
export class ReportFilterResponse {
  @IdProp({ optional: true }) school?: string;
  @TextProp({ optional: true }) region?: string;
  @EnumProp(LEVEL_INPUTS, { optional: true }) level?: string;
  @EnumProp(STAGES, { optional: true }) stage?: string;
  @EnumProp(KEY_PERSON_RISKS, { optional: true }) risk?: string;
  @EnumProp(['true', 'false'], { optional: true }) orphaned?: string;
}

export class StageCountsResponse {
  @IntProp({ minimum: 0 }) exploring!: number;
  @IntProp({ minimum: 0 }) agreed!: number;
  @IntProp({ minimum: 0 }) active!: number;
  @IntProp({ minimum: 0 }) paused!: number;
  @IntProp({ minimum: 0 }) ended!: number;
}

export class TierInvolvementResponse {
  @ShareProp('share of active partnerships where a strategic school person took part in a touchpoint (365 days)') strategic!: number | null;
  @ShareProp('the same for tactical') tactical!: number | null;
  @ShareProp('the same for operational') operational!: number | null;
}

export class LevelFiguresResponse {
  @EnumProp(SCHOOL_LEVELS) level!: string;
  @IntProp({ minimum: 0, description: 'a partnership counts once for each of its levels' }) partnerships!: number;
  @NestedProp(() => StageCountsResponse) byStage!: StageCountsResponse;
  @NumberProp({ minimum: 0, maximum: 100, nullable: true }) meanHealth!: number | null;
  @ShareProp('share with status at_risk') atRiskShare!: number | null;
  @ShareProp('share with status dormant') dormantShare!: number | null;
  @ShareProp('share of agreed/active partnerships with a valid formal agreement') formalAgreementShare!: number | null;
  @ShareProp('share of partnerships older than 180 days evaluated in the last 365') evaluatedShare!: number | null;
  @ShareProp('commitments kept (730 days)') commitmentsKeptRatio!: number | null;
  @ShareProp('share with high school-side key-person risk') highKeyPersonRiskShare!: number | null;
  @NestedProp(() => TierInvolvementResponse) tierInvolvement!: TierInvolvementResponse;
  @ShareProp('share of the partnerships not ended and at least 365 days old with an activity kind held in two or more school years (SPEC §3.8)') recurringShare!: number | null;
}

export class LevelRowResponse extends LevelFiguresResponse {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'how each figure was counted, per figure' }) reasons!: Record<string, string>;
  @ReasonCodesProp(LEVELS_FIGURE_CODES) reasonCodes!: Record<string, string>;
  @ReasonParamsProp() reasonParams!: Record<string, string | number | boolean | null>;
}

export class LevelsReportResponse {
  @InstantProp() asOf!: string;
  @NestedProp(() => ReportFilterResponse) filter!: ReportFilterResponse;
  @NestedProp(() => LevelRowResponse, { isArray: true }) levels!: LevelRowResponse[];
}

export class LevelsStepResponse {
  @InstantProp() asOf!: string;
  @NestedProp(() => LevelFiguresResponse, { isArray: true, description: 'the rows of the levels report at asOf, without their reasons' }) levels!: LevelFiguresResponse[];
}

/** GET /reports/levels/history (SPEC §3.7). */
export class LevelsHistoryResponse {
  @InstantProp({ description: 'the first step asked (a day: the end of that day in timeZone)' }) from!: string;
  @InstantProp({ description: 'the last step, itself a step' }) to!: string;
  @EnumProp(['month']) every!: string;
  @TextProp({ example: 'Europe/Amsterdam' }) timeZone!: string;
  @NestedProp(() => ReportFilterResponse) filter!: ReportFilterResponse;
  @NestedProp(() => LevelsStepResponse, { isArray: true, description: 'oldest first' }) steps!: LevelsStepResponse[];
}

export class SideRiskRowResponse {
  @EnumProp(KEY_PERSON_RISKS) risk!: string;
  @NestedProp(() => PersonRefResponse, { nullable: true }) topPerson!: PersonRefResponse | null;
  @NumberProp({ minimum: 0, maximum: 1, nullable: true }) topShare!: number | null;
  @IntProp({ minimum: 0 }) activePeople!: number;
  @TextProp() reason!: string;
  @ReasonCodeProp({ codes: KEY_PERSON_REASON_CODES }) reasonCode!: string;
  @ReasonParamsProp() reasonParams!: Record<string, string | number | boolean | null>;
}

export class KeyPersonRiskRowResponse {
  @IdProp() partnershipId!: string;
  @TextProp({ nullable: true }) schoolName!: string | null;
  @TextProp({ nullable: true }) partnerName!: string | null;
  @EnumProp(SCHOOL_LEVELS, { isArray: true }) levels!: string[];
  @NestedProp(() => SideRiskRowResponse) school!: SideRiskRowResponse;
  @NestedProp(() => SideRiskRowResponse) partner!: SideRiskRowResponse;
}

export class KeyPersonRiskReportResponse {
  @InstantProp() asOf!: string;
  @NestedProp(() => ReportFilterResponse) filter!: ReportFilterResponse;
  @NestedProp(() => KeyPersonRiskRowResponse, { isArray: true, description: 'highest school-side risk first' }) items!: KeyPersonRiskRowResponse[];
}

export class SideContinuityRowResponse {
  @NestedProp(() => ContactRefResponse, { nullable: true }) primary!: ContactRefResponse | null;
  @NestedProp(() => ContactRefResponse, { isArray: true, description: 'as in /partnerships/:id/continuity; CSV: backups.personId, backups.name, … joined with ;' }) backups!: ContactRefResponse[];
  @NestedProp(() => HandoverCountResponse) handovers!: HandoverCountResponse;
  @IntProp({ minimum: 0 }) warmHandovers!: number;
  @IntProp({ minimum: 0 }) coldHandovers!: number;
  @IntProp({ minimum: 0 }) gapDays!: number;
  @BoolProp() orphaned!: boolean;
  @InstantProp({ nullable: true }) orphanedSince!: string | null;
  @IntProp({ minimum: 0 }) distinctParticipants365!: number;
  @TextProp({ description: 'as in /partnerships/:id/continuity: the side’s continuity in words' }) reason!: string;
  @ReasonCodeProp({ codes: SIDE_CONTINUITY_REASON_CODES }) reasonCode!: string;
  @ReasonParamsProp() reasonParams!: Record<string, string | number | boolean | null>;
}

export class ContinuityRowResponse {
  @IdProp() partnershipId!: string;
  @TextProp({ nullable: true }) schoolName!: string | null;
  @TextProp({ nullable: true }) partnerName!: string | null;
  @EnumProp(SCHOOL_LEVELS, { isArray: true }) levels!: string[];
  @NestedProp(() => SideContinuityRowResponse) school!: SideContinuityRowResponse;
  @NestedProp(() => SideContinuityRowResponse) partner!: SideContinuityRowResponse;
}

export class ContinuityReportResponse {
  @InstantProp() asOf!: string;
  @NestedProp(() => ReportFilterResponse) filter!: ReportFilterResponse;
  @NestedProp(() => ContinuityRowResponse, { isArray: true, description: 'orphaned first' }) items!: ContinuityRowResponse[];
}

import { INTENSITIES, ORGANISATION_KINDS, SCHOOL_LEVELS, SIDES, STAGES } from '@crm/domain';
import { HEALTH_COMPONENTS, HEALTH_STATUSES, KEY_PERSON_REASON_CODES, KEY_PERSON_RISKS, SIDE_CONTINUITY_REASON_CODES } from '@crm/read-models';
import { ApiProperty } from '@nestjs/swagger';
import { RecurringCooperationResponse } from '../reports/insights.response';
import { BoolProp, EnumProp, IdListProp, IdProp, InstantProp, IntProp, NestedProp, NumberProp, ReasonCodeProp, ReasonParamsProp, TextProp } from '../http/response-fields';

/** What the partnership queries answer (SPEC §3.1–3.3, §3.6). */

export class SchoolRefResponse {
  @IdProp() organisationId!: string;
  @TextProp({ nullable: true, description: 'display name; `[erased]` never applies to organisations' }) name!: string | null;
  @TextProp({ nullable: true }) region!: string | null;
}

export class PartnerRefResponse {
  @IdProp() organisationId!: string;
  @TextProp({ nullable: true }) name!: string | null;
  @EnumProp(ORGANISATION_KINDS, { nullable: true }) kind!: string | null;
  @TextProp({ nullable: true }) sector!: string | null;
}

/** One partnership in a list, as of asOf. */
export class PartnershipSummaryResponse {
  @IdProp() partnershipId!: string;
  @NestedProp(() => SchoolRefResponse) school!: SchoolRefResponse;
  @NestedProp(() => PartnerRefResponse) partner!: PartnerRefResponse;
  @EnumProp(SCHOOL_LEVELS, { isArray: true }) levels!: string[];
  @ApiProperty({ type: [String] }) themes!: string[];
  @InstantProp() openedAt!: string;
  @EnumProp(STAGES, { description: 'stage at asOf' }) stage!: string;
  @EnumProp(INTENSITIES, { description: 'intensity at asOf' }) intensity!: string;
  @IntProp({ minimum: 0, maximum: 100, nullable: true, description: 'health score at asOf; null before the partnership was opened' }) healthScore!: number | null;
  @EnumProp(HEALTH_STATUSES) status!: string;
  @IntProp({ nullable: true, description: 'score(asOf) − score(asOf − 90 days); null when not open 90 days before' }) trend!: number | null;
  @EnumProp(KEY_PERSON_RISKS, { description: 'school-side key-person risk at asOf' }) schoolKeyPersonRisk!: string;
}

export class PartnershipListResponse {
  @InstantProp({ description: 'the date every figure is computed for (a cursor keeps the first page’s)' }) asOf!: string;
  @NestedProp(() => PartnershipSummaryResponse, { isArray: true }) items!: PartnershipSummaryResponse[];
  @TextProp({ nullable: true, description: 'send as `cursor` for the next page; null on the last' }) nextCursor!: string | null;
}

/** GET /partnerships/:id: the list row with the health status explained. */
export class PartnershipDetailResponse extends PartnershipSummaryResponse {
  @InstantProp() asOf!: string;
  @TextProp({ description: 'why the status is what it is' }) reason!: string;
  @ReasonCodeProp() reasonCode!: string;
  @ReasonParamsProp() reasonParams!: Record<string, string | number | boolean | null>;
  @InstantProp({ nullable: true }) endedAt!: string | null;
  @IntProp({ minimum: 0, optional: true, description: 'the stream revision (also the ETag): send it as If-Match' }) revision?: number;
}

export class HealthComponentResponse {
  @EnumProp(HEALTH_COMPONENTS) name!: string;
  @NumberProp({ minimum: 0, maximum: 100, nullable: true, description: 'null: not applicable, left out of the mean' }) score!: number | null;
  @NumberProp({ minimum: 0 }) weight!: number;
  @TextProp({ example: 'last contact 143 days ago; expected every 60' }) reason!: string;
  @ReasonCodeProp() reasonCode!: string;
  @ReasonParamsProp() reasonParams!: Record<string, string | number | boolean | null>;
}

export class PartnershipHealthResponse {
  @IdProp() partnershipId!: string;
  @InstantProp() asOf!: string;
  @IntProp({ minimum: 0, maximum: 100, nullable: true, description: 'null only before the partnership was opened' }) score!: number | null;
  @EnumProp(HEALTH_STATUSES) status!: string;
  @TextProp() reason!: string;
  @ReasonCodeProp() reasonCode!: string;
  @ReasonParamsProp() reasonParams!: Record<string, string | number | boolean | null>;
  @IntProp({ nullable: true, description: 'score(asOf) − score(asOf − 90 days); null when not open 90 days before' }) trend!: number | null;
  @TextProp() trendReason!: string;
  @ReasonCodeProp({ example: 'trend.compared' }) trendReasonCode!: string;
  @ReasonParamsProp() trendReasonParams!: Record<string, string | number | boolean | null>;
  @NestedProp(() => HealthComponentResponse, { isArray: true }) components!: HealthComponentResponse[];
  @IntProp({ minimum: 0, optional: true, description: 'the stream revision (also the ETag): send it as If-Match' }) revision?: number;
}

export class PersonRefResponse {
  @IdProp() personId!: string;
  @TextProp({ description: 'display name; `[erased]` after an erasure' }) name!: string;
}

export class ContactRefResponse extends PersonRefResponse {
  @InstantProp() since!: string;
  @IntProp({ minimum: 0 }) tenureDays!: number;
}

export class HandoverCountResponse {
  @IntProp({ minimum: 0 }) allTime!: number;
  @IntProp({ minimum: 0 }) last3Years!: number;
}

export class HandoverResponse {
  @InstantProp({ description: 'when the successor became primary' }) at!: string;
  @NestedProp(() => PersonRefResponse) from!: PersonRefResponse;
  @NestedProp(() => PersonRefResponse) to!: PersonRefResponse;
  @BoolProp({ description: 'the successor took part in a touchpoint before the predecessor was unassigned' }) warm!: boolean;
}

export class SideContinuityResponse {
  @EnumProp(SIDES) side!: string;
  @NestedProp(() => ContactRefResponse, { nullable: true }) primary!: ContactRefResponse | null;
  @NestedProp(() => ContactRefResponse, { isArray: true }) backups!: ContactRefResponse[];
  @NestedProp(() => HandoverCountResponse) handovers!: HandoverCountResponse;
  @IntProp({ minimum: 0 }) warmHandovers!: number;
  @IntProp({ minimum: 0 }) coldHandovers!: number;
  @NestedProp(() => HandoverResponse, { isArray: true }) handoverLog!: HandoverResponse[];
  @IntProp({ minimum: 0, description: 'days in the last 730 without a primary' }) gapDays!: number;
  @BoolProp({ description: 'no primary because the last one left the organisation' }) orphaned!: boolean;
  @InstantProp({ nullable: true }) orphanedSince!: string | null;
  @IntProp({ minimum: 0 }) distinctParticipants365!: number;
  @TextProp() reason!: string;
  @ReasonCodeProp({ codes: SIDE_CONTINUITY_REASON_CODES }) reasonCode!: string;
  @ReasonParamsProp() reasonParams!: Record<string, string | number | boolean | null>;
}

export class PartnershipContinuityResponse {
  @IdProp() partnershipId!: string;
  @InstantProp() asOf!: string;
  @NestedProp(() => SideContinuityResponse) school!: SideContinuityResponse;
  @NestedProp(() => SideContinuityResponse) partner!: SideContinuityResponse;
  @IntProp({ minimum: 0, optional: true, description: 'the stream revision (also the ETag): send it as If-Match' }) revision?: number;
}

export class SideKeyPersonRiskResponse {
  @EnumProp(SIDES) side!: string;
  @EnumProp(KEY_PERSON_RISKS) risk!: string;
  @NestedProp(() => PersonRefResponse, { nullable: true }) topPerson!: PersonRefResponse | null;
  @NumberProp({ minimum: 0, maximum: 1, nullable: true, description: 'the largest share of this side’s touchpoints one person took part in' }) topShare!: number | null;
  @IntProp({ minimum: 0 }) activePeople!: number;
  @IdListProp() activePersonIds!: string[];
  @IntProp({ minimum: 0 }) sideTouchpoints!: number;
  @BoolProp() backupAssigned!: boolean;
  @TextProp() reason!: string;
  @ReasonCodeProp({ codes: KEY_PERSON_REASON_CODES }) reasonCode!: string;
  @ReasonParamsProp() reasonParams!: Record<string, string | number | boolean | null>;
}

export class PartnershipKeyPersonRiskResponse {
  @IdProp() partnershipId!: string;
  @InstantProp() asOf!: string;
  @NestedProp(() => SideKeyPersonRiskResponse) school!: SideKeyPersonRiskResponse;
  @NestedProp(() => SideKeyPersonRiskResponse) partner!: SideKeyPersonRiskResponse;
  @IntProp({ minimum: 0, optional: true, description: 'the stream revision (also the ETag): send it as If-Match' }) revision?: number;
}

export class TimelinePersonResponse {
  @IdProp() personId!: string;
  @TextProp({ description: '`[erased]` after an erasure' }) name!: string;
}

export class TimelineOrganisationResponse {
  @IdProp() organisationId!: string;
  @TextProp({ nullable: true }) name!: string | null;
}

export class TimelineEntryResponse {
  @IntProp({ minimum: 1 }) position!: number;
  @IntProp({ minimum: 0 }) revision!: number;
  @TextProp({ example: 'InteractionRecorded' }) type!: string;
  @InstantProp({ optional: true, description: 'the date the event is about' }) at?: string;
  @InstantProp() recordedAt!: string;
  @TextProp({ description: 'the `sub` of who recorded it' }) recordedBy!: string;
  @TextProp({ nullable: true, description: 'the name of the person the recording login is (token claim or linked login); null when unknown' })
  recordedByName!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the event’s payload (SPEC §2)' }) data!: Record<string, unknown>;
  @NestedProp(() => TimelinePersonResponse, { isArray: true, description: 'every person the event names, with their name' }) people!: TimelinePersonResponse[];
  @NestedProp(() => TimelineOrganisationResponse, { isArray: true, description: 'the organisations the event names' }) organisations!: TimelineOrganisationResponse[];
}

export class TimelineResponse {
  @NestedProp(() => TimelineEntryResponse, { isArray: true }) items!: TimelineEntryResponse[];
  @TextProp({ nullable: true }) nextCursor!: string | null;
  @IntProp({ minimum: 0, optional: true, description: 'the stream revision (also the ETag): send it as If-Match' }) revision?: number;
}

/** The component scores of one step of a history (shown to 0.1; null where a component does not apply). */
export class HealthStepComponentsResponse {
  @NumberProp({ nullable: true, optional: true }) recency?: number | null;
  @NumberProp({ nullable: true, optional: true }) cadence?: number | null;
  @NumberProp({ nullable: true, optional: true }) evaluation?: number | null;
  @NumberProp({ nullable: true, optional: true }) commitments?: number | null;
  @NumberProp({ nullable: true, optional: true }) formalisation?: number | null;
  @NumberProp({ nullable: true, optional: true }) reciprocity?: number | null;
  @NumberProp({ nullable: true, optional: true }) continuity?: number | null;
  @NumberProp({ nullable: true, optional: true }) satisfaction?: number | null;
}

export class HealthStepResponse {
  @InstantProp() asOf!: string;
  @IntProp({ minimum: 0, maximum: 100, nullable: true, description: 'null before the partnership was opened' }) score!: number | null;
  @EnumProp(HEALTH_STATUSES) status!: string;
  @IntProp({ nullable: true, description: 'score(asOf) − score(asOf − 90 days)' }) trend!: number | null;
  @NestedProp(() => HealthStepComponentsResponse) components!: HealthStepComponentsResponse;
}

/** GET /partnerships/:id/health/history (SPEC §3.7). */
export class HealthHistoryResponse {
  @IdProp() partnershipId!: string;
  @InstantProp({ description: 'the first step asked (a day: the end of that day in timeZone)' }) from!: string;
  @InstantProp({ description: 'the last step, itself a step' }) to!: string;
  @EnumProp(['week', 'month']) every!: string;
  @TextProp({ example: 'Europe/Amsterdam' }) timeZone!: string;
  @NestedProp(() => HealthStepResponse, { isArray: true, description: 'oldest first' }) steps!: HealthStepResponse[];
}

export class PartnershipRecurringCooperationResponse extends RecurringCooperationResponse {
  @InstantProp() asOf!: string;
  @IntProp({ minimum: 0, optional: true, description: 'the stream revision (also the ETag): send it as If-Match' }) revision?: number;
}

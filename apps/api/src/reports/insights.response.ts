import { ACTIVITY_KINDS, ORGANISATION_KINDS, ORGANISATION_SIZES, SCHOOL_LEVELS, SIDES } from '@crm/domain';
import { ApiProperty } from '@nestjs/swagger';
import {
  DEPARTED_RELATION_REASON_CODES,
  DEPARTURES_FIGURE_CODES,
  RECURRING_REASON_CODES,
  START_UP_REASON_CODES,
} from '@crm/read-models';
import { BoolProp, EnumProp, IdProp, InstantProp, IntProp, NestedProp, NumberProp, ReasonCodeProp, ReasonCodesProp, ReasonParamsProp, ShareProp, TextProp } from '../http/response-fields';

/** What the insight reports answer (SPEC §3.8). */

const reasons = () => ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'how each figure was counted, per figure' });

export class PartnerLoadRowResponse {
  @IdProp() partnerId!: string;
  @TextProp() partnerName!: string;
  @EnumProp(ORGANISATION_KINDS, { nullable: true }) kind!: string | null;
  @EnumProp(ORGANISATION_SIZES, { nullable: true }) size!: string | null;
  @TextProp({ nullable: true }) sector!: string | null;
  @IntProp({ minimum: 0, description: 'partnerships with this partner running at some moment of the last 365 days' }) partnerships!: number;
  @IntProp({ minimum: 0, description: 'distinct schools of those partnerships' }) schools!: number;
  @IntProp({ minimum: 0, description: 'distinct school people who took part in a touchpoint with this partner in the last 365 days' }) schoolPeople!: number;
  @IntProp({ minimum: 0, description: 'distinct people of the partner who took part in a touchpoint in the last 365 days' }) partnerPeople!: number;
  @IntProp({ minimum: 0 }) activities!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: `activities per kind (${ACTIVITY_KINDS.join(', ')})` })
  activitiesByKind!: Record<string, number>;
  @IntProp({ minimum: 0, description: 'the sum of the activities’ student counts' }) studentsPlaced!: number;
  @NumberProp({ minimum: 0, description: 'max(schools / expected schools, activities / expected activities) for the organisation’s size' }) load!: number;
  @BoolProp({ description: 'load at least the over-asked factor (README, "Partner load")' }) overAsked!: boolean;
  @TextProp() reason!: string;
  @ReasonCodeProp() reasonCode!: string;
  @ReasonParamsProp() reasonParams!: Record<string, string | number | boolean | null>;
}

export class PartnerLoadReportResponse {
  @InstantProp() asOf!: string;
  @InstantProp({ description: 'the window is (from, asOf]' }) from!: string;
  @IntProp({ minimum: 0, description: 'over-asked partners in the answer' }) overAsked!: number;
  @NestedProp(() => PartnerLoadRowResponse, { isArray: true }) items!: PartnerLoadRowResponse[];
}

/** A partnership named by its school and partner. */
class PartnershipNamesResponse {
  @IdProp() partnershipId!: string;
  @IdProp() schoolId!: string;
  @TextProp({ nullable: true }) schoolName!: string | null;
  @IdProp() partnerId!: string;
  @TextProp({ nullable: true }) partnerName!: string | null;
}

export class NewPrimaryResponse {
  @IdProp() personId!: string;
  @TextProp() name!: string;
  @InstantProp() since!: string;
}

export class DepartedRelationResponse extends PartnershipNamesResponse {
  @EnumProp(SIDES) side!: string;
  @IntProp({ minimum: 0, description: 'touchpoints in the 180 days up to the departure' }) touchpointsBefore!: number;
  @IntProp({ minimum: 0, description: 'touchpoints in the 180 days after the departure, as far as asOf reaches' }) touchpointsAfter!: number;
  @BoolProp() afterWindowComplete!: boolean;
  @BoolProp({ nullable: true }) activityFellByHalf!: boolean | null;
  @NestedProp(() => NewPrimaryResponse, { nullable: true }) newPrimary!: NewPrimaryResponse | null;
  @IntProp({ minimum: 0, nullable: true }) daysToNewPrimary!: number | null;
  @BoolProp() stillOpen!: boolean;
  @EnumProp(['warm', 'cold', 'none']) handover!: string;
  @TextProp() reason!: string;
  @ReasonCodeProp({ codes: DEPARTED_RELATION_REASON_CODES }) reasonCode!: string;
  @ReasonParamsProp() reasonParams!: Record<string, string | number | boolean | null>;
}

export class DepartureAftermathResponse {
  @IdProp() personId!: string;
  @TextProp() name!: string;
  @IdProp() organisationId!: string;
  @TextProp({ nullable: true }) organisationName!: string | null;
  @InstantProp() leftAt!: string;
  @NestedProp(() => DepartedRelationResponse, { isArray: true }) relations!: DepartedRelationResponse[];
}

export class DeparturesReportResponse {
  @InstantProp() asOf!: string;
  @InstantProp() from!: string;
  @InstantProp() to!: string;
  @IntProp({ minimum: 0 }) departures!: number;
  @IntProp({ minimum: 0 }) relations!: number;
  @NumberProp({ minimum: 0, nullable: true }) medianDaysToNewPrimary!: number | null;
  @IntProp({ minimum: 0 }) stillOpen!: number;
  @IntProp({ minimum: 0 }) warmHandovers!: number;
  @IntProp({ minimum: 0 }) coldHandovers!: number;
  @ShareProp('share of the relations (with touchpoints before and 180 days passed) whose touchpoints fell by half or more') activityFellByHalfShare!: number | null;
  @reasons() reasons!: Record<string, string>;
  @ReasonCodesProp(DEPARTURES_FIGURE_CODES) reasonCodes!: Record<string, string>;
  @ReasonParamsProp() reasonParams!: Record<string, string | number | boolean | null>;
  @NestedProp(() => DepartureAftermathResponse, { isArray: true }) items!: DepartureAftermathResponse[];
}

export class StartUpPaceResponse extends PartnershipNamesResponse {
  @EnumProp(SCHOOL_LEVELS, { isArray: true }) levels!: string[];
  @InstantProp() openedAt!: string;
  @InstantProp({ nullable: true }) firstActivityAt!: string | null;
  @IntProp({ minimum: 0, nullable: true }) daysToFirstActivity!: number | null;
  @InstantProp({ nullable: true }) firstAgreementAt!: string | null;
  @IntProp({ minimum: 0, nullable: true }) daysToFirstAgreement!: number | null;
  @IntProp({ minimum: 0 }) ageDays!: number;
  @TextProp() reason!: string;
  @ReasonCodeProp({ codes: START_UP_REASON_CODES.filter((code) => code !== 'start_up.medians') }) reasonCode!: string;
  @ReasonParamsProp() reasonParams!: Record<string, string | number | boolean | null>;
}

class StartUpGroupResponse {
  @IntProp({ minimum: 0 }) partnerships!: number;
  @IntProp({ minimum: 0 }) withFirstActivity!: number;
  @NumberProp({ minimum: 0, nullable: true }) medianDaysToFirstActivity!: number | null;
  @IntProp({ minimum: 0 }) withFirstAgreement!: number;
  @NumberProp({ minimum: 0, nullable: true }) medianDaysToFirstAgreement!: number | null;
  @TextProp() reason!: string;
  @ReasonCodeProp({ codes: ['start_up.medians'] }) reasonCode!: string;
  @ReasonParamsProp() reasonParams!: Record<string, string | number | boolean | null>;
}

export class StartUpLevelResponse extends StartUpGroupResponse {
  @EnumProp(SCHOOL_LEVELS) level!: string;
}

export class StartUpSchoolResponse extends StartUpGroupResponse {
  @IdProp() schoolId!: string;
  @TextProp({ nullable: true }) schoolName!: string | null;
}

export class StartUpReportResponse {
  @InstantProp() asOf!: string;
  @NestedProp(() => StartUpLevelResponse, { isArray: true }) byLevel!: StartUpLevelResponse[];
  @NestedProp(() => StartUpSchoolResponse, { isArray: true }) bySchool!: StartUpSchoolResponse[];
  @NestedProp(() => StartUpPaceResponse, { isArray: true }) items!: StartUpPaceResponse[];
}

export class ActivityKindYearsResponse {
  @EnumProp(ACTIVITY_KINDS) kind!: string;
  @ApiProperty({ type: 'string', isArray: true, example: ['2024-2025', '2025-2026'], description: 'school years, 1 August – 31 July' }) schoolYears!: string[];
}

export class RecurringCooperationResponse extends PartnershipNamesResponse {
  @EnumProp(SCHOOL_LEVELS, { isArray: true }) levels!: string[];
  @BoolProp() recurring!: boolean;
  @EnumProp(ACTIVITY_KINDS, { isArray: true }) recurringKinds!: string[];
  @EnumProp(ACTIVITY_KINDS, { isArray: true }) onceKinds!: string[];
  @NestedProp(() => ActivityKindYearsResponse, { isArray: true }) kinds!: ActivityKindYearsResponse[];
  @TextProp() reason!: string;
  @ReasonCodeProp({ codes: RECURRING_REASON_CODES }) reasonCode!: string;
  @ReasonParamsProp() reasonParams!: Record<string, string | number | boolean | null>;
}

export class RecurringCooperationReportResponse {
  @InstantProp() asOf!: string;
  @NestedProp(() => RecurringCooperationResponse, { isArray: true }) items!: RecurringCooperationResponse[];
}

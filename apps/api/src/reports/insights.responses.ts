import { ACTIVITY_KINDS, ORGANISATION_KINDS, ORGANISATION_SIZES, SCHOOL_LEVELS, SIDES } from '@crm/domain';
import { ApiProperty } from '@nestjs/swagger';

/** The response classes of the insight reports (SPEC §3.8), for the OpenAPI document. */

const uuid = { format: 'uuid' } as const;
const nullableInt = { type: 'integer', nullable: true } as const;
const nullableDate = { type: String, format: 'date-time', nullable: true } as const;
const share = { type: Number, nullable: true, minimum: 0, maximum: 1 } as const;

/** A partnership named by its school and partner. */
class PartnershipNamesDto {
  @ApiProperty(uuid) partnershipId!: string;
  @ApiProperty(uuid) schoolId!: string;
  @ApiProperty({ type: String, nullable: true }) schoolName!: string | null;
  @ApiProperty(uuid) partnerId!: string;
  @ApiProperty({ type: String, nullable: true }) partnerName!: string | null;
}

export class PartnerLoadRowDto {
  @ApiProperty(uuid) partnerId!: string;
  @ApiProperty() partnerName!: string;
  @ApiProperty({ enum: ORGANISATION_KINDS, nullable: true }) kind!: string | null;
  @ApiProperty({ enum: ORGANISATION_SIZES, nullable: true }) size!: string | null;
  @ApiProperty({ type: String, nullable: true }) sector!: string | null;
  @ApiProperty({ type: 'integer', description: 'partnerships with this partner running at some moment of the last 365 days' }) partnerships!: number;
  @ApiProperty({ type: 'integer', description: 'distinct schools of those partnerships' }) schools!: number;
  @ApiProperty({ type: 'integer', description: 'distinct school people who took part in a touchpoint with this partner in the last 365 days' }) schoolPeople!: number;
  @ApiProperty({ type: 'integer', description: 'distinct people of the partner who took part in a touchpoint in the last 365 days' }) partnerPeople!: number;
  @ApiProperty({ type: 'integer' }) activities!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: `count per activity kind (${ACTIVITY_KINDS.join(', ')})` })
  activitiesByKind!: Record<string, number>;
  @ApiProperty({ type: 'integer', description: 'sum of the activities’ student counts' }) studentsPlaced!: number;
  @ApiProperty({ description: 'max(schools / expected schools, activities / expected activities) for the organisation’s size' }) load!: number;
  @ApiProperty() overAsked!: boolean;
  @ApiProperty() reason!: string;
}

export class PartnerLoadReportDto {
  @ApiProperty({ format: 'date-time' }) asOf!: string;
  @ApiProperty({ format: 'date-time', description: 'the window is (from, asOf]' }) from!: string;
  @ApiProperty({ type: 'integer', description: 'over-asked partners in the answer' }) overAsked!: number;
  @ApiProperty({ type: [PartnerLoadRowDto] }) items!: PartnerLoadRowDto[];
}

class PersonRefDto {
  @ApiProperty(uuid) personId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'date-time' }) since!: string;
}

export class DepartedRelationDto extends PartnershipNamesDto {
  @ApiProperty({ enum: SIDES }) side!: string;
  @ApiProperty({ type: 'integer', description: 'touchpoints in the 180 days up to the departure' }) touchpointsBefore!: number;
  @ApiProperty({ type: 'integer', description: 'touchpoints in the 180 days after the departure, as far as asOf reaches' }) touchpointsAfter!: number;
  @ApiProperty() afterWindowComplete!: boolean;
  @ApiProperty({ type: Boolean, nullable: true }) activityFellByHalf!: boolean | null;
  @ApiProperty({ type: PersonRefDto, nullable: true }) newPrimary!: PersonRefDto | null;
  @ApiProperty(nullableInt) daysToNewPrimary!: number | null;
  @ApiProperty() stillOpen!: boolean;
  @ApiProperty({ enum: ['warm', 'cold', 'none'] }) handover!: string;
  @ApiProperty() reason!: string;
}

export class DepartureAftermathDto {
  @ApiProperty(uuid) personId!: string;
  @ApiProperty() name!: string;
  @ApiProperty(uuid) organisationId!: string;
  @ApiProperty({ type: String, nullable: true }) organisationName!: string | null;
  @ApiProperty({ format: 'date-time' }) leftAt!: string;
  @ApiProperty({ type: [DepartedRelationDto] }) relations!: DepartedRelationDto[];
}

export class DeparturesReportDto {
  @ApiProperty({ format: 'date-time' }) asOf!: string;
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ format: 'date-time' }) to!: string;
  @ApiProperty({ type: 'integer' }) departures!: number;
  @ApiProperty({ type: 'integer' }) relations!: number;
  @ApiProperty({ type: Number, nullable: true }) medianDaysToNewPrimary!: number | null;
  @ApiProperty({ type: 'integer' }) stillOpen!: number;
  @ApiProperty({ type: 'integer' }) warmHandovers!: number;
  @ApiProperty({ type: 'integer' }) coldHandovers!: number;
  @ApiProperty(share) activityFellByHalfShare!: number | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) reasons!: Record<string, string>;
  @ApiProperty({ type: [DepartureAftermathDto] }) items!: DepartureAftermathDto[];
}

export class StartUpPaceDto extends PartnershipNamesDto {
  @ApiProperty({ enum: SCHOOL_LEVELS, isArray: true }) levels!: string[];
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty(nullableDate) firstActivityAt!: string | null;
  @ApiProperty(nullableInt) daysToFirstActivity!: number | null;
  @ApiProperty(nullableDate) firstAgreementAt!: string | null;
  @ApiProperty(nullableInt) daysToFirstAgreement!: number | null;
  @ApiProperty({ type: 'integer' }) ageDays!: number;
  @ApiProperty() reason!: string;
}

class StartUpGroupDto {
  @ApiProperty({ type: 'integer' }) partnerships!: number;
  @ApiProperty({ type: 'integer' }) withFirstActivity!: number;
  @ApiProperty({ type: Number, nullable: true }) medianDaysToFirstActivity!: number | null;
  @ApiProperty({ type: 'integer' }) withFirstAgreement!: number;
  @ApiProperty({ type: Number, nullable: true }) medianDaysToFirstAgreement!: number | null;
  @ApiProperty() reason!: string;
}

export class StartUpLevelDto extends StartUpGroupDto {
  @ApiProperty({ enum: SCHOOL_LEVELS }) level!: string;
}

export class StartUpSchoolDto extends StartUpGroupDto {
  @ApiProperty(uuid) schoolId!: string;
  @ApiProperty({ type: String, nullable: true }) schoolName!: string | null;
}

export class StartUpReportDto {
  @ApiProperty({ format: 'date-time' }) asOf!: string;
  @ApiProperty({ type: [StartUpLevelDto] }) byLevel!: StartUpLevelDto[];
  @ApiProperty({ type: [StartUpSchoolDto] }) bySchool!: StartUpSchoolDto[];
  @ApiProperty({ type: [StartUpPaceDto] }) items!: StartUpPaceDto[];
}

class ActivityKindYearsDto {
  @ApiProperty({ enum: ACTIVITY_KINDS }) kind!: string;
  @ApiProperty({ type: [String], example: ['2024-2025', '2025-2026'] }) schoolYears!: string[];
}

export class RecurringCooperationDto extends PartnershipNamesDto {
  @ApiProperty({ enum: SCHOOL_LEVELS, isArray: true }) levels!: string[];
  @ApiProperty() recurring!: boolean;
  @ApiProperty({ enum: ACTIVITY_KINDS, isArray: true }) recurringKinds!: string[];
  @ApiProperty({ enum: ACTIVITY_KINDS, isArray: true }) onceKinds!: string[];
  @ApiProperty({ type: [ActivityKindYearsDto] }) kinds!: ActivityKindYearsDto[];
  @ApiProperty() reason!: string;
}

export class RecurringCooperationReportDto {
  @ApiProperty({ format: 'date-time' }) asOf!: string;
  @ApiProperty({ type: [RecurringCooperationDto] }) items!: RecurringCooperationDto[];
}

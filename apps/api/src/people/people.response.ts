import { PERSON_TIERS, SIDES } from '@crm/domain';
import { EXPOSURE_REASON_CODES, WORKLIST_ACTION_TYPES } from '@crm/read-models';
import { BoolProp, EnumProp, IdProp, InstantProp, IntProp, NestedProp, ReasonCodeProp, ReasonParamsProp, TextProp } from '../http/response-fields';

/** What the people queries answer (SPEC §3.3, §3.5, §3.6). */

export class RoleHeldResponse {
  @TextProp() role!: string;
  @EnumProp(PERSON_TIERS) tier!: string;
  @InstantProp({ nullable: true, description: 'from this date on; the registration’s role holds from joinedAt, or from the start (null: unknown)' })
  from!: string | null;
}

export class PersonResponse {
  @IdProp() personId!: string;
  @IdProp() organisationId!: string;
  @TextProp({ nullable: true }) organisationName!: string | null;
  @TextProp({ description: '`[erased]` after an erasure' }) name!: string;
  @TextProp({ optional: true, format: 'email', description: 'left out after an erasure' } as object) email?: string;
  @TextProp({ optional: true, description: 'left out after an erasure' }) phone?: string;
  @TextProp({ description: 'the role held at asOf' }) role!: string;
  @EnumProp(PERSON_TIERS, { description: 'the tier at asOf' }) tier!: string;
  @NestedProp(() => RoleHeldResponse, { isArray: true }) roleHistory!: RoleHeldResponse[];
  @InstantProp({ nullable: true, description: 'since when the person works there; null: unknown (a member from the start)' }) joinedAt!: string | null;
  @InstantProp() registeredAt!: string;
  @InstantProp({ optional: true, description: 'when they left the organisation' }) leftAt?: string;
  @BoolProp({ description: 'a member of the organisation at asOf: joined by then (or at an unknown date) and not left' }) inOrganisation!: boolean;
  @BoolProp() erased!: boolean;
  @IntProp({ minimum: 0, optional: true, description: 'the stream revision (also the ETag): send it as If-Match' }) revision?: number;
}

export class PersonDetailResponse extends PersonResponse {
  @InstantProp() asOf!: string;
}

export class PeopleListResponse {
  @InstantProp() asOf!: string;
  @NestedProp(() => PersonResponse, { isArray: true }) items!: PersonResponse[];
  @TextProp({ nullable: true }) nextCursor!: string | null;
}

/** An organisation by id and name. */
export class OrganisationRefResponse {
  @IdProp() organisationId!: string;
  @TextProp({ nullable: true }) name!: string | null;
}

export class ExposureEntryResponse {
  @IdProp() partnershipId!: string;
  @NestedProp(() => OrganisationRefResponse, { description: 'the partnership’s school' }) school!: OrganisationRefResponse;
  @NestedProp(() => OrganisationRefResponse, { description: 'the partnership’s partner' }) partner!: OrganisationRefResponse;
  @EnumProp(SIDES) side!: string;
  @TextProp() reason!: string;
  @ReasonCodeProp({ codes: EXPOSURE_REASON_CODES }) reasonCode!: string;
  @ReasonParamsProp() reasonParams!: Record<string, string | number | boolean | null>;
}

export class DepartureImpactResponse extends ExposureEntryResponse {
  @EnumProp(['orphaned', 'high_risk']) becomes!: string;
}

export class PersonExposureResponse {
  @IdProp() personId!: string;
  @TextProp({ description: '`[erased]` after an erasure' }) name!: string;
  @InstantProp() asOf!: string;
  @NestedProp(() => ExposureEntryResponse, { isArray: true, description: 'partnerships where the person is primary' }) primaryOf!: ExposureEntryResponse[];
  @NestedProp(() => ExposureEntryResponse, { isArray: true, description: 'where they are the only active person of their side' }) onlyActivePersonIn!: ExposureEntryResponse[];
  @NestedProp(() => DepartureImpactResponse, { isArray: true, description: 'what would become orphaned or high-risk if they left today' }) departureImpact!: DepartureImpactResponse[];
}

export class ConcernedPersonResponse {
  @IdProp() personId!: string;
  @TextProp({ description: '`[erased]` after an erasure' }) name!: string;
  @EnumProp(SIDES, { nullable: true }) side!: string | null;
}

export class WorklistItemResponse {
  @EnumProp(WORKLIST_ACTION_TYPES) type!: string;
  @IdProp() partnershipId!: string;
  @NestedProp(() => OrganisationRefResponse, { description: 'the partnership’s school' }) school!: OrganisationRefResponse;
  @NestedProp(() => OrganisationRefResponse, { description: 'the partnership’s partner' }) partner!: OrganisationRefResponse;
  @NestedProp(() => ConcernedPersonResponse, { isArray: true, description: 'the people the action is about' }) concerns!: ConcernedPersonResponse[];
  @TextProp({ description: 'what makes the item go away' }) clearedBy!: string;
  @InstantProp() dueAt!: string;
  @BoolProp({ description: 'dueAt lies before asOf' }) overdue!: boolean;
  @TextProp() reason!: string;
  @ReasonCodeProp() reasonCode!: string;
  @ReasonParamsProp() reasonParams!: Record<string, string | number | boolean | null>;
  @IdProp({ optional: true }) commitmentId?: string;
  @IdProp({ optional: true }) agreementId?: string;
}

export class WorklistResponse {
  @IdProp() personId!: string;
  @TextProp({ description: 'the person’s name; `[erased]` after an erasure' }) name!: string;
  @InstantProp() asOf!: string;
  @InstantProp({ nullable: true, description: 'only actions due before this instant, when asked' }) dueBefore!: string | null;
  @NestedProp(() => WorklistItemResponse, { isArray: true, description: 'most urgent first' }) items!: WorklistItemResponse[];
}

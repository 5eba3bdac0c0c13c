import { PERSON_TIERS, SIDES } from '@crm/domain';
import { WORKLIST_ACTION_TYPES } from '@crm/read-models';
import { BoolProp, EnumProp, IdProp, InstantProp, IntProp, NestedProp, TextProp } from '../http/response-fields';

/** What the people queries answer (SPEC §3.3, §3.5, §3.6). */

export class RoleHeldResponse {
  @TextProp() role!: string;
  @EnumProp(PERSON_TIERS) tier!: string;
  @InstantProp({ description: 'from this date on; the registration’s role holds from the start (1970-01-01)' }) from!: string;
}

export class PersonResponse {
  @IdProp() personId!: string;
  @IdProp() organisationId!: string;
  @TextProp({ nullable: true }) organisationName!: string | null;
  @TextProp({ description: '`[erased]` after an erasure' }) name!: string;
  @TextProp({ optional: true, format: 'email', description: 'left out after an erasure' } as object) email?: string;
  @TextProp({ optional: true, description: 'left out after an erasure' }) phone?: string;
  @TextProp() role!: string;
  @EnumProp(PERSON_TIERS) tier!: string;
  @NestedProp(() => RoleHeldResponse, { isArray: true }) roleHistory!: RoleHeldResponse[];
  @InstantProp() registeredAt!: string;
  @InstantProp({ optional: true, description: 'when they left the organisation' }) leftAt?: string;
  @BoolProp({ description: 'still at the organisation at asOf' }) inOrganisation!: boolean;
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

export class ExposureEntryResponse {
  @IdProp() partnershipId!: string;
  @EnumProp(SIDES) side!: string;
  @TextProp() reason!: string;
}

export class DepartureImpactResponse extends ExposureEntryResponse {
  @EnumProp(['orphaned', 'high_risk']) becomes!: string;
}

export class PersonExposureResponse {
  @IdProp() personId!: string;
  @InstantProp() asOf!: string;
  @NestedProp(() => ExposureEntryResponse, { isArray: true, description: 'partnerships where the person is primary' }) primaryOf!: ExposureEntryResponse[];
  @NestedProp(() => ExposureEntryResponse, { isArray: true, description: 'where they are the only active person of their side' }) onlyActivePersonIn!: ExposureEntryResponse[];
  @NestedProp(() => DepartureImpactResponse, { isArray: true, description: 'what would become orphaned or high-risk if they left today' }) departureImpact!: DepartureImpactResponse[];
}

export class WorklistItemResponse {
  @EnumProp(WORKLIST_ACTION_TYPES) type!: string;
  @IdProp() partnershipId!: string;
  @InstantProp() dueAt!: string;
  @BoolProp({ description: 'dueAt lies before asOf' }) overdue!: boolean;
  @TextProp() reason!: string;
  @IdProp({ optional: true }) commitmentId?: string;
  @IdProp({ optional: true }) agreementId?: string;
}

export class WorklistResponse {
  @IdProp() personId!: string;
  @InstantProp() asOf!: string;
  @NestedProp(() => WorklistItemResponse, { isArray: true, description: 'most urgent first' }) items!: WorklistItemResponse[];
}

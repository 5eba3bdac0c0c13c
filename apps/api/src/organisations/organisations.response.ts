import { ORGANISATION_KINDS, ORGANISATION_SIZES, SCHOOL_LEVELS } from '@crm/domain';
import { EnumProp, IdProp, InstantProp, IntProp, NestedProp, TextProp } from '../http/response-fields';

/** What the organisation queries answer (SPEC §3.6). */

export class OrganisationResponse {
  @IdProp() organisationId!: string;
  @TextProp() name!: string;
  @EnumProp(ORGANISATION_KINDS) kind!: string;
  @EnumProp(SCHOOL_LEVELS, { isArray: true, description: 'schools only' }) levels!: string[];
  @TextProp({ optional: true }) sector?: string;
  @TextProp({ optional: true }) region?: string;
  @EnumProp(ORGANISATION_SIZES, { optional: true }) size?: string;
  @TextProp({ optional: true, description: 'KvK number, 8 digits' }) kvk?: string;
  @TextProp({ optional: true, description: 'BRIN code of a school, 4 characters' }) brin?: string;
  @InstantProp() registeredAt!: string;
  @IntProp({ minimum: 0, optional: true, description: 'the stream revision (also the ETag): send it as If-Match' }) revision?: number;
}

export class PartnershipCountsResponse {
  @IntProp({ minimum: 0, description: 'opened by asOf' }) total!: number;
  @IntProp({ minimum: 0, description: 'opened and not ended at asOf' }) running!: number;
}

export class PeopleCountsResponse {
  @IntProp({ minimum: 0 }) total!: number;
  @IntProp({ minimum: 0, description: 'not left at asOf' }) current!: number;
}

export class OrganisationDetailResponse extends OrganisationResponse {
  @InstantProp() asOf!: string;
  @NestedProp(() => PartnershipCountsResponse) partnerships!: PartnershipCountsResponse;
  @NestedProp(() => PeopleCountsResponse) people!: PeopleCountsResponse;
}

export class OrganisationListResponse {
  @InstantProp() asOf!: string;
  @NestedProp(() => OrganisationResponse, { isArray: true }) items!: OrganisationResponse[];
  @TextProp({ nullable: true }) nextCursor!: string | null;
}

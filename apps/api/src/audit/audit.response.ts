import { IdProp, InstantProp, IntProp, NestedProp, TextProp } from '../http/response-fields';

export class AuditPersonResponse {
  @IdProp() personId!: string;
  @TextProp({ description: '`[erased]` after an erasure, `[unknown]` when no such person is known' }) name!: string;
}

export class AuditOrganisationResponse {
  @IdProp() organisationId!: string;
  @TextProp({ nullable: true }) name!: string | null;
}

export class AuditPartnershipResponse {
  @IdProp() partnershipId!: string;
  @NestedProp(() => AuditOrganisationResponse) school!: AuditOrganisationResponse;
  @NestedProp(() => AuditOrganisationResponse) partner!: AuditOrganisationResponse;
}

export class AuditEntryResponse {
  @IntProp({ minimum: 1, description: 'the event’s global position in the log' }) position!: number;
  @TextProp({ example: 'InteractionRecorded' }) type!: string;
  @InstantProp() recordedAt!: string;
  @TextProp({ description: 'the `sub` of the login that recorded it' }) recordedBy!: string;
  @IdProp({ nullable: true, description: 'the person that login is (token claim or linked login); null when unknown' })
  recordedByPersonId!: string | null;
  @TextProp({ nullable: true, description: 'their name (`[erased]` after an erasure); null when unknown' }) recordedByName!: string | null;
  @TextProp({ description: 'the request (or the client’s X-Correlation-Id) the event was recorded in' }) correlationId!: string;
  @TextProp({ description: 'what caused it: the request, or the event it follows from' }) causationId!: string;
  @IdProp({ nullable: true, description: 'the partnership the event belongs to' }) partnershipId!: string | null;
  @NestedProp(() => AuditPartnershipResponse, { nullable: true, description: 'that partnership, named by its school and partner' })
  partnership!: AuditPartnershipResponse | null;
  @NestedProp(() => AuditPersonResponse, { isArray: true, description: 'the people the event is about, with their names (never other personal data)' })
  people!: AuditPersonResponse[];
  @NestedProp(() => AuditOrganisationResponse, { isArray: true, description: 'the organisations the event is about' })
  organisations!: AuditOrganisationResponse[];
}

export class AuditResponse {
  @InstantProp({ description: 'nothing recorded after this is listed' }) asOf!: string;
  @InstantProp({ nullable: true, description: 'the period’s start, as an instant' }) from!: string | null;
  @InstantProp({ description: 'the period’s end, as an instant (the earlier of `to` and asOf)' }) to!: string;
  @NestedProp(() => AuditEntryResponse, { isArray: true, description: 'newest first' }) items!: AuditEntryResponse[];
  @TextProp({ nullable: true }) nextCursor!: string | null;
}

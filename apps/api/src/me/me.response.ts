import { ORGANISATION_KINDS, PERSON_TIERS } from '@crm/domain';
import { ROLES } from '../auth/access-matrix';
import { EnumProp, IdListProp, IdProp, InstantProp, NestedProp, ReasonParamsProp, TextProp } from '../http/response-fields';
import { SCOPE_MESSAGE_CODES } from './scope-message';

/** GET /me: who the caller is (SPEC §4, §6 R2). */

export class MePersonResponse {
  @IdProp() id!: string;
  @TextProp({ description: '`[erased]` after an erasure' }) name!: string;
  @TextProp({ description: 'the role held at asOf' }) role!: string;
  @EnumProp(PERSON_TIERS) tier!: string;
}

export class MeOrganisationResponse {
  @IdProp() id!: string;
  @TextProp() name!: string;
  @EnumProp(ORGANISATION_KINDS) kind!: string;
}

export class MeScopeResponse {
  @EnumProp(['all', 'schools', 'none'], { description: '`all`: every school (admin, region); `schools`: the partnerships of `schoolIds` only; `none`: nothing scoped (SPEC §6 R2)' })
  kind!: string;
  @IdListProp({ description: 'the schools whose partnerships the login sees (empty for `all` and `none`)' }) schoolIds!: string[];
  @TextProp({ description: 'what the login sees, and why, in words' }) message!: string;
  @EnumProp(SCOPE_MESSAGE_CODES, { description: 'the message’s stable code; the English text may be reworded, the code is not' }) messageCode!: string;
  @ReasonParamsProp({ example: { organisation: 'Het Baken College' }, description: 'what the message names: `organisation`, the login’s own organisation (null when linked to nobody)' })
  messageParams!: Record<string, string | null>;
}

export class MeResponse {
  @TextProp({ description: 'the token’s `sub`: recorded as recordedBy on what the caller records' }) sub!: string;
  @EnumProp(ROLES, { isArray: true }) roles!: string[];
  @InstantProp() asOf!: string;
  @NestedProp(() => MePersonResponse, { nullable: true, description: 'the person the login is (token claim or linked by an admin); null when linked to nobody' })
  person!: MePersonResponse | null;
  @NestedProp(() => MeOrganisationResponse, { nullable: true, description: 'the person’s organisation' }) organisation!: MeOrganisationResponse | null;
  @NestedProp(() => MeScopeResponse, { description: 'whose records the login sees and acts on' }) scope!: MeScopeResponse;
}

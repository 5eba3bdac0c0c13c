import { Injectable } from '@nestjs/common';
import { displayName, roleAt } from '@crm/read-models';
import { AuthenticatedUser } from '../auth/token-verifier';
import { ReadModels } from '../read-side/read-models.service';
import { EVERY_SCHOOL, Scope } from '../scope/scope';
import { Callers } from './callers';
import { scopeMessage } from './scope-message';

/** GET /me: who the caller is — token, person and organisation (SPEC §4, §6 R2). */
@Injectable()
export class MeService {
  constructor(
    private readonly readModels: ReadModels,
    private readonly callers: Callers,
  ) {}

  async me(user: AuthenticatedUser, scope: Scope, asOf: string) {
    const person = await this.callers.personOf(user);
    // The caller's own organisation, whether or not it is a school the scope covers.
    const organisation = person && (await this.readModels.organisation(EVERY_SCHOOL, person.organisationId));
    const held = person && roleAt(person, asOf);
    const message = scopeMessage(scope, organisation?.name ?? null);
    return {
      sub: user.sub,
      roles: user.roles,
      asOf,
      person: person && held ? { id: person.personId, name: displayName(person), role: held.role, tier: held.tier } : null,
      organisation: organisation ? { id: organisation.organisationId, name: organisation.name, kind: organisation.kind } : null,
      scope: scope.all
        ? { kind: 'all', schoolIds: [], ...message }
        : { kind: scope.schoolIds.length > 0 ? 'schools' : 'none', schoolIds: [...scope.schoolIds], ...message },
    };
  }
}

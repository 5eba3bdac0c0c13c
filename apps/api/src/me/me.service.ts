import { Injectable } from '@nestjs/common';
import { displayName, roleAt } from '@crm/read-models';
import { AuthenticatedUser } from '../auth/token-verifier';
import { ReadModels } from '../read-side/read-models.service';
import { RequestScope } from '../scope/request-scope';
import { EVERY_SCHOOL } from '../scope/scope';
import { Callers } from './callers';

const SCOPE_MESSAGES = {
  own_school: 'this login sees the partnerships of its own school, and the organisations and people they involve',
  login_not_linked:
    'this login is linked to no person, so it sees no partnerships, organisations or people: have an admin link it to a person (POST /api/logins), or use a token with a person claim',
  person_not_at_a_school: 'this login’s person does not work at a school, so it sees no partnerships, organisations or people',
} as const;

/** GET /me: who the caller is — token, person and organisation (SPEC §4, §6 R2). */
@Injectable()
export class MeService {
  constructor(
    private readonly readModels: ReadModels,
    private readonly callers: Callers,
  ) {}

  async me(user: AuthenticatedUser, asOf: string) {
    const person = await this.callers.personOf(user);
    // The caller's own organisation, whether or not it is a school the scope covers.
    const organisation = person && (await this.readModels.organisation(person.organisationId, EVERY_SCHOOL));
    const held = person && roleAt(person, asOf);
    const scope = RequestScope.current();
    return {
      sub: user.sub,
      roles: user.roles,
      asOf,
      person: person && held ? { id: person.personId, name: displayName(person), role: held.role, tier: held.tier } : null,
      organisation: organisation ? { id: organisation.organisationId, name: organisation.name, kind: organisation.kind } : null,
      scope: scope.all
        ? { kind: 'all', schoolIds: [], message: 'this login sees the records of every school' }
        : { kind: scope.schoolIds.length > 0 ? 'schools' : 'none', schoolIds: [...scope.schoolIds], message: SCOPE_MESSAGES[scope.reason] },
    };
  }
}

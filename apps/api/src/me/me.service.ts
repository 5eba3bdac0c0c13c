import { Injectable } from '@nestjs/common';
import { displayName, roleAt } from '@crm/read-models';
import { AuthenticatedUser } from '../auth/token-verifier';
import { ReadModels } from '../read-side/read-models.service';
import { Callers } from './callers';

/** GET /me: who the caller is — token, person and organisation (SPEC §4, §6 R2). */
@Injectable()
export class MeService {
  constructor(
    private readonly readModels: ReadModels,
    private readonly callers: Callers,
  ) {}

  async me(user: AuthenticatedUser, asOf: string) {
    const person = await this.callers.personOf(user);
    const organisation = person && (await this.readModels.organisation(person.organisationId));
    const held = person && roleAt(person, asOf);
    return {
      sub: user.sub,
      roles: user.roles,
      asOf,
      person: person && held ? { id: person.personId, name: displayName(person), role: held.role, tier: held.tier } : null,
      organisation: organisation ? { id: organisation.organisationId, name: organisation.name, kind: organisation.kind } : null,
    };
  }
}

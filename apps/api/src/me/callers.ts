import { Injectable } from '@nestjs/common';
import { notFound } from '@crm/domain';
import { PersonFacts } from '@crm/read-models';
import { AuthenticatedUser } from '../auth/token-verifier';
import { ReadModels } from '../read-side/read-models.service';
import { EVERY_SCHOOL } from '../scope/scope';

/**
 * Which person a login is (SPEC §6 R2): the token's person claim, else the person an admin linked its `sub` to
 * (LoginLinked, one lookup by id in the logins read model). What every read is scoped by (scope/scopes.ts).
 */
@Injectable()
export class Callers {
  constructor(private readonly readModels: ReadModels) {}

  async personIdOf(user: AuthenticatedUser): Promise<string | undefined> {
    return user.personId ?? (await this.readModels.login(user.sub))?.personId;
  }

  /**
   * The caller's person and, through it, organisation (the scope of a connector, manager or reporting login): at most
   * two lookups by id. Undefined when the login is linked to nobody, or to a person the read models do not know.
   */
  async personOf(user: AuthenticatedUser): Promise<PersonFacts | undefined> {
    const personId = await this.personIdOf(user);
    // Who the caller is comes before (and decides) what the caller may see.
    return personId === undefined ? undefined : this.readModels.person(EVERY_SCHOOL, personId);
  }

  /** The caller's person id, or 404 `login_not_linked` when the login is linked to nobody. */
  async requirePersonId(user: AuthenticatedUser, what: string): Promise<string> {
    const personId = await this.personIdOf(user);
    if (personId === undefined) {
      throw notFound(
        'login_not_linked',
        `this login (${user.sub}) is linked to no person, so it has no ${what} of its own: name a personId, or have an admin link the login to a person (POST /api/logins)`,
      );
    }
    return personId;
  }
}

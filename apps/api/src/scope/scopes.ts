import { Injectable } from '@nestjs/common';
import { AuthenticatedUser } from '../auth/token-verifier';
import { Callers } from '../me/callers';
import { ReadModels } from '../read-side/read-models.service';
import { CROSS_SCHOOL_ROLES, EVERY_SCHOOL, schoolsScope, Scope } from './scope';

/**
 * The one place a login's scope is decided (SPEC §6 R2): `admin` and `region` see every school; any other role sees
 * the school of the person the login is (token claim or linked login). A login linked to nobody, or to a person
 * outside a school, sees nothing scoped. At most three lookups by id.
 */
@Injectable()
export class Scopes {
  constructor(
    private readonly callers: Callers,
    private readonly readModels: ReadModels,
  ) {}

  async of(user: AuthenticatedUser): Promise<Scope> {
    if (user.roles.some((role) => CROSS_SCHOOL_ROLES.includes(role))) return EVERY_SCHOOL;
    const person = await this.callers.personOf(user);
    if (!person) return schoolsScope([], 'login_not_linked');
    const organisation = await this.readModels.organisation(EVERY_SCHOOL, person.organisationId);
    if (organisation?.kind !== 'school') return schoolsScope([], 'person_not_at_a_school');
    return schoolsScope([organisation.organisationId], 'own_school');
  }
}

import { Injectable } from '@nestjs/common';
import { notFound, PartnershipCommand, partnershipDecider, PersonCommand, personDecider, streamOf } from '@crm/domain';
import { ReadModels } from '../read-side/read-models.service';
import { AggregateRepository } from '../write-side/aggregate-repository';
import { Scope, seesSchool } from './scope';

/**
 * Commands obey the caller's scope as reads do (SPEC §6 R2): a record outside it is refused as if it did not exist,
 * before anything else about the command is checked (If-Match, rules), so the answer tells nothing about it. Whom a
 * command may name inside the partnership (people of its school or partner only) is the domain's rule (422).
 */
@Injectable()
export class CommandScope {
  constructor(
    private readonly repository: AggregateRepository,
    private readonly readModels: ReadModels,
  ) {}

  /** A partnership command: the partnership, or for an opening the school, is in the caller's scope. */
  async partnership(command: PartnershipCommand, scope: Scope): Promise<void> {
    if (scope.all) return;
    if (command.type === 'OpenPartnership') {
      if (!seesSchool(scope, command.schoolId)) throw organisationNotFound(command.schoolId);
      return;
    }
    const { state } = await this.repository.load(streamOf.partnership(command.partnershipId), partnershipDecider);
    if (state.exists && !seesSchool(scope, state.schoolId)) {
      throw notFound('partnership_not_found', `partnership ${command.partnershipId} does not exist`);
    }
  }

  /** A person command: registering needs an organisation in the scope; any other, a person of one. */
  async person(command: PersonCommand, scope: Scope): Promise<void> {
    if (scope.all) return;
    if (command.type === 'RegisterPerson') {
      if (!(await this.readModels.organisation(scope, command.organisationId))) throw organisationNotFound(command.organisationId);
      return;
    }
    const { state } = await this.repository.load(streamOf.person(command.personId), personDecider);
    if (state.exists && !(await this.readModels.organisation(scope, state.organisationId))) {
      throw notFound('person_not_found', `person ${command.personId} does not exist`);
    }
  }
}

const organisationNotFound = (organisationId: string) => notFound('organisation_not_found', `organisation ${organisationId} does not exist`);

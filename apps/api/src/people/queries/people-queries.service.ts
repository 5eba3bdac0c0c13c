import { Injectable } from '@nestjs/common';
import { notFound } from '@crm/domain';
import { displayName, memberAt, personExposure, PersonFacts, roleAt, worklist } from '@crm/read-models';
import { allWordsIn, Filter } from '@crm/read-store';
import { decodeCursor, DEFAULT_PAGE_SIZE, paginate } from '../../http/pagination';
import { withPartnershipNames } from '../../read-side/partnership-names';
import { ReadModels } from '../../read-side/read-models.service';
import { Scope } from '../../scope/scope';
import { ListPeopleQueryDto } from './list-people.query.dto';


/**
 * A person as the API shows them, as of asOf (SPEC §3.6 R2): the role and tier held then, and whether they were a
 * member then. Personal data is already `[erased]` in the projection after an erasure.
 */
function personView(person: PersonFacts, organisationName: string | null, asOf: string) {
  const { _id, position: _position, searchKeys: _searchKeys, roleHistory, ...rest } = person;
  const { role, tier } = roleAt(person, asOf);
  return { ...rest, role, tier, joinedAt: person.joinedAt ?? null, organisationName, inOrganisation: memberAt(person, asOf), roleHistory };
}

@Injectable()
export class PeopleQueries {
  constructor(private readonly readModels: ReadModels) {}

  private async person(scope: Scope, personId: string): Promise<PersonFacts> {
    const person = await this.readModels.person(scope, personId);
    if (!person) throw notFound('person_not_found', `person ${personId} does not exist`);
    return person;
  }

  async get(scope: Scope, personId: string, asOf: string) {
    const person = await this.person(scope, personId);
    const organisation = await this.readModels.organisation(scope, person.organisationId);
    return { ...personView(person, organisation?.name ?? null, asOf), asOf };
  }

  async list(scope: Scope, query: ListPeopleQueryDto, asOf: string, all: boolean) {
    const sort = query.sort ?? 'name';
    const cursor = decodeCursor(query.cursor, sort);
    const at = cursor?.asOf ?? asOf;
    const filter: Filter = {};
    if (query.organisation) filter.organisationId = query.organisation;
    if (query.tier) filter.tier = query.tier;
    const words = query.text ? allWordsIn('searchKeys', query.text) : undefined;
    if (words) Object.assign(filter, words);
    let people = await this.readModels.people(scope, filter);
    if (query.left) people = people.filter((person) => memberAt(person, at) === (query.left === 'false'));
    const organisations = await this.readModels.organisationsById(scope, people.map((p) => p.organisationId));
    const rows = people.map((person) => personView(person, organisations.get(person.organisationId)?.name ?? null, at));
    const page = paginate(rows, {
      sort,
      cursor,
      asOf: at,
      limit: all ? Number.MAX_SAFE_INTEGER : (query.limit ?? DEFAULT_PAGE_SIZE),
      idOf: (row) => row.personId,
      valueOf: (row, field) => (field === 'registeredAt' ? row.registeredAt : row.name.toLowerCase()),
    });
    return { asOf: at, ...page };
  }

  /** The partnerships of the person's organisation: the only ones the person can be a contact or participant of. */
  private async partnershipsOf(scope: Scope, person: PersonFacts) {
    // Two equality filters rather than one $or: each is answered from an index.
    const [asSchool, asPartner] = await Promise.all([
      this.readModels.partnerships(scope, { schoolId: person.organisationId }),
      this.readModels.partnerships(scope, { partnerId: person.organisationId }),
    ]);
    // In id order: what the formulas list follows it, the same whichever way the read models were built.
    const partnerships = [...asSchool, ...asPartner.filter((facts) => facts.schoolId !== person.organisationId)].sort((a, b) =>
      a.partnershipId < b.partnershipId ? -1 : a.partnershipId > b.partnershipId ? 1 : 0,
    );
    const [people, organisations] = await Promise.all([
      this.readModels.peopleOf(scope, partnerships),
      this.readModels.organisationsById(scope, partnerships.flatMap((facts) => [facts.schoolId, facts.partnerId])),
    ]);
    return { partnerships, people, organisations };
  }

  /** SPEC §3.3 per person, each partnership named by its school and partner. */
  async exposure(scope: Scope, personId: string, asOf: string) {
    const person = await this.person(scope, personId);
    const { partnerships, people, organisations } = await this.partnershipsOf(scope, person);
    const exposure = personExposure(personId, partnerships, people, asOf);
    const named = <T extends { partnershipId: string }>(items: T[]) => withPartnershipNames(items, partnerships, organisations);
    return {
      ...exposure,
      name: displayName(person),
      primaryOf: named(exposure.primaryOf),
      onlyActivePersonIn: named(exposure.onlyActivePersonIn),
      departureImpact: named(exposure.departureImpact),
    };
  }

  /** SPEC §3.5 for one person, each item naming its partnership's school and partner. */
  async worklist(scope: Scope, personId: string, asOf: string, dueBefore?: string) {
    const person = await this.person(scope, personId);
    const { partnerships, people, organisations } = await this.partnershipsOf(scope, person);
    const list = worklist(personId, partnerships, people, asOf, { dueBefore });
    return { ...list, name: displayName(person), items: withPartnershipNames(list.items, partnerships, organisations) };
  }
}

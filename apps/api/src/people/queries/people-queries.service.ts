import { Injectable } from '@nestjs/common';
import { notFound } from '@crm/domain';
import { inOrganisationAt, personExposure, PersonFacts, worklist } from '@crm/read-models';
import { containing, Filter } from '@crm/read-store';
import { decodeCursor, DEFAULT_PAGE_SIZE, paginate } from '../../http/pagination';
import { ReadModels } from '../../read-side/read-models.service';
import { ListPeopleQueryDto } from './list-people.query.dto';


/** A person as the API shows them: personal data is already `[erased]` in the projection after an erasure. */
function personView(person: PersonFacts, organisationName: string | null, asOf: string) {
  const { _id, position: _position, roleHistory, ...rest } = person;
  return { ...rest, organisationName, inOrganisation: inOrganisationAt(person, asOf), roleHistory };
}

@Injectable()
export class PeopleQueries {
  constructor(private readonly readModels: ReadModels) {}

  private async person(personId: string): Promise<PersonFacts> {
    const person = await this.readModels.person(personId);
    if (!person) throw notFound('person_not_found', `person ${personId} does not exist`);
    return person;
  }

  async get(personId: string, asOf: string) {
    const person = await this.person(personId);
    const organisation = await this.readModels.organisation(person.organisationId);
    return { ...personView(person, organisation?.name ?? null, asOf), asOf };
  }

  async list(query: ListPeopleQueryDto, asOf: string, all: boolean) {
    const sort = query.sort ?? 'name';
    const cursor = decodeCursor(query.cursor, sort);
    const at = cursor?.asOf ?? asOf;
    const filter: Filter = {};
    if (query.organisation) filter.organisationId = query.organisation;
    if (query.tier) filter.tier = query.tier;
    if (query.text?.trim()) {
      const pattern = containing(query.text);
      filter.$or = [{ name: pattern }, { role: pattern }];
    }
    let people = await this.readModels.people(filter);
    if (query.left) people = people.filter((person) => inOrganisationAt(person, at) === (query.left === 'false'));
    const organisations = await this.readModels.organisationsById(people.map((p) => p.organisationId));
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
  private async partnershipsOf(person: PersonFacts) {
    // Two equality filters rather than one $or: each is answered from an index.
    const [asSchool, asPartner] = await Promise.all([
      this.readModels.partnerships({ schoolId: person.organisationId }),
      this.readModels.partnerships({ partnerId: person.organisationId }),
    ]);
    // In id order: what the formulas list follows it, the same whichever way the read models were built.
    const partnerships = [...asSchool, ...asPartner.filter((facts) => facts.schoolId !== person.organisationId)].sort((a, b) =>
      a.partnershipId < b.partnershipId ? -1 : a.partnershipId > b.partnershipId ? 1 : 0,
    );
    return { partnerships, people: await this.readModels.peopleOf(partnerships) };
  }

  async exposure(personId: string, asOf: string) {
    const person = await this.person(personId);
    const { partnerships, people } = await this.partnershipsOf(person);
    return personExposure(personId, partnerships, people, asOf);
  }

  async worklist(personId: string, asOf: string) {
    const person = await this.person(personId);
    const { partnerships, people } = await this.partnershipsOf(person);
    return worklist(personId, partnerships, people, asOf);
  }
}

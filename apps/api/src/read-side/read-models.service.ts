import { Inject, Injectable } from '@nestjs/common';
import { AuditEntry, LoginFacts, OrganisationFacts, PartnershipFacts, PeopleLookup, PersonFacts, PROJECTIONS, ProjectionsView } from '@crm/read-models';
import { Filter, FindOptions, READ_STORE, ReadStore } from '@crm/read-store';
import { plainFilter } from '../http/query-guard';

/**
 * The ids of the people a partnership's facts name (contacts, participants, owners), each once. Stored facts are
 * not changed once read (the embedded store hands out frozen documents and a write stores a new one), so the ids
 * are collected once per document rather than from every touchpoint on every read.
 */
const namedPeople = new WeakMap<PartnershipFacts, string[]>();
function peopleNamedIn(facts: PartnershipFacts): string[] {
  let ids = namedPeople.get(facts);
  if (!ids) {
    const named = new Set<string>();
    for (const contact of facts.contacts) named.add(contact.personId);
    for (const touchpoint of facts.touchpoints) for (const id of touchpoint.participantIds) named.add(id);
    for (const commitment of facts.commitments) if (commitment.ownerId) named.add(commitment.ownerId);
    ids = [...named];
    namedPeople.set(facts, ids);
  }
  return ids;
}

/**
 * Reads the stored facts of the live projections. Figures are computed from them by the formulas in @crm/read-models.
 * Every filter passes `plainFilter` on its way to the store: no operator beyond those the query services use.
 */
@Injectable()
export class ReadModels {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(PROJECTIONS) private readonly engine: ProjectionsView,
  ) {}

  partnership(id: string): Promise<PartnershipFacts | undefined> {
    return this.store.get<PartnershipFacts>(this.engine.collection('partnerships'), id);
  }

  partnerships(filter: Filter = {}, options?: FindOptions): Promise<PartnershipFacts[]> {
    return this.store.find<PartnershipFacts>(this.engine.collection('partnerships'), plainFilter(filter), options);
  }

  person(id: string): Promise<PersonFacts | undefined> {
    return this.store.get<PersonFacts>(this.engine.collection('people'), id);
  }

  people(filter: Filter = {}, options?: FindOptions): Promise<PersonFacts[]> {
    return this.store.find<PersonFacts>(this.engine.collection('people'), plainFilter(filter), options);
  }

  organisation(id: string): Promise<OrganisationFacts | undefined> {
    return this.store.get<OrganisationFacts>(this.engine.collection('organisations'), id);
  }

  organisations(filter: Filter = {}, options?: FindOptions): Promise<OrganisationFacts[]> {
    return this.store.find<OrganisationFacts>(this.engine.collection('organisations'), plainFilter(filter), options);
  }

  /** The person an admin linked a login (token `sub`) to: one lookup by id, fast enough for every request. */
  login(sub: string): Promise<LoginFacts | undefined> {
    return this.store.get<LoginFacts>(this.engine.collection('logins'), sub);
  }

  /** Entries of the audit trail (one per event, SPEC §6 R2): always asked with a sort and a limit (it holds the whole log). */
  audit(filter: Filter, options: FindOptions): Promise<AuditEntry[]> {
    return this.store.find<AuditEntry>(this.engine.collection('audit'), plainFilter(filter), options);
  }

  /** People by id, as a lookup (for names beside ids). */
  async peopleById(ids: Iterable<string>): Promise<PeopleLookup> {
    const people = await this.store.getMany<PersonFacts>(this.engine.collection('people'), [...new Set(ids)]);
    const byId = new Map(people.map((person) => [person.personId, person]));
    return (id) => byId.get(id);
  }

  /** The people named in these partnerships (contacts, participants, owners), as a lookup for the formulas. */
  async peopleOf(partnerships: readonly PartnershipFacts[]): Promise<PeopleLookup> {
    const ids = new Set<string>();
    for (const facts of partnerships) for (const id of peopleNamedIn(facts)) ids.add(id);
    return this.peopleById(ids);
  }

  /** Organisations by id, for names, regions and sectors in lists and reports. */
  async organisationsById(ids: Iterable<string>): Promise<Map<string, OrganisationFacts>> {
    const organisations = await this.store.getMany<OrganisationFacts>(this.engine.collection('organisations'), [...new Set(ids)]);
    return new Map(organisations.map((organisation) => [organisation.organisationId, organisation]));
  }
}

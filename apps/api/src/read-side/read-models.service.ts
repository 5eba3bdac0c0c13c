import { Inject, Injectable } from '@nestjs/common';
import { AuditEntry, LoginFacts, OrganisationFacts, PartnershipFacts, PeopleLookup, PersonFacts, PROJECTIONS, ProjectionsView } from '@crm/read-models';
import { Filter, FindOptions, READ_STORE, ReadStore } from '@crm/read-store';
import { plainFilter } from '../http/query-guard';
import { organisationScopeFilter, partnershipScopeFilter, Scope, seesOrganisation, seesSchool, withScope } from '../scope/scope';
import { FiguresCache } from './figures-cache';

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
 *
 * Every read names the scope it is limited to (SPEC §6 R2): the caller's (CallerScope), or EVERY_SCHOOL for the
 * server's own work. Lists by a filter on an indexed field ANDed into the query (partnerships by `schoolId`,
 * organisations by `schoolIds`, people by the `organisationId` of the organisations the scope sees), records by id as
 * if those outside did not exist. The scope is an argument, not ambient: a read that forgets it does not compile.
 */
@Injectable()
export class ReadModels {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(PROJECTIONS) private readonly engine: ProjectionsView,
    private readonly cache: FiguresCache,
  ) {}

  async partnership(scope: Scope, id: string): Promise<PartnershipFacts | undefined> {
    const facts = await this.store.get<PartnershipFacts>(this.engine.collection('partnerships'), id);
    return facts && seesSchool(scope, facts.schoolId) ? facts : undefined;
  }

  partnerships(scope: Scope, filter: Filter = {}, options?: FindOptions): Promise<PartnershipFacts[]> {
    return this.store.find<PartnershipFacts>(this.engine.collection('partnerships'), withScope(plainFilter(filter), partnershipScopeFilter(scope)), options);
  }

  /** How many partnerships the filter selects in the scope (counted by the store). */
  countPartnerships(scope: Scope, filter: Filter = {}): Promise<number> {
    return this.store.count(this.engine.collection('partnerships'), withScope(plainFilter(filter), partnershipScopeFilter(scope)));
  }

  async person(scope: Scope, id: string): Promise<PersonFacts | undefined> {
    const person = await this.store.get<PersonFacts>(this.engine.collection('people'), id);
    if (!person || scope.all) return person;
    return (await this.visibleOrganisations(scope)).has(person.organisationId) ? person : undefined;
  }

  async people(scope: Scope, filter: Filter = {}, options?: FindOptions): Promise<PersonFacts[]> {
    const scopeFilter = scope.all ? undefined : { organisationId: { $in: [...(await this.visibleOrganisations(scope))] } };
    return this.store.find<PersonFacts>(this.engine.collection('people'), withScope(plainFilter(filter), scopeFilter), options);
  }

  async organisation(scope: Scope, id: string): Promise<OrganisationFacts | undefined> {
    const organisation = await this.store.get<OrganisationFacts>(this.engine.collection('organisations'), id);
    return organisation && seesOrganisation(scope, organisation) ? organisation : undefined;
  }

  organisations(scope: Scope, filter: Filter = {}, options?: FindOptions): Promise<OrganisationFacts[]> {
    return this.store.find<OrganisationFacts>(this.engine.collection('organisations'), withScope(plainFilter(filter), organisationScopeFilter(scope)), options);
  }

  /** The person an admin linked a login (token `sub`) to: one lookup by id, fast enough for every request. */
  login(sub: string): Promise<LoginFacts | undefined> {
    return this.store.get<LoginFacts>(this.engine.collection('logins'), sub);
  }

  /** Entries of the audit trail (one per event, SPEC §6 R2): always asked with a sort and a limit (it holds the whole log). */
  audit(filter: Filter, options: FindOptions): Promise<AuditEntry[]> {
    return this.store.find<AuditEntry>(this.engine.collection('audit'), plainFilter(filter), options);
  }

  /** People by id, as a lookup (for names beside ids); people outside the scope are not found. */
  async peopleById(scope: Scope, ids: Iterable<string>): Promise<PeopleLookup> {
    let people = await this.store.getMany<PersonFacts>(this.engine.collection('people'), [...new Set(ids)]);
    if (!scope.all) {
      const visible = await this.visibleOrganisations(scope);
      people = people.filter((person) => visible.has(person.organisationId));
    }
    const byId = new Map(people.map((person) => [person.personId, person]));
    return (id) => byId.get(id);
  }

  /** The people named in these partnerships (contacts, participants, owners), as a lookup for the formulas. */
  async peopleOf(scope: Scope, partnerships: readonly PartnershipFacts[]): Promise<PeopleLookup> {
    const ids = new Set<string>();
    for (const facts of partnerships) for (const id of peopleNamedIn(facts)) ids.add(id);
    return this.peopleById(scope, ids);
  }

  /** Organisations by id, for names, regions and sectors in lists and reports; those outside the scope are not found. */
  async organisationsById(scope: Scope, ids: Iterable<string>): Promise<Map<string, OrganisationFacts>> {
    const organisations = await this.store.getMany<OrganisationFacts>(this.engine.collection('organisations'), [...new Set(ids)]);
    return new Map(organisations.filter((organisation) => seesOrganisation(scope, organisation)).map((organisation) => [organisation.organisationId, organisation]));
  }

  /**
   * The ids of the organisations a scope sees: one indexed query, kept per scope until the read models
   * move on (FiguresCache), since a scoped people list or worklist would otherwise read them on every request.
   */
  private visibleOrganisations(scope: Scope): Promise<ReadonlySet<string>> {
    const read = async () => new Set((await this.organisations(scope)).map((organisation) => organisation.organisationId)) as ReadonlySet<string>;
    return this.cache.answer(scope, 'visible organisations', read);
  }
}

import { allWordsIn, equalIgnoringCase, Filter, IndexSpec, ReadStore, StoredDocument } from '@crm/read-store';
import { organisationScopeFilter, partnershipScopeFilter, schoolsScope, withScope } from '../../apps/api/src/scope/scope';

/** What the contract suite lends these cases: the store of the test, and collection names dropped after it. */
export interface ScopeQueryHarness {
  store(): ReadStore;
  collection(label: string): string;
}

/**
 * The query shapes a login's scope ANDs into every read (SPEC §6 R2, apps/api/src/scope/scope.ts), built by the
 * API's own `withScope`: `$in` on an array field (organisations' `schoolIds`), `$in` on a scalar (`schoolId`,
 * people's `organisationId`), each beside the list's own filters, intersected with a filter on the same field, or
 * ANDed in `$and`; counted, and paged by keyset and by skip. Every case runs without and with the indexes the
 * projections declare, and after a write that widens a shared partner's schools.
 *
 * A region of three schools: co1 is partner of A and B, co2 of B and C, co3 of C only; co4 has no partnership (no
 * `schoolIds`), co5 an empty one.
 */
export function describeScopeQueries(harness: ScopeQueryHarness): void {
  describe('scope query shapes (SPEC §6 R2)', () => {
    let organisations: string;
    let partnerships: string;
    let people: string;
    const store = () => harness.store();

    const org = (id: string, kind: string, schoolIds: string[] | undefined, name: string, region?: string): StoredDocument => ({
      _id: id,
      organisationId: id,
      kind,
      name,
      ...(region && { region }),
      ...(schoolIds && { schoolIds }),
      searchKeys: name.toLowerCase().split(' ').flatMap((word) => [...word].map((_, n) => word.slice(0, n + 1))),
    });
    const partnership = (id: string, schoolId: string, partnerId: string, position: number, levels: string[], contact: string, name: string): StoredDocument => ({
      _id: id,
      partnershipId: id,
      schoolId,
      partnerId,
      position,
      levels,
      name,
      contacts: [{ personId: contact, side: 'school' }],
      searchKeys: [name.split(' ')[0].toLowerCase()],
    });
    const person = (id: string, organisationId: string, tier: string, name: string): StoredDocument => ({
      _id: id,
      personId: id,
      organisationId,
      tier,
      name,
      searchKeys: name.toLowerCase().split(' '),
    });

    const scopeOf = (...schools: string[]) => schoolsScope(schools, 'own_school');
    const ids = (documents: StoredDocument[]) => documents.map((d) => d._id);
    const sortedIds = (documents: StoredDocument[]) => ids(documents).sort();
    /** The ids a scoped find selects, and (checked alongside) that count agrees. */
    const scoped = async (collection: string, filter: Filter): Promise<string[]> => {
      const found = sortedIds(await store().find(collection, filter));
      expect({ filter, count: await store().count(collection, filter) }).toEqual({ filter, count: found.length });
      return found;
    };
    const inOrganisations = (filter: Filter, ...schools: string[]) => scoped(organisations, withScope(filter, organisationScopeFilter(scopeOf(...schools))));
    const inPartnerships = (filter: Filter, ...schools: string[]) => scoped(partnerships, withScope(filter, partnershipScopeFilter(scopeOf(...schools))));
    /** People as ReadModels.people asks: of the organisations the scope sees. */
    const inPeople = async (filter: Filter, ...schools: string[]) => {
      const visible = ids(await store().find(organisations, withScope({}, organisationScopeFilter(scopeOf(...schools)))));
      return scoped(people, withScope(filter, { organisationId: { $in: visible } }));
    };

    beforeEach(async () => {
      organisations = harness.collection('organisations');
      partnerships = harness.collection('partnerships');
      people = harness.collection('people');
      await store().commit({
        upserts: [
          ...[
            org('sA', 'school', ['sA'], 'Alfa College', 'Noord'),
            org('sB', 'school', ['sB'], 'Bravo Lyceum', 'Zuid'),
            org('sC', 'school', ['sC'], 'Charlie College', 'noord'),
            org('co1', 'company', ['sA', 'sB'], 'Gedeeld Techniek', 'Noord'),
            org('co2', 'company', ['sB', 'sC'], 'Zorg Gedeeld'),
            org('co3', 'company', ['sC'], 'Charlie Bouw'),
            org('co4', 'company', undefined, 'Los Bedrijf'),
            org('co5', 'company', [], 'Leeg Bedrijf'),
          ].map((document) => ({ collection: organisations, document })),
          ...[
            partnership('pA1', 'sA', 'co1', 1, ['havo'], 'anna', 'alfa techniek'),
            partnership('pB1', 'sB', 'co1', 2, ['mbo'], 'bram', 'bravo techniek'),
            partnership('pB2', 'sB', 'co2', 3, ['havo', 'vwo'], 'bram', 'bravo zorg'),
            partnership('pC1', 'sC', 'co2', 4, ['mbo'], 'cas', 'charlie zorg'),
            partnership('pC2', 'sC', 'co3', 5, ['havo'], 'cas', 'charlie bouw'),
            partnership('pA2', 'sA', 'co1', 6, ['mbo'], 'anna', 'alfa stage'),
          ].map((document) => ({ collection: partnerships, document })),
          ...[
            person('anna', 'sA', 'operational', 'Anna Alfa'),
            person('bram', 'sB', 'operational', 'Bram Bravo'),
            person('cas', 'sC', 'tactical', 'Cas Charlie'),
            person('gert', 'co1', 'strategic', 'Gert Gedeeld'),
            person('zoe', 'co2', 'operational', 'Zoe Zorg'),
            person('bob', 'co3', 'operational', 'Bob Bouw'),
            person('los', 'co4', 'operational', 'Lot Los'),
          ].map((document) => ({ collection: people, document })),
        ],
        checkpoints: {},
      });
    });

    /** The indexes the projections declare on these collections (libs/read-models/src/projections). */
    const indexes = (): IndexSpec => ({
      [organisations]: [{ key: { kind: 1 } }, { key: { searchKeys: 1 } }, { key: { schoolIds: 1 } }],
      [partnerships]: [{ key: { schoolId: 1 } }, { key: { partnerId: 1 } }, { key: { levels: 1 } }, { key: { searchKeys: 1 } }, { key: { 'contacts.personId': 1 } }],
      [people]: [{ key: { organisationId: 1 } }, { key: { searchKeys: 1 } }],
    });

    const organisationCases = async () => {
      expect(await inOrganisations({}, 'sA')).toEqual(['co1', 'sA']);
      expect(await inOrganisations({}, 'sB')).toEqual(['co1', 'co2', 'sB']);
      expect(await inOrganisations({}, 'sA', 'sC')).toEqual(['co1', 'co2', 'co3', 'sA', 'sC']);
      // A login linked to no school sees nothing; an organisation without partnerships is in no school's scope.
      expect(await inOrganisations({})).toEqual([]);
      expect(await scoped(organisations, { schoolIds: { $in: [] } })).toEqual([]);
      // Beside the list's own filters: kind, words of the name, region (case ignored), levels absent.
      expect(await inOrganisations({ kind: 'company' }, 'sA')).toEqual(['co1']);
      expect(await inOrganisations({ kind: 'school' }, 'sB', 'sC')).toEqual(['sB', 'sC']);
      expect(await inOrganisations(allWordsIn('searchKeys', 'gedeeld')!, 'sC')).toEqual(['co2']);
      expect(await inOrganisations(allWordsIn('searchKeys', 'char col')!, 'sA')).toEqual([]);
      expect(await inOrganisations({ region: equalIgnoringCase('NOORD') }, 'sA', 'sC')).toEqual(['co1', 'sA', 'sC']);
      expect(await inOrganisations({ _id: { $in: ['co3', 'co4', 'co5', 'sB'] } }, 'sB')).toEqual(['sB']);
      // Pages of a scoped list: by name, skip and limit, the other schools' organisations never among them.
      const page = (skip: number) => store().find(organisations, withScope({}, organisationScopeFilter(scopeOf('sB'))), { sort: { name: 1 }, skip, limit: 2 });
      expect([...ids(await page(0)), ...ids(await page(2)), ...ids(await page(4))]).toEqual(['sB', 'co1', 'co2']);
    };

    const partnershipCases = async () => {
      expect(await inPartnerships({}, 'sB')).toEqual(['pB1', 'pB2']);
      expect(await inPartnerships({}, 'sA', 'sC')).toEqual(['pA1', 'pA2', 'pC1', 'pC2']);
      expect(await inPartnerships({})).toEqual([]);
      // A shared partner: each school sees only its own partnerships with it.
      expect(await inPartnerships({ partnerId: 'co1' }, 'sA')).toEqual(['pA1', 'pA2']);
      expect(await inPartnerships({ partnerId: { $in: ['co1', 'co2'] } }, 'sC')).toEqual(['pC1']);
      // The list's own school filter intersected with the scope: another school's selects nothing.
      expect(await inPartnerships({ schoolId: 'sB' }, 'sB')).toEqual(['pB1', 'pB2']);
      expect(await inPartnerships({ schoolId: 'sA' }, 'sB')).toEqual([]);
      expect(await inPartnerships({ schoolId: { $in: ['sA', 'sB'] } }, 'sB', 'sC')).toEqual(['pB1', 'pB2']);
      // A filter on schoolId that is not an equality: the scope is ANDed in `$and`.
      const notA = withScope({ schoolId: { $ne: 'sA' } }, partnershipScopeFilter(scopeOf('sA', 'sC')));
      expect(notA).toHaveProperty('$and');
      expect(await scoped(partnerships, notA)).toEqual(['pC1', 'pC2']);
      // Text search: ids found by words, every school's among them, narrowed to the scope.
      expect(await inPartnerships({ _id: { $in: ['pA1', 'pB1', 'pC1', 'nope'] } }, 'sB')).toEqual(['pB1']);
      expect(await inPartnerships({ searchKeys: { $in: ['charlie', 'bravo'] } }, 'sC')).toEqual(['pC1', 'pC2']);
      expect(await inPartnerships({ levels: { $in: ['havo', 'vwo'] }, 'contacts.personId': 'bram' }, 'sB')).toEqual(['pB2']);
      expect(await inPartnerships({ 'contacts.personId': 'bram' }, 'sA')).toEqual([]);
      // An organisation's page: partnerships as school or as partner, in the scope.
      expect(await inPartnerships({ $or: [{ schoolId: 'co2' }, { partnerId: 'co2' }] }, 'sB')).toEqual(['pB2']);
      expect(await inPartnerships({ $or: [{ schoolId: 'sC' }, { partnerId: 'sC' }] }, 'sA')).toEqual([]);
      // Keyset pages, newest first (position below the last one seen), of one school's partnerships only.
      const filter = withScope({}, partnershipScopeFilter(scopeOf('sA', 'sB')));
      const walked: string[] = [];
      let after: number | undefined;
      for (let guard = 0; guard < 10; guard++) {
        const page = await store().find(partnerships, after === undefined ? filter : { ...filter, position: { $lt: after } }, { sort: { position: -1 }, limit: 2 });
        if (page.length === 0) break;
        walked.push(...ids(page));
        after = page[page.length - 1].position as number;
      }
      expect(walked).toEqual(['pA2', 'pB2', 'pB1', 'pA1']);
      expect(await store().count(partnerships, { ...filter, position: { $lt: 3 } })).toBe(2);
    };

    const peopleCases = async () => {
      expect(await inPeople({}, 'sA')).toEqual(['anna', 'gert']);
      expect(await inPeople({}, 'sC')).toEqual(['bob', 'cas', 'zoe']);
      expect(await inPeople({})).toEqual([]);
      expect(await inPeople({ organisationId: 'co2' }, 'sA')).toEqual([]);
      expect(await inPeople({ organisationId: 'co1' }, 'sB')).toEqual(['gert']);
      expect(await inPeople({ tier: 'operational', ...allWordsIn('searchKeys', 'zoe') }, 'sB')).toEqual(['zoe']);
      expect(await inPeople(allWordsIn('searchKeys', 'bram')!, 'sC')).toEqual([]);
    };

    it('selects organisations by $in on their array of schools, beside other filters, counted and paged', organisationCases);
    it('selects partnerships by $in on schoolId, intersected with or beside the list’s filters, counted and keyset-paged', partnershipCases);
    it('selects people by $in on the organisations the scope sees', peopleCases);

    it('gives the same answers with the indexes the projections declare, and follows a partner gaining a school', async () => {
      await store().ensureIndexes(indexes());
      await organisationCases();
      await partnershipCases();
      await peopleCases();
      // co3 starts working with A: its schools widen, and A's scope with them; C keeps it too.
      await store().commit({
        upserts: [
          { collection: organisations, document: org('co3', 'company', ['sA', 'sC'], 'Charlie Bouw') },
          { collection: partnerships, document: partnership('pA3', 'sA', 'co3', 7, ['havo'], 'anna', 'alfa bouw') },
        ],
        checkpoints: {},
      });
      expect(await inOrganisations({}, 'sA')).toEqual(['co1', 'co3', 'sA']);
      expect(await inOrganisations({ kind: 'company' }, 'sC')).toEqual(['co2', 'co3']);
      expect(await inPartnerships({ partnerId: 'co3' }, 'sA')).toEqual(['pA3']);
      expect(await inPeople({}, 'sA')).toEqual(['anna', 'bob', 'gert']);
    });
  });
}

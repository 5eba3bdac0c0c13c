import { DeciderSpec } from '../../test/decider-spec';
import { NOW } from '../../test/fixtures';
import { organisationDecider, OrganisationCommand } from './organisation.decider';
import { OrganisationEvent } from './organisation.events';
import { DomainError } from '../shared/domain-error';

const ctx = { now: NOW };
const ORG = 'org-1';

const schoolRegistered: OrganisationEvent = {
  type: 'OrganisationRegistered',
  data: { organisationId: ORG, name: 'Het Baken College', kind: 'school', levels: ['vmbo', 'havo', 'vwo'], region: 'Zwolle' },
};
const companyRegistered: OrganisationEvent = {
  type: 'OrganisationRegistered',
  data: { organisationId: ORG, name: 'Techniek BV', kind: 'company', levels: [], sector: 'techniek', region: 'Zwolle', size: 'small' },
};

const register = (overrides: Partial<Extract<OrganisationCommand, { type: 'RegisterOrganisation' }>> = {}): OrganisationCommand => ({
  type: 'RegisterOrganisation',
  organisationId: ORG,
  name: 'Het Baken College',
  kind: 'school',
  levels: ['havo'],
  ...overrides,
});
const update = (changes: Extract<OrganisationCommand, { type: 'UpdateOrganisation' }>['changes']): OrganisationCommand => ({
  type: 'UpdateOrganisation',
  organisationId: ORG,
  changes,
});

const spec = DeciderSpec.for(organisationDecider);

describe('organisation decider', () => {
  describe('RegisterOrganisation', () => {
    it('registers a school, expanding the `vo` alias to vmbo, havo and vwo', () => {
      const state = spec
        .when(register({ levels: ['vo'], region: 'Zwolle' }), ctx)
        .then([
          {
            type: 'OrganisationRegistered',
            data: { organisationId: ORG, name: 'Het Baken College', kind: 'school', levels: ['vmbo', 'havo', 'vwo'], region: 'Zwolle' },
          },
        ]);
      expect(state).toEqual({ exists: true, organisationId: ORG, name: 'Het Baken College', kind: 'school', levels: ['vmbo', 'havo', 'vwo'], region: 'Zwolle' });
    });

    it('removes duplicate levels and keeps the canonical order', () => {
      spec.when(register({ levels: ['wo', 'vo', 'havo', 'po'] }), ctx).then([
        {
          type: 'OrganisationRegistered',
          data: { organisationId: ORG, name: 'Het Baken College', kind: 'school', levels: ['po', 'vmbo', 'havo', 'vwo', 'wo'] },
        },
      ]);
    });

    it('registers a company without levels, with sector, region and size', () => {
      spec
        .when(register({ name: 'Techniek BV', kind: 'company', levels: undefined, sector: 'techniek', region: 'Zwolle', size: 'small' }), ctx)
        .then([companyRegistered]);
    });

    it('trims the name', () => {
      const [event] = spec.when(register({ name: '  Het Baken College  ' }), ctx).events();
      expect(event.data.name).toBe('Het Baken College');
    });

    it('refuses a level that is not a school level instead of dropping it', () => {
      expect(() => organisationDecider.decide(register({ levels: ['po', 'xyz'] }), spec.state, ctx)).toThrow(DomainError);
    });

    it('refuses an empty name', () => {
      spec.when(register({ name: '   ' }), ctx).thenThrows('name_empty');
    });

    it('refuses a school without levels', () => {
      spec.when(register({ levels: [] }), ctx).thenThrows('school_without_levels');
      spec.when(register({ levels: undefined }), ctx).thenThrows('school_without_levels');
    });

    it.each(['company', 'government', 'network', 'other'] as const)('refuses levels for an organisation of kind %s', (kind) => {
      spec.when(register({ kind, levels: ['havo'] }), ctx).thenThrows('levels_only_for_schools');
    });

    it('keeps a KvK number and a BRIN code in their stored form', () => {
      const [event] = spec.when(register({ kvk: '4123 4567', brin: '25lh' }), ctx).events();
      expect(event.data).toMatchObject({ kvk: '41234567', brin: '25LH' });
    });

    it('refuses a malformed KvK number or BRIN code, and a BRIN code for anything but a school', () => {
      spec.when(register({ kvk: '123' }), ctx).thenThrows('invalid_kvk');
      spec.when(register({ brin: '25L' }), ctx).thenThrows('invalid_brin');
      spec.when(register({ kind: 'company', levels: undefined, brin: '25LH' }), ctx).thenThrows('brin_only_for_schools');
    });

    it('refuses to register the same organisation twice (conflict)', () => {
      spec.given([schoolRegistered]).when(register(), ctx).thenThrows('organisation_exists', 'conflict');
    });
  });

  describe('UpdateOrganisation', () => {
    it('refuses an unknown organisation (not found)', () => {
      spec.when(update({ name: 'X' }), ctx).thenThrows('organisation_not_found', 'not_found');
    });

    it('emits only the fields that changed', () => {
      const state = spec
        .given([companyRegistered])
        .when(update({ name: 'Techniek Groep BV', sector: 'techniek', region: 'Deventer', size: 'small' }), ctx)
        .then([{ type: 'OrganisationUpdated', data: { organisationId: ORG, name: 'Techniek Groep BV', region: 'Deventer' } }]);
      expect(state).toMatchObject({ name: 'Techniek Groep BV', region: 'Deventer', sector: 'techniek', size: 'small', kind: 'company' });
    });

    it('records nothing for an update that changes nothing', () => {
      spec.given([companyRegistered]).when(update({}), ctx).then([]);
      spec
        .given([companyRegistered])
        .when(update({ name: 'Techniek BV', kind: 'company', sector: 'techniek', region: 'Zwolle', size: 'small' }), ctx)
        .then([]);
    });

    it('records nothing when the levels are the same after expanding `vo`', () => {
      spec.given([schoolRegistered]).when(update({ levels: ['vo'] }), ctx).then([]);
      spec.given([schoolRegistered]).when(update({ levels: ['vwo', 'vmbo', 'havo'] }), ctx).then([]);
    });

    it('changes the levels of a school, expanding `vo`', () => {
      const state = spec
        .given([schoolRegistered])
        .when(update({ levels: ['vo', 'mbo'] }), ctx)
        .then([{ type: 'OrganisationUpdated', data: { organisationId: ORG, levels: ['vmbo', 'havo', 'vwo', 'mbo'] } }]);
      expect(state).toMatchObject({ levels: ['vmbo', 'havo', 'vwo', 'mbo'] });
    });

    it('refuses to take all levels from a school', () => {
      spec.given([schoolRegistered]).when(update({ levels: [] }), ctx).thenThrows('school_without_levels');
    });

    it('refuses levels for a company', () => {
      spec.given([companyRegistered]).when(update({ levels: ['havo'] }), ctx).thenThrows('levels_only_for_schools');
    });

    it('clears the levels when a school becomes another kind', () => {
      spec
        .given([schoolRegistered])
        .when(update({ kind: 'network' }), ctx)
        .then([{ type: 'OrganisationUpdated', data: { organisationId: ORG, kind: 'network', levels: [] } }]);
    });

    it('needs levels when a company becomes a school', () => {
      spec.given([companyRegistered]).when(update({ kind: 'school' }), ctx).thenThrows('school_without_levels');
      spec
        .given([companyRegistered])
        .when(update({ kind: 'school', levels: ['mbo'] }), ctx)
        .then([{ type: 'OrganisationUpdated', data: { organisationId: ORG, kind: 'school', levels: ['mbo'] } }]);
    });

    it('gives an organisation a KvK number later, and records nothing when it is the same', () => {
      spec
        .given([companyRegistered])
        .when(update({ kvk: '41234567' }), ctx)
        .then([{ type: 'OrganisationUpdated', data: { organisationId: ORG, kvk: '41234567' } }]);
      spec.given([{ ...companyRegistered, data: { ...companyRegistered.data, kvk: '41234567' } }]).when(update({ kvk: '4123 4567' }), ctx).then([]);
    });

    it('refuses to make a school with a BRIN code another kind', () => {
      spec.given([{ ...schoolRegistered, data: { ...schoolRegistered.data, brin: '25LH' } }]).when(update({ kind: 'network' }), ctx).thenThrows('brin_only_for_schools');
    });

    it('refuses an empty name and trims a new one', () => {
      spec.given([companyRegistered]).when(update({ name: ' ' }), ctx).thenThrows('name_empty');
      spec
        .given([companyRegistered])
        .when(update({ name: ' Techniek Groep ' }), ctx)
        .then([{ type: 'OrganisationUpdated', data: { organisationId: ORG, name: 'Techniek Groep' } }]);
    });

    describe('a school with partnerships', () => {
      const open = (partnershipId: string, levels: ('vmbo' | 'havo' | 'vwo')[]) => ({ partnershipId, levels, open: true });
      const withPartnerships = { now: NOW, partnershipsAsSchool: [open('p-1', ['vmbo']), open('p-2', ['havo', 'vwo']), { partnershipId: 'p-3', levels: ['vwo' as const], open: false }] };

      it('cannot stop being a school, naming its partnerships', () => {
        const error = spec.given([schoolRegistered]).when(update({ kind: 'company' }), withPartnerships).thenThrows('school_has_partnerships');
        expect(error.details).toEqual({ partnerships: ['p-1', 'p-2', 'p-3'] });
        expect(error.message).toContain('p-1, p-2, p-3');
      });

      it('cannot drop a level an open partnership uses, naming the partnerships and levels', () => {
        const error = spec.given([schoolRegistered]).when(update({ levels: ['vwo'] }), withPartnerships).thenThrows('level_in_use');
        expect(error.details).toEqual({ partnerships: ['p-1', 'p-2'], levels: ['vmbo', 'havo'] });
      });

      it('may drop a level only ended partnerships used, and add levels', () => {
        spec
          .given([schoolRegistered])
          .when(update({ levels: ['vmbo', 'havo', 'vwo', 'mbo'] }), withPartnerships)
          .then([{ type: 'OrganisationUpdated', data: { organisationId: ORG, levels: ['vmbo', 'havo', 'vwo', 'mbo'] } }]);
        const onlyEnded = { now: NOW, partnershipsAsSchool: [{ partnershipId: 'p-3', levels: ['vwo' as const], open: false }] };
        spec
          .given([schoolRegistered])
          .when(update({ levels: ['vmbo', 'havo'] }), onlyEnded)
          .then([{ type: 'OrganisationUpdated', data: { organisationId: ORG, levels: ['vmbo', 'havo'] } }]);
      });

      it('may still be renamed', () => {
        spec
          .given([schoolRegistered])
          .when(update({ name: 'Het Baken' }), withPartnerships)
          .then([{ type: 'OrganisationUpdated', data: { organisationId: ORG, name: 'Het Baken' } }]);
      });
    });
  });
});

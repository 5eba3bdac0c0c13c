import { DeciderSpec } from '../../test/decider-spec';
import { LATEST_ALLOWED, FIRST_TOO_LATE, NOW, ORGANISATIONS, PARTNER, plusMs } from '../../test/fixtures';
import { isMemberAt, PersonCommand, PersonContext, personDecider, PersonState } from './person.decider';
import { PersonEvent } from './person.events';

const ID = 'person-1';
const ctx: PersonContext = { now: NOW, organisation: ORGANISATIONS[PARTNER] };

const registered: PersonEvent = {
  type: 'PersonRegistered',
  data: { personId: ID, organisationId: PARTNER, name: 'Eva Smit', email: 'eva@techniek.example', phone: '+31 6 1234 5678', role: 'HR-adviseur', tier: 'tactical' },
};
const LEFT = '2024-05-01T00:00:00.000Z';
const left: PersonEvent = { type: 'PersonLeftOrganisation', data: { personId: ID, leftAt: LEFT } };
const erased: PersonEvent = { type: 'PersonErased', data: { personId: ID, at: '2024-06-01T00:00:00.000Z' } };

const register = (overrides: Partial<Extract<PersonCommand, { type: 'RegisterPerson' }>> = {}): PersonCommand => ({
  type: 'RegisterPerson',
  personId: ID,
  organisationId: PARTNER,
  name: 'Eva Smit',
  email: 'eva@techniek.example',
  phone: '+31 6 1234 5678',
  role: 'HR-adviseur',
  tier: 'tactical',
  ...overrides,
});
const changeRole = (overrides: Partial<Extract<PersonCommand, { type: 'ChangePersonRole' }>> = {}): PersonCommand => ({
  type: 'ChangePersonRole',
  personId: ID,
  role: 'Hoofd HR',
  tier: 'tactical',
  ...overrides,
});
const depart = (leftAt?: string, reason?: string): PersonCommand => ({ type: 'RecordDeparture', personId: ID, leftAt, reason });
const erase = (at?: string): PersonCommand => ({ type: 'ErasePerson', personId: ID, at });

const spec = DeciderSpec.for(personDecider);

describe('person decider', () => {
  describe('RegisterPerson', () => {
    it('registers a person with trimmed name and role', () => {
      const state = spec.when(register({ name: '  Eva Smit ', role: ' HR-adviseur ' }), ctx).then([registered]);
      expect(state).toEqual({ exists: true, ...registered.data, erased: false });
    });

    it('refuses an unknown organisation (not found)', () => {
      spec.when(register(), { now: NOW }).thenThrows('organisation_not_found', 'not_found');
      spec.when(register(), { now: NOW, organisation: { exists: false } }).thenThrows('organisation_not_found', 'not_found');
    });

    it('refuses an empty name', () => {
      spec.when(register({ name: '  ' }), ctx).thenThrows('name_empty');
    });

    it('refuses to register the same person twice (conflict)', () => {
      spec.given([registered]).when(register(), ctx).thenThrows('person_exists', 'conflict');
    });
  });

  describe('ChangePersonRole', () => {
    it('refuses an unknown person (not found)', () => {
      spec.when(changeRole(), ctx).thenThrows('person_not_found', 'not_found');
    });

    it('records the new role and tier, dated now by default', () => {
      const state = spec
        .given([registered])
        .when(changeRole({ role: ' Directeur ', tier: 'strategic' }), ctx)
        .then([{ type: 'PersonRoleChanged', data: { personId: ID, role: 'Directeur', tier: 'strategic', at: NOW } }]);
      expect(state).toMatchObject({ role: 'Directeur', tier: 'strategic' });
    });

    it('normalises an explicit day to the full UTC ISO string of its start in Europe/Amsterdam', () => {
      spec
        .given([registered])
        .when(changeRole({ at: '2024-05-01' }), ctx)
        .then([{ type: 'PersonRoleChanged', data: { personId: ID, role: 'Hoofd HR', tier: 'tactical', at: '2024-04-30T22:00:00.000Z' } }]);
    });

    it('records a change of tier alone', () => {
      spec
        .given([registered])
        .when(changeRole({ role: 'HR-adviseur', tier: 'operational' }), ctx)
        .then([{ type: 'PersonRoleChanged', data: { personId: ID, role: 'HR-adviseur', tier: 'operational', at: NOW } }]);
    });

    it('records nothing when role and tier stay the same', () => {
      spec.given([registered]).when(changeRole({ role: 'HR-adviseur ', tier: 'tactical' }), ctx).then([]);
    });

    it('refuses a date more than one day in the future, allows exactly one day', () => {
      spec.given([registered]).when(changeRole({ at: FIRST_TOO_LATE }), ctx).thenThrows('date_in_future');
      spec
        .given([registered])
        .when(changeRole({ at: LATEST_ALLOWED }), ctx)
        .then([{ type: 'PersonRoleChanged', data: { personId: ID, role: 'Hoofd HR', tier: 'tactical', at: LATEST_ALLOWED } }]);
    });

    it('refuses a date that is not a date', () => {
      spec.given([registered]).when(changeRole({ at: 'next tuesday' }), ctx).thenThrows('invalid_date');
    });

    it('refuses a person who left', () => {
      spec.given([registered, left]).when(changeRole(), ctx).thenThrows('person_left');
    });

    it('refuses an erased person', () => {
      spec.given([registered, erased]).when(changeRole(), ctx).thenThrows('person_erased');
    });
  });

  describe('RecordDeparture', () => {
    it('refuses an unknown person (not found)', () => {
      spec.when(depart(LEFT), ctx).thenThrows('person_not_found', 'not_found');
    });

    it('records the departure with its date and reason', () => {
      const state = spec
        .given([registered])
        .when(depart(LEFT, 'nieuwe baan'), ctx)
        .then([{ type: 'PersonLeftOrganisation', data: { personId: ID, leftAt: LEFT, reason: 'nieuwe baan' } }]);
      expect(state).toMatchObject({ leftAt: LEFT });
    });

    it('dates the departure now by default and leaves out a missing reason', () => {
      spec.given([registered]).when(depart(), ctx).then([{ type: 'PersonLeftOrganisation', data: { personId: ID, leftAt: NOW } }]);
    });

    it('refuses a second departure', () => {
      spec.given([registered, left]).when(depart(NOW), ctx).thenThrows('person_already_left');
    });

    it('refuses a departure more than one day in the future, allows exactly one day', () => {
      spec.given([registered]).when(depart(FIRST_TOO_LATE), ctx).thenThrows('date_in_future');
      spec.given([registered]).when(depart(LATEST_ALLOWED), ctx).then([{ type: 'PersonLeftOrganisation', data: { personId: ID, leftAt: LATEST_ALLOWED } }]);
    });
  });

  describe('ErasePerson', () => {
    it('refuses an unknown person (not found)', () => {
      spec.when(erase(), ctx).thenThrows('person_not_found', 'not_found');
    });

    it('records the erasure; the state shows [erased] and keeps no contact details', () => {
      const state = spec.given([registered]).when(erase(), ctx).then([{ type: 'PersonErased', data: { personId: ID, at: NOW } }]);
      expect(state).toMatchObject({ exists: true, personId: ID, organisationId: PARTNER, name: '[erased]', erased: true, tier: 'tactical' });
      expect(state).toEqual(expect.objectContaining({ email: undefined, phone: undefined }));
    });

    it('erases a person who already left, keeping the departure', () => {
      const state = spec.given([registered, left]).when(erase(), ctx).then([{ type: 'PersonErased', data: { personId: ID, at: NOW } }]);
      expect(state).toMatchObject({ name: '[erased]', leftAt: LEFT });
    });

    it('refuses a second erasure', () => {
      spec.given([registered, erased]).when(erase(), ctx).thenThrows('person_already_erased');
    });

    it('refuses an erasure dated more than one day in the future', () => {
      spec.given([registered]).when(erase(FIRST_TOO_LATE), ctx).thenThrows('date_in_future');
    });
  });

  describe('isMemberAt', () => {
    const active = spec.given([registered]).state;
    const leaver = spec.given([registered, left]).state;

    it('counts a person who never left at any date', () => {
      expect(isMemberAt(active, PARTNER, '2030-01-01T00:00:00.000Z')).toBe(true);
    });

    it('counts a leaver before the day they left, not on or after it', () => {
      expect(isMemberAt(leaver, PARTNER, plusMs(LEFT, -1))).toBe(true);
      expect(isMemberAt(leaver, PARTNER, LEFT)).toBe(false);
      expect(isMemberAt(leaver, PARTNER, plusMs(LEFT, 1))).toBe(false);
    });

    it('does not count a person for another organisation, nor a person that does not exist', () => {
      expect(isMemberAt(active, 'org-other', NOW)).toBe(false);
      expect(isMemberAt({ exists: false } as PersonState, PARTNER, NOW)).toBe(false);
    });
  });
});

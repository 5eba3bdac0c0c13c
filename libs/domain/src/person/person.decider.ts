import { Decider, DecisionContext } from '../shared/decider';
import { assertNotInFuture, isAfter, normaliseDate } from '../shared/dates';
import { conflict, notFound, ruleViolation } from '../shared/domain-error';
import { PersonTier } from '../shared/vocabulary';
import { OrganisationState } from '../organisation/organisation.decider';
import { PersonEvent, PersonRegistered } from './person.events';

export type PersonCommand =
  | ({ type: 'RegisterPerson' } & PersonRegistered['data'])
  | { type: 'ChangePersonRole'; personId: string; role: string; tier: PersonTier; at?: string }
  | { type: 'RecordDeparture'; personId: string; leftAt?: string; reason?: string }
  | { type: 'ErasePerson'; personId: string; at?: string };

export type PersonState =
  | { exists: false }
  | ({
      exists: true;
      leftAt?: string;
      erased: boolean;
    } & PersonRegistered['data']);

/** Registering a person needs the organisation they work for. */
export interface PersonContext extends DecisionContext {
  organisation?: OrganisationState;
}

export const personDecider: Decider<PersonCommand, PersonEvent, PersonState, PersonContext> = {
  initialState: { exists: false },

  decide(command, state, ctx) {
    if (command.type === 'RegisterPerson') {
      if (state.exists) throw conflict('person_exists', `person ${command.personId} is already registered`);
      if (!ctx.organisation?.exists) {
        throw notFound('organisation_not_found', `organisation ${command.organisationId} does not exist`);
      }
      const { type: _type, name, role, ...rest } = command;
      if (!name.trim()) throw ruleViolation('name_empty', 'name must not be empty');
      return [{ type: 'PersonRegistered', data: { ...rest, name: name.trim(), role: role.trim() } }];
    }

    if (!state.exists) throw notFound('person_not_found', `person ${command.personId} does not exist`);
    switch (command.type) {
      case 'ChangePersonRole': {
        if (state.erased) throw ruleViolation('person_erased', 'an erased person cannot change role');
        if (state.leftAt) throw ruleViolation('person_left', `person left the organisation on ${state.leftAt}`);
        const at = normaliseDate(command.at ?? ctx.now, 'at', ctx.timeZone);
        assertNotInFuture(at, ctx.now, 'at');
        if (command.role.trim() === state.role && command.tier === state.tier) return [];
        return [{ type: 'PersonRoleChanged', data: { personId: state.personId, role: command.role.trim(), tier: command.tier, at } }];
      }
      case 'RecordDeparture': {
        if (state.leftAt) {
          throw ruleViolation('person_already_left', `person already left the organisation on ${state.leftAt}`);
        }
        const leftAt = normaliseDate(command.leftAt ?? ctx.now, 'leftAt', ctx.timeZone);
        assertNotInFuture(leftAt, ctx.now, 'leftAt');
        return [
          {
            type: 'PersonLeftOrganisation',
            data: { personId: state.personId, leftAt, ...(command.reason !== undefined && { reason: command.reason }) },
          },
        ];
      }
      case 'ErasePerson': {
        if (state.erased) throw ruleViolation('person_already_erased', 'person is already erased');
        const at = normaliseDate(command.at ?? ctx.now, 'at', ctx.timeZone);
        assertNotInFuture(at, ctx.now, 'at');
        return [{ type: 'PersonErased', data: { personId: state.personId, at } }];
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'PersonRegistered':
        return { exists: true, ...event.data, erased: false };
      case 'PersonRoleChanged':
        return state.exists ? { ...state, role: event.data.role, tier: event.data.tier } : state;
      case 'PersonLeftOrganisation':
        return state.exists ? { ...state, leftAt: event.data.leftAt } : state;
      case 'PersonErased':
        return state.exists ? { ...state, erased: true, name: '[erased]', email: undefined, phone: undefined } : state;
    }
  },
};

/** A person counts for an organisation at a date if they work there and had not left by then. */
export function isMemberAt(person: PersonState, organisationId: string, at: string): boolean {
  return person.exists && person.organisationId === organisationId && (!person.leftAt || isAfter(person.leftAt, at));
}

import { Decider } from '../shared/decider';
import { conflict } from '../shared/domain-error';
import { IdentifierScheme } from './identifier';

/**
 * One stream per identifier value (`identifier-kvk-12345678`) says which organisation holds it. Claiming it in the
 * same append as the organisation's own event makes uniqueness hold under concurrent writers: the second writer's
 * append fails on the claim stream's revision, is retried, and then finds the value taken.
 */
export type IdentifierClaimEvent =
  | { type: 'IdentifierClaimed'; data: { scheme: IdentifierScheme; value: string; organisationId: string } }
  | { type: 'IdentifierReleased'; data: { scheme: IdentifierScheme; value: string; organisationId: string } };

export type IdentifierClaimCommand =
  | { type: 'ClaimIdentifier'; scheme: IdentifierScheme; value: string; organisationId: string }
  | { type: 'ReleaseIdentifier'; scheme: IdentifierScheme; value: string; organisationId: string };

export type IdentifierClaimState = { holder?: string };

export const identifierStream = (scheme: IdentifierScheme, value: string) => `identifier-${scheme}-${value}`;

export const identifierClaimDecider: Decider<IdentifierClaimCommand, IdentifierClaimEvent, IdentifierClaimState, unknown> = {
  initialState: {},

  decide(command, state) {
    const { scheme, value, organisationId } = command;
    if (command.type === 'ClaimIdentifier') {
      if (state.holder === organisationId) return [];
      if (state.holder !== undefined) {
        throw conflict(`${scheme}_taken`, `${scheme} ${value} belongs to another organisation (${state.holder})`, { field: scheme, organisationId: state.holder });
      }
      return [{ type: 'IdentifierClaimed', data: { scheme, value, organisationId } }];
    }
    return state.holder === organisationId ? [{ type: 'IdentifierReleased', data: { scheme, value, organisationId } }] : [];
  },

  evolve(state, event) {
    return event.type === 'IdentifierClaimed' ? { holder: event.data.organisationId } : state.holder === event.data.organisationId ? {} : state;
  },
};

import { Decider, DecisionContext } from '../shared/decider';
import { notFound, ruleViolation } from '../shared/domain-error';
import { PersonState } from '../person/person.decider';
import { LoginEvent } from './login.events';

export type LoginCommand = { type: 'LinkLogin'; sub: string; personId: string };

export type LoginState = { linked: false } | { linked: true; sub: string; personId: string };

/** Linking needs the person the login is to be. */
export interface LoginContext extends DecisionContext {
  person: PersonState;
}

export const loginDecider: Decider<LoginCommand, LoginEvent, LoginState, LoginContext> = {
  initialState: { linked: false },

  decide(command, state, ctx) {
    const sub = command.sub.trim();
    if (!sub) throw ruleViolation('sub_empty', 'sub must not be empty');
    if (!ctx.person.exists) throw notFound('person_not_found', `person ${command.personId} does not exist`);
    if (ctx.person.erased) throw ruleViolation('person_erased', 'a login cannot be linked to an erased person');
    if (ctx.person.leftAt) throw ruleViolation('person_left', `person left the organisation on ${ctx.person.leftAt}`);
    // Linking again to the same person records nothing; to another person, the later link holds.
    if (state.linked && state.personId === command.personId) return [];
    return [{ type: 'LoginLinked', data: { sub, personId: command.personId } }];
  },

  evolve(_state, event) {
    return { linked: true, sub: event.data.sub, personId: event.data.personId };
  },
};

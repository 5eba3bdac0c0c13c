import { Scope } from '../scope/scope';

/** The stable codes of GET /me's scope message: an app words it in its own language from the code and its params. */
export const SCOPE_MESSAGE_CODES = ['scope.all', 'scope.own_school', 'scope.login_not_linked', 'scope.person_not_at_a_school'] as const;
export type ScopeMessageCode = (typeof SCOPE_MESSAGE_CODES)[number];

const SCOPE_MESSAGES: Record<ScopeMessageCode, string> = {
  'scope.all': 'this login sees the records of every school',
  'scope.own_school': 'this login sees the partnerships of its own school, and the organisations and people they involve',
  'scope.login_not_linked':
    'this login is linked to no person, so it sees no partnerships, organisations or people: have an admin link it to a person (POST /api/logins), or use a token with a person claim',
  'scope.person_not_at_a_school': 'this login’s person does not work at a school, so it sees no partnerships, organisations or people',
};

/** What a login sees, and why: the English text, its code, and what it names (the login's own organisation, if any). */
export function scopeMessage(scope: Scope, organisationName: string | null) {
  const messageCode: ScopeMessageCode = scope.all ? 'scope.all' : `scope.${scope.reason}`;
  return { message: SCOPE_MESSAGES[messageCode], messageCode, messageParams: { organisation: organisationName } };
}

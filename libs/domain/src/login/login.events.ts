/**
 * A login (the `sub` of a bearer token) linked to the person it is (SPEC §6 R2), for identity providers whose tokens
 * carry no person claim. The person gives the login its organisation, which later scopes what it may see.
 */
export type LoginLinked = {
  type: 'LoginLinked';
  data: { sub: string; personId: string };
};

export type LoginEvent = LoginLinked;

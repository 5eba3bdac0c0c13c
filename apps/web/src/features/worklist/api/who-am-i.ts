import { useSyncExternalStore } from 'react';
import { useMe } from '@/features/auth/api/use-me';

/**
 * Whose week Mijn week shows. A login linked to a person (token claim or linked by an admin, GET /api/me) is that
 * person. A login that sees every school (admin, region) and is linked to nobody may pick a person by name, kept for
 * this tab's session. A scoped login linked to nobody sees nothing until an admin links it (`unlinked`).
 */
const KEY = 'crm.personId';
const listeners = new Set<() => void>();

const chosenPerson = {
  get: (): string | undefined => sessionStorage.getItem(KEY) ?? undefined,
  set(personId: string | undefined) {
    if (personId) sessionStorage.setItem(KEY, personId);
    else sessionStorage.removeItem(KEY);
    listeners.forEach((listener) => listener());
  },
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export type WhoAmI =
  | { state: 'loading' }
  | { state: 'error'; error: unknown; retry: () => void }
  | { state: 'unlinked' }
  | { state: 'known'; personId: string; fromLogin: boolean; choose: (personId: string | undefined) => void }
  | { state: 'choose'; choose: (personId: string | undefined) => void };

export function useWhoAmI(): WhoAmI {
  const me = useMe();
  const chosen = useSyncExternalStore(chosenPerson.subscribe, chosenPerson.get);
  if (me.isPending) return { state: 'loading' };
  if (me.isError) return { state: 'error', error: me.error, retry: () => void me.refetch() };
  if (me.data.person) return { state: 'known', personId: me.data.person.id, fromLogin: true, choose: () => undefined };
  if (me.data.scope.kind !== 'all') return { state: 'unlinked' };
  return chosen ? { state: 'known', personId: chosen, fromLogin: false, choose: chosenPerson.set } : { state: 'choose', choose: chosenPerson.set };
}

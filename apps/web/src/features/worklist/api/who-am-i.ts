import { useSyncExternalStore } from 'react';
import { useSession } from '@/lib/session';

/**
 * Which person record the signed-in user is. A token that names one (claim `personId`) decides; otherwise the user
 * picks themselves by name, kept for this tab's session. (Replace the pick by GET /api/me once the API has it.)
 */
const KEY = 'crm.personId';
const listeners = new Set<() => void>();

export const chosenPerson = {
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

export function useWhoAmI(): { personId: string | undefined; fromToken: boolean; choose: (personId: string | undefined) => void } {
  const current = useSession();
  const chosen = useSyncExternalStore(chosenPerson.subscribe, chosenPerson.get);
  if (current?.personId) return { personId: current.personId, fromToken: true, choose: () => undefined };
  return { personId: chosen, fromToken: false, choose: chosenPerson.set };
}

import { AsyncLocalStorage } from 'node:async_hooks';
import { EVERY_SCHOOL, Scope } from './scope';

interface ScopeStore {
  scope: Scope;
  /** The ids of the organisations the scope sees, read once per request when first needed. */
  organisations?: Promise<ReadonlySet<string>>;
}

const storage = new AsyncLocalStorage<ScopeStore>();

/**
 * The scope of the request being answered, for the read models and command handlers it reaches (set by the
 * ScopeInterceptor around every authenticated handler). Outside a request (start-up, the demo writer, projections)
 * there is none: what runs there is the server's own work and sees everything.
 */
export const RequestScope = {
  run<T>(scope: Scope, work: () => T): T {
    return storage.run({ scope }, work);
  },
  current(): Scope {
    return storage.getStore()?.scope ?? EVERY_SCHOOL;
  },
  /** The organisations the current scope sees, computed by `read` once per request. */
  organisations(read: (scope: Scope) => Promise<ReadonlySet<string>>): Promise<ReadonlySet<string>> {
    const store = storage.getStore();
    if (!store) return read(EVERY_SCHOOL);
    return (store.organisations ??= read(store.scope));
  },
};

import { AsyncLocalStorage } from 'node:async_hooks';
import { EVERY_SCHOOL, Scope } from './scope';

const storage = new AsyncLocalStorage<{ scope: Scope }>();

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
};

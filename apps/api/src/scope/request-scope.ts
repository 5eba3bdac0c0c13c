import { AsyncLocalStorage } from 'node:async_hooks';
import type { Server } from 'node:http';
import { EVERY_SCHOOL, Scope } from './scope';

/** One request's place for its caller's scope: entered as the request arrives, filled once the caller is known. */
interface RequestPlace {
  scope?: Scope;
}

const storage = new AsyncLocalStorage<RequestPlace>();

/**
 * The scope of the request being answered, for the read models and command handlers it reaches (set by the
 * ScopeGuard once the AuthGuard has verified the caller). Outside a request (start-up, the demo writer, projections)
 * there is none: what runs there is the server's own work and sees everything; so does a public route.
 *
 * Each request is entered at the HTTP server (enterEachRequest) rather than around Nest's handler by an interceptor:
 * Nest binds two async resources per request and interceptor (about 30 µs and 10 KB of garbage for every request).
 */
export const RequestScope = {
  /** Sets the scope of the request being answered; outside one, there is nowhere to keep it and that is a bug. */
  set(scope: Scope): void {
    const place = storage.getStore();
    if (!place) throw new Error('RequestScope.set outside a request: the HTTP server does not enter each request (enterEachRequest)');
    place.scope = scope;
  },
  current(): Scope {
    return storage.getStore()?.scope ?? EVERY_SCHOOL;
  },
  /** Runs `work` as a request whose caller has this scope (for tests of what reads and commands do with one). */
  run<T>(scope: Scope, work: () => T): T {
    return storage.run({ scope }, work);
  },
};

/** Makes the server answer each request inside a place of its own for the caller's scope (see RequestScope). */
export function enterEachRequest(server: Server): void {
  const listeners = server.listeners('request') as ((...args: unknown[]) => void)[];
  server.removeAllListeners('request');
  for (const listener of listeners) server.on('request', (...args: unknown[]) => storage.run({}, () => listener.apply(server, args)));
}

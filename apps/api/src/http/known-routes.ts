import type { FastifyInstance } from 'fastify';

/** A route's path as the router matches it: a trailing slash is another path (Fastify's default), so not matched here either. */
const toPattern = (url: string) =>
  new RegExp(`^${url.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\/:[^/]+/g, '/[^/]+').replace(/\*/g, '.*')}$`);

/**
 * The methods each route answers, collected as Fastify registers routes, so a known path asked with another method is
 * answered 405 with `Allow` (SPEC §4) rather than 404.
 */
export class KnownRoutes {
  private readonly routes: { pattern: RegExp; method: string }[] = [];

  /** Call before any route is registered. */
  constructor(instance: FastifyInstance) {
    instance.addHook('onRoute', (route) => {
      const pattern = toPattern(route.url ?? '');
      for (const method of [route.method].flat()) this.routes.push({ pattern, method: String(method).toUpperCase() });
    });
  }

  /** The methods some route answers at this path (empty: no route has it). */
  allowedMethods(url: string): string[] {
    const path = url.split('?')[0];
    return [...new Set(this.routes.filter((route) => route.pattern.test(path)).map((route) => route.method))].sort();
  }
}

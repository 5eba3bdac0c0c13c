import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import helmet, { type HelmetOptions } from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';

type Directives = Record<string, string[]>;

/**
 * What the API answers is JSON or CSV, never a page: nothing may be loaded, framed or submitted on its behalf.
 * (`X-Content-Type-Options: nosniff` keeps a browser from reading a JSON answer as HTML in the first place.)
 */
export const API_CSP: Directives = {
  defaultSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
  frameAncestors: ["'none'"],
};

/**
 * Swagger UI at /docs: its scripts and styles come from /docs itself (no inline script), it has inline `<style>`
 * blocks and data: icons, and "Try it out" calls the API on the same origin.
 */
export const DOCS_CSP: Directives = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

const helmetOptions = (directives: Directives): HelmetOptions => ({
  contentSecurityPolicy: { useDefaults: false, directives },
  frameguard: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
});

/**
 * The headers helmet sets with `options`, worked out once. They depend on the options only (no nonces), so there is
 * no need to build helmet's middleware and parse the CSP again for every request (as @fastify/helmet does).
 */
export function helmetHeaders(options: HelmetOptions): ReadonlyArray<readonly [string, string]> {
  const headers = new Map<string, string>();
  const response = {
    setHeader: (name: string, value: string | number | readonly string[]) => headers.set(name.toLowerCase(), String(value)),
    removeHeader: (name: string) => headers.delete(name.toLowerCase()),
  };
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
  });
  return [...headers];
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set on the OpenAPI UI's routes: the security headers with its looser CSP. */
    securityHeaders?: ReadonlyArray<readonly [string, string]>;
  }
}

/**
 * Security headers (helmet's) on every answer, 404s and refusals included: a strict Content-Security-Policy for the
 * API and a looser one for the OpenAPI UI under `docsPath`, HSTS, nosniff, frame denial, no referrer, same-origin
 * resource policy. Call before routes are registered (right after the application is created).
 */
export async function useSecurityHeaders(app: NestFastifyApplication, docsPath = '/docs'): Promise<void> {
  const api = helmetHeaders(helmetOptions(API_CSP));
  const docs = helmetHeaders(helmetOptions(DOCS_CSP));
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRoute', (route) => {
    if (route.url === docsPath || route.url.startsWith(`${docsPath}/`)) route.config = { ...(route.config ?? {}), securityHeaders: docs };
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    const response = reply.raw;
    for (const [name, value] of request.routeOptions.config?.securityHeaders ?? api) response.setHeader(name, value);
    done();
  });
}

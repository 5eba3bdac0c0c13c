import fastifyHelmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

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

const csp = (directives: Directives) => ({ useDefaults: false, directives });

/**
 * Security headers on every answer (@fastify/helmet): a strict Content-Security-Policy for the API and a looser one
 * for the OpenAPI UI under `docsPath`, HSTS, nosniff, frame denial, no referrer, same-origin resource policy.
 * Call before routes are registered (right after the application is created).
 */
export async function useSecurityHeaders(app: NestFastifyApplication, docsPath = '/docs'): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRoute', (route) => {
    if (route.url === docsPath || route.url.startsWith(`${docsPath}/`)) {
      route.config = { ...(route.config ?? {}), helmet: { contentSecurityPolicy: csp(DOCS_CSP) } } as typeof route.config;
    }
  });
  await app.register(fastifyHelmet as never, {
    global: true,
    contentSecurityPolicy: csp(API_CSP),
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}

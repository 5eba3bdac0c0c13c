import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { helmetHeaders } from '../http/security-headers';

/** Paths that belong to the API: an unknown one there is the API's JSON 404, never the web app. */
const API_PATHS = /^\/(api|docs|health|metrics)(\/|$)/;

/**
 * The web app's page may load its own scripts and styles (Mantine sets inline styles), images and fonts, and call the
 * API on the same origin; nothing may frame it. (An OIDC sign-in adds its issuer to connect-src.)
 */
export const WEB_CSP: Record<string, string[]> = {
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

/** dist/web beside the build: found from this file upwards (the repository in development, /app in the image). */
export function webAppDir(from = __dirname): string | undefined {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'dist', 'web');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    if (existsSync(join(dir, 'package.json'))) return undefined;
  }
  return undefined;
}

/**
 * Serves the built web app (`npm run build:web` → dist/web) at `/` on the API's origin: its files, and index.html for
 * any other GET of a page (the app's own routes, e.g. /mijn-week), so a reload or a shared link opens the app.
 * Paths under /api, /docs, /health and /metrics are left to the API. Without a build nothing is served.
 * Call before the application is initialised (routes cannot be added after).
 */
export async function serveWebApp(app: NestFastifyApplication, root = webAppDir(), oidcIssuer?: string): Promise<boolean> {
  if (!root) return false;
  const fastify = app.getHttpAdapter().getInstance();
  // An OpenID Connect sign-in reads the issuer's discovery document and exchanges the code there.
  const connectSrc = oidcIssuer ? [...WEB_CSP.connectSrc, new URL(oidcIssuer).origin] : WEB_CSP.connectSrc;
  const headers = helmetHeaders({
    contentSecurityPolicy: { useDefaults: false, directives: { ...WEB_CSP, connectSrc } },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
  const index = readFileSync(join(root, 'index.html'));
  fastify.addHook('onRoute', (route) => {
    if (!API_PATHS.test(route.url)) route.config = { ...(route.config ?? {}), securityHeaders: headers };
  });
  await fastify.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    index: false,
    // The build's .br and .gz beside each file (see apps/web/vite.config.mts), to a browser that accepts them.
    preCompressed: true,
    // Hashed file names under /assets never change: cache them for a year; index.html is always asked again.
    setHeaders: (reply, path) => reply.header('cache-control', path.startsWith(join(root, "assets")) ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
  fastify.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.url !== undefined || (request.method !== 'GET' && request.method !== 'HEAD')) return;
    const path = request.url.split('?')[0];
    if (API_PATHS.test(path) || /\.[a-z0-9]+$/i.test(path)) return;
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(index);
  });
  return true;
}

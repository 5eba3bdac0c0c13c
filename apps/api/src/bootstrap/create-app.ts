import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DestinationStream } from 'pino';
import { AppModule } from '../app.module';
import { Settings } from '../config/settings';
import { ErrorsFilter } from '../http/errors.filter';
import { fastifyRouterOptions } from '../http/framework-errors';
import { KnownRoutes } from '../http/known-routes';
import { useRequestHardening, useSecurityHeaders } from '../http/hardening';
import { capConnectionsPerAddress, maxConnectionsPerAddressFromEnv, refuseAnonymousBodies, slowClientOptions } from '../http/slow-clients';
import { validationPipe } from '../http/validation';
import { useSheetUploads } from '../imports/sheet-upload';
import { createLogger, PinoNestLogger } from '../observability/logger';
import { fastifyLogging, registerRequestLogging } from '../observability/request-logging';
import { assertDataIntegrity, dataFilesOf } from './data-integrity';
import { setUpOpenApi } from './open-api';
import { serveWebApp } from './web-app';
import type { EventStoreDecorator } from '../infrastructure/event-store.module';

/** SPEC §2: bodies over 1 MiB are refused. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/** Builds the API (used by main and by the end-to-end tests, so both run the same application). */
export async function createApp(
  settings: Settings,
  options: { logger?: boolean; logDestination?: DestinationStream; decorateEventStore?: EventStoreDecorator } = {},
): Promise<NestFastifyApplication> {
  // JSON lines (pino) for Fastify, Nest and one line per request; `logger: false` (tests) silences them.
  const logger = createLogger('api', options.logger === false ? 'silent' : settings.logLevel, options.logDestination);
  // fastifyRouterOptions: the router's own refusals (bad percent-encoding, over-long path parameters) in the API's error shape.
  // slowClientOptions: a request must have arrived whole within 30 s (a trickled body is cut off).
  const adapter = new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES, ...slowClientOptions, ...fastifyLogging(logger), ...fastifyRouterOptions });
  registerRequestLogging(adapter.getInstance());
  const routes = new KnownRoutes(adapter.getInstance());
  // Commands take JSON only: a text/plain body is 415, not a string that fails validation field by field.
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(settings, { decorateEventStore: options.decorateEventStore }), adapter, {
    logger: options.logger === false ? false : new PinoNestLogger(logger),
  });
  // A body without a valid token is refused before it is read; connections per client address are capped.
  refuseAnonymousBodies(app);
  capConnectionsPerAddress(app.getHttpServer(), maxConnectionsPerAddressFromEnv());
  // Security headers (helmet) before any route exists, so every route (and /docs with its own CSP) gets them.
  await useSecurityHeaders(app);
  // Multipart for the sheet import only (every other route stays JSON-only).
  await useSheetUploads(app);
  app.setGlobalPrefix('api', { exclude: ['health', 'metrics'] });
  app.useGlobalPipes(validationPipe);
  app.useGlobalFilters(new ErrorsFilter(routes));
  // Query parameters checked on every route; per-user rate limit (RATE_LIMIT_PER_MINUTE), after authentication.
  await useRequestHardening(app, settings);
  app.enableShutdownHooks();
  setUpOpenApi(app);
  // The web app (dist/web, when built) at / on the same origin; API paths keep the API's own answers.
  const { jwksUrl, issuer, webClientId } = settings.auth;
  await serveWebApp(app, undefined, jwksUrl && webClientId ? issuer : undefined);
  await app.init();
  // Bodies are JSON only (SPEC §4): Nest's adapter registers a form parser at init, Fastify one for text; both go, so
  // a form or text body is 415 `unsupported_media_type` and never reaches a command.
  app.getHttpAdapter().getInstance().removeContentTypeParser(['application/x-www-form-urlencoded', 'text/plain']);
  // Files that are each valid but do not belong together (a truncated log, an emptied key store): refuse to start.
  await assertDataIntegrity(app, dataFilesOf(settings));
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

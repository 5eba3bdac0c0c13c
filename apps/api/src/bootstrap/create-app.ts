import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from '../app.module';
import { Settings } from '../config/settings';
import { ErrorsFilter } from '../http/errors.filter';
import { validationPipe } from '../http/validation';
import { setUpOpenApi } from './open-api';

/** SPEC §2: bodies over 1 MiB are refused. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/** Builds the API (used by main and by the end-to-end tests, so both run the same application). */
export async function createApp(settings: Settings, options: { logger?: boolean } = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES });
  // Commands take JSON only: a text/plain body is 415, not a string that fails validation field by field.
  adapter.getInstance().removeContentTypeParser('text/plain');
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(settings), adapter, {
    logger: options.logger === false ? false : ['log', 'warn', 'error'],
  });
  app.setGlobalPrefix('api', { exclude: ['health', 'metrics'] });
  app.useGlobalPipes(validationPipe);
  app.useGlobalFilters(new ErrorsFilter());
  app.enableShutdownHooks();
  setUpOpenApi(app);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

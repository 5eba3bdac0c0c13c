import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './bootstrap/create-app';
import { settingsFromEnv } from './config/settings';

async function main(): Promise<void> {
  const settings = settingsFromEnv();
  const app = await createApp(settings);
  await app.listen(settings.port, '0.0.0.0');
  const url = `http://localhost:${settings.port}`;
  Logger.log(`Partnership CRM ready on ${url}/api (docs: ${url}/docs, health: ${url}/health, data: ${settings.dataDir})`, 'Main');
}

main().catch((error) => {
  // eslint-disable-next-line no-console
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

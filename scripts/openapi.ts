// `npm run openapi`: writes openapi.json from the application and regenerates the typed client (libs/api-client).
// `npm run openapi -- --check` only reports whether either is stale (exit 1).
import { readFileSync, writeFileSync } from 'node:fs';
import { openApiText } from '../apps/api/src/bootstrap/open-api-file';
import { CLIENT_SCHEMA_FILE, clientTypesFor, OPENAPI_FILE } from '../libs/api-client/generate';

function read(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const document = await openApiText();
  if (check) {
    const stale = read(OPENAPI_FILE) !== document || read(CLIENT_SCHEMA_FILE) !== clientTypesFor(OPENAPI_FILE);
    console.log(stale ? 'openapi.json or libs/api-client is stale: run npm run openapi' : 'openapi.json and libs/api-client are current');
    process.exitCode = stale ? 1 : 0;
    return;
  }
  writeFileSync(OPENAPI_FILE, document);
  writeFileSync(CLIENT_SCHEMA_FILE, clientTypesFor(OPENAPI_FILE));
  console.log(`wrote ${OPENAPI_FILE} and ${CLIENT_SCHEMA_FILE}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

import { readFileSync } from 'node:fs';
import { openApiText } from '../../apps/api/src/bootstrap/open-api-file';
import { CLIENT_SCHEMA_FILE, clientTypesFor, OPENAPI_FILE } from '../../libs/api-client/generate';

// The committed document and client are what the web app and every integrator build on: they must be the
// application's own. When this fails, run `npm run openapi` and commit the result.
describe('the committed OpenAPI document and typed client', () => {
  jest.setTimeout(120_000);

  it('openapi.json is the document the application serves', async () => {
    expect(JSON.parse(readFileSync(OPENAPI_FILE, 'utf8'))).toEqual(JSON.parse(await openApiText()));
  });

  it('libs/api-client is generated from openapi.json', () => {
    expect(readFileSync(CLIENT_SCHEMA_FILE, 'utf8')).toBe(clientTypesFor(OPENAPI_FILE));
  });
});

import { readFileSync } from 'node:fs';
import { OPENAPI_FILE } from '../../libs/api-client/generate';
import { redoclyProblems, spectralProblems, swaggerParserProblems } from '../support/openapi-lint';

// The document as integrators' tools read it: zero errors and zero warnings from each (rules switched off only in
// .redocly.yaml and .spectral.json, with the reason beside each). All three run offline from node_modules.
describe('openapi.json under tools nobody here wrote', () => {
  const text = readFileSync(OPENAPI_FILE, 'utf8');

  it('is valid OpenAPI for @apidevtools/swagger-parser', async () => {
    expect(await swaggerParserProblems(JSON.parse(text))).toEqual([]);
  });

  it('passes Redocly lint (recommended)', async () => {
    expect(await redoclyProblems(text)).toEqual([]);
  });

  it('passes Spectral (spectral:oas, recommended)', async () => {
    expect(await spectralProblems(text)).toEqual([]);
  });
});

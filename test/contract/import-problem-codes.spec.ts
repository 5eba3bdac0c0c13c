import { readFileSync } from 'node:fs';
import { OPENAPI_FILE } from '../../libs/api-client/generate';
import { enErrors } from '../../apps/web/src/locales/en-errors';
import { nlErrors } from '../../apps/web/src/locales/nl-errors';

type Document = { components: { schemas: Record<string, { properties: Record<string, { enum?: string[] }> }> } };

// An import's row report names each problem by a code from a closed list (the import's own and every domain rule's):
// the web app words each of them in Dutch and English rather than showing the API's English message.
describe('import row problem codes (ImportErrorResponse.code in openapi.json)', () => {
  const codes = (JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')) as Document).components.schemas.ImportErrorResponse.properties.code.enum ?? [];

  it('are an enum that holds the import\'s own codes and the domain\'s', () => {
    expect(codes).toEqual(expect.arrayContaining(['invalid_contact_role', 'duplicate_row', 'school_not_found', 'date_before_opening', 'kvk_taken']));
  });

  it.each([
    ['Dutch', nlErrors],
    ['English', enErrors],
  ])('are each worded in %s by the web app', (_language, errors) => {
    const worded = (code: string) => code in errors.rows || code in errors.codes;
    expect(codes.filter((code) => !worded(code))).toEqual([]);
  });
});

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
export const OPENAPI_FILE = join(root, 'openapi.json');
export const CLIENT_SCHEMA_FILE = join(root, 'libs', 'api-client', 'src', 'schema.d.ts');

/** Writes the client's types for an OpenAPI file with openapi-typescript (its CLI: the package is ESM only). */
export function generateClientTypes(openapiFile: string, outFile: string): void {
  const cli = join(root, 'node_modules', 'openapi-typescript', 'bin', 'cli.js');
  execFileSync(process.execPath, [cli, openapiFile, '--output', outFile, '--alphabetize'], { stdio: 'pipe' });
}

/** The client's types as openapi-typescript writes them for this OpenAPI file. */
export function clientTypesFor(openapiFile: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'crm-api-client-'));
  try {
    const out = join(dir, 'schema.d.ts');
    generateClientTypes(openapiFile, out);
    return readFileSync(out, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

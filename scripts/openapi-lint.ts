// `npm run openapi:lint`: swagger-parser, Redocly and Spectral (spectral:oas) over openapi.json; exit 1 on any error.
import { readFileSync } from 'node:fs';
import { OPENAPI_FILE } from '../libs/api-client/generate';
import { openApiProblems } from '../test/support/openapi-lint';

openApiProblems(readFileSync(OPENAPI_FILE, 'utf8'))
  .then((problems) => {
    for (const p of problems) console.log(`${p.severity.padEnd(7)} ${p.tool.padEnd(14)} ${p.rule.padEnd(36)} ${p.where}  ${p.message}`);
    const errors = problems.filter((p) => p.severity === 'error').length;
    console.log(`${errors} errors, ${problems.length - errors} warnings`);
    process.exitCode = errors > 0 ? 1 : 0;
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportsMarkdown } from '../apps/api/src/exports/exports-doc';
import { importsMarkdown } from '../apps/api/src/imports/imports-doc';

/** docs/exports.md and docs/imports.md, from the declared export column sets and import columns. */
writeFileSync(join(__dirname, '..', 'docs', 'exports.md'), exportsMarkdown());
writeFileSync(join(__dirname, '..', 'docs', 'imports.md'), importsMarkdown());

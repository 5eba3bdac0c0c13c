import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportsMarkdown } from '../apps/api/src/exports/exports-doc';

writeFileSync(join(__dirname, '..', 'docs', 'exports.md'), exportsMarkdown());

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXPORT_COLUMN_SETS } from './export-column-sets';
import { importsMarkdown } from '../imports/imports-doc';
import { exportsMarkdown } from './exports-doc';

describe('export column sets', () => {
  it.each(Object.entries(EXPORT_COLUMN_SETS))('%s has distinct headers and a description for each', (_route, { columns }) => {
    const headers = columns.map((c) => c.header);
    expect(new Set(headers).size).toBe(headers.length);
    for (const c of columns) expect(c.description.trim()).not.toBe('');
  });

  it('gives every export its own file name', () => {
    const files = Object.values(EXPORT_COLUMN_SETS).map((d) => d.file);
    expect(new Set(files).size).toBe(files.length);
  });

  it('reads nested values by their dotted header, empty where a level is missing', () => {
    const [, , name] = EXPORT_COLUMN_SETS['/partnerships'].columns;
    expect(name.value({ school: { name: 'Clusius College' } })).toBe('Clusius College');
    expect(name.value({ school: null })).toBeUndefined();
  });

  it('is documented in docs/exports.md as it is declared, and the import columns in docs/imports.md (npm run docs:sheets)', () => {
    const doc = (name: string) => readFileSync(join(__dirname, '../../../../docs', name), 'utf8');
    expect(doc('exports.md')).toBe(exportsMarkdown());
    expect(doc('imports.md')).toBe(importsMarkdown());
  });
});

import { excelJs } from '../exports/exceljs';
import { quote, UTF8_BOM } from '../http/csv';
import { IMPORT_COLUMNS } from './import-columns';

/** The template's header row: each column's first (Dutch) header. */
export const TEMPLATE_HEADERS = IMPORT_COLUMNS.map((column) => column.headers[0]);

/** Two example rows: a school, and a company that offers its students internships. */
const EXAMPLE_SCHOOL: Record<string, string> = { name: 'Nova College', kind: 'school', brin: '25LH', kvk: '', sector: 'onderwijs', region: 'Noord-West', size: 'groot', levels: 'mbo', school: '', intensity: '', openedAt: '', themes: '', contactName: 'Fatima el Amrani', contactRole: 'stagecoördinator', tier: 'operationeel', email: 'f.elamrani@novacollege.example', phone: '023 5300000', contactAssignment: '' };
const EXAMPLE_PARTNER: Record<string, string> = Object.fromEntries(IMPORT_COLUMNS.map((column) => [column.field, column.example]));
const EXAMPLES = [EXAMPLE_SCHOOL, EXAMPLE_PARTNER];

export function csvTemplate(): Buffer {
  const lines = [TEMPLATE_HEADERS, ...EXAMPLES.map((example) => IMPORT_COLUMNS.map((column) => example[column.field] ?? ''))].map((cells) => cells.map(quote).join(','));
  return Buffer.from(`${UTF8_BOM}${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function xlsxTemplate(): Promise<Buffer> {
  const workbook = new (excelJs().Workbook)();
  const sheet = workbook.addWorksheet('Relaties', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = IMPORT_COLUMNS.map((column) => ({ header: column.headers[0], key: column.field, width: Math.max(14, column.headers[0].length + 2) }));
  sheet.getRow(1).font = { bold: true };
  for (const example of EXAMPLES) {
    const [day, month, year] = (example.openedAt || '').split('-').map(Number);
    sheet.addRow({ ...example, openedAt: example.openedAt ? new Date(Date.UTC(year, month - 1, day)) : '' });
  }
  sheet.getColumn('openedAt').numFmt = 'dd-mm-yyyy';
  IMPORT_COLUMNS.forEach((column, i) => (sheet.getCell(1, i + 1).note = column.description));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

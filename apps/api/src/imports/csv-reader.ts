import { SheetError } from './sheet-errors';

/**
 * The text of a CSV file: UTF-8 (with or without a BOM), else Windows-1252, which is what Excel's "CSV
 * (gescheiden door lijstscheidingsteken)" writes on a Dutch machine. A file with NUL bytes is no text at all.
 */
export function decodeCsv(bytes: Buffer): string {
  if (bytes.includes(0)) throw new SheetError(415, 'not_a_spreadsheet', 'the file is neither an xlsx workbook nor a CSV text file');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** The separator of the header line: Dutch Excel writes `;`, most tools `,`, some a tab. */
function separatorOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [';', ',', '\t'].map((separator) => [separator, firstLine.split(separator).length] as const);
  return counts.sort((a, b) => b[1] - a[1])[0][0];
}

/**
 * RFC 4180 records (quoted fields with `""`, line breaks inside quotes, CRLF or LF), with the separator the header
 * line uses. Stops with 413 past `maxRecords`, before reading further.
 */
export function parseCsv(text: string, maxRecords: number): string[][] {
  const separator = separatorOf(text);
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endRecord = () => {
    record.push(field);
    field = '';
    if (record.length > 1 || record[0] !== '') {
      records.push(record);
      if (records.length > maxRecords) throw new SheetError(413, 'too_many_rows', `the sheet has more than ${maxRecords - 1} rows; split it`);
    }
    record = [];
  };
  while (i < text.length) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') (field += '"'), (i += 2);
      else if (char === '"') (quoted = false), i++;
      else (field += char), i++;
    } else if (char === '"' && field === '') (quoted = true), i++;
    else if (char === separator) record.push(field), (field = ''), i++;
    else if (char === '\r' && text[i + 1] === '\n') endRecord(), (i += 2);
    else if (char === '\n' || char === '\r') endRecord(), i++;
    else (field += char), i++;
  }
  if (quoted) throw new SheetError(422, 'malformed_csv', 'a quoted field is never closed (a " without its partner)');
  if (field !== '' || record.length > 0) endRecord();
  return records;
}

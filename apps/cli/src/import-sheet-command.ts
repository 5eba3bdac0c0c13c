import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveAuthConfig } from '../../api/src/auth/auth-config';
import { issueToken } from '../../api/src/auth/issue-token';
import { createApp } from '../../api/src/bootstrap/create-app';
import { Settings } from '../../api/src/config/settings';
import { ImportReport } from '../../api/src/imports/import-report';
import { SheetImports } from '../../api/src/imports/sheet-imports.service';
import { EVERY_SCHOOL } from '../../api/src/scope/scope';

export const IMPORT_SHEET_USAGE = `import-sheet <file.xlsx|file.csv> [--commit] [--map "Header=field" …] [--api <url>] [--token <token>] [--json]
                        import organisations, people and partnerships from a sheet: a dry run unless --commit;
                        with the API running (on --api, default http://localhost:$PORT) it posts there, else it opens the log itself`;

/** Who the report says what happened to, one line per refused row. */
export function describeReport(report: ImportReport): string {
  const { summary: s } = report;
  const head = report.committed
    ? report.position === null
      ? 'committed: nothing new to write (everything matched)'
      : `committed at log position ${report.position}`
    : report.dryRun
      ? 'dry run: nothing written (add --commit to write)'
      : 'refused: nothing written';
  const lines = [
    head,
    `rows ${s.rows}: ${s.created} with something new, ${s.matched} all matched, ${s.refused} refused`,
    `organisations: ${s.organisations.created} new, ${s.organisations.matched} matched, ${s.organisations.updated} given an identifier; people: ${s.people.created} new, ${s.people.matched} matched; partnerships: ${s.partnerships.created} new, ${s.partnerships.matched} matched; contacts: ${s.contacts.created} assigned`,
  ];
  if (report.ignoredColumns.length > 0) lines.push(`columns not read: ${report.ignoredColumns.join(', ')}`);
  for (const error of report.errors) lines.push(`  row ${error.row}${error.column ? `, ${error.column}` : ''}: ${error.code} — ${error.message}`);
  return lines.join('\n');
}

async function apiAnswers(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) })).status < 500;
  } catch {
    return false;
  }
}

/** Posts the sheet to the running API, which writes through its own log and domain rules. */
async function postToApi(url: string, token: string, file: Buffer, name: string, commit: boolean, mapping: Record<string, string> | undefined): Promise<ImportReport> {
  const form = new FormData();
  form.append('file', new Blob([file]), name);
  if (mapping) form.append('mapping', JSON.stringify(mapping));
  const response = await fetch(`${url}/api/imports?dryRun=${commit ? 'false' : 'true'}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const body = (await response.json()) as ImportReport & { code?: string; message?: string; report?: ImportReport };
  if (body.report) return body.report;
  if (response.status >= 400) throw new Error(`the API refused the sheet (${response.status} ${body.code}): ${body.message}`);
  return body;
}

/** `import-sheet <file> [--commit]`: answers the report as text (or JSON) and whether every row went through. */
export async function importSheetCommand(settings: Settings, args: string[]): Promise<{ output: string; ok: boolean }> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { commit: { type: 'boolean', default: false }, map: { type: 'string', multiple: true }, api: { type: 'string' }, token: { type: 'string' }, json: { type: 'boolean', default: false } },
    strict: true,
  });
  if (positionals.length !== 1) throw new Error(`usage: npm run cli -- ${IMPORT_SHEET_USAGE}`);
  const path = positionals[0];
  const file = readFileSync(path);
  const mapping = values.map?.length
    ? Object.fromEntries(
        values.map.map((pair) => {
          const at = pair.lastIndexOf('=');
          if (at < 1) throw new Error(`--map takes "Sheet header=field", got '${pair}'`);
          return [pair.slice(0, at), pair.slice(at + 1)];
        }),
      )
    : undefined;
  const commit = values.commit ?? false;
  const url = (values.api ?? `http://localhost:${settings.port}`).replace(/\/$/, '');
  let report: ImportReport;
  if (await apiAnswers(url)) {
    const token = values.token ?? process.env.CRM_TOKEN ?? issueToken(resolveAuthConfig(settings, { log: () => undefined, warn: () => undefined }), { sub: 'cli-import', roles: ['admin'], ttlSeconds: 600 });
    report = await postToApi(url, token, file, basename(path), commit, mapping);
  } else {
    if (values.api) throw new Error(`no API answers on ${url}`);
    // No API on this machine: this process is the only writer of the embedded log, through the same service.
    const app = await createApp(settings, { logger: false });
    try {
      const correlationId = randomUUID();
      report = await app.get(SheetImports).import(file, { dryRun: !commit, mapping }, { recordedBy: 'cli-import', scope: EVERY_SCHOOL, correlationId, causationId: correlationId });
    } finally {
      await app.close();
    }
  }
  return { output: values.json ? JSON.stringify(report, null, 2) : describeReport(report), ok: report.summary.refused === 0 };
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { ApiError, unwrap } from '@/lib/api-errors';
import { saveDownload } from '@/lib/download';
import { newIdempotencyKey } from '@/lib/ids';

/** apps/api imports/import-report.ts ImportReport (SPEC §8): what an import did, or in a dry run would do, per row. */
export type Outcome = 'created' | 'matched';
export interface ImportError {
  row: number;
  column: string | null;
  code: string;
  message: string;
}
export interface ImportRowReport {
  row: number;
  outcome: Outcome | 'refused';
  organisation?: { id: string; name: string; outcome: Outcome | 'updated' };
  person?: { id: string; name: string; outcome: Outcome };
  partnership?: { id: string; schoolId: string; outcome: Outcome };
  contact?: { role: 'primary' | 'backup'; outcome: Outcome };
  errors: ImportError[];
}
export interface ImportReport {
  dryRun: boolean;
  committed: boolean;
  position: number | null;
  ignoredColumns: string[];
  summary: { rows: number; created: number; matched: number; refused: number };
  rows: ImportRowReport[];
  errors: ImportError[];
}

/**
 * The import routes as the typed client will know them once openapi.json describes them (branch `sheets`); until then
 * the client is asked for them by path, which is all the cast below stands for.
 */
interface ImportClient {
  POST(path: '/api/imports', init: { params: { query: { dryRun: 'true' | 'false' }; header: { 'Idempotency-Key': string } }; body: FormData; bodySerializer: (body: FormData) => FormData }): Promise<{ data?: unknown; error?: unknown; response: Response }>;
  GET(path: '/api/imports/template', init: { params: { query: { format: 'xlsx' | 'csv' } }; parseAs: 'blob' }): Promise<{ data?: unknown; error?: unknown; response: Response }>;
}
const imports = api as unknown as ImportClient;

/** Sends the sheet: a dry run reports per row; a commit writes every row or none (422 import_refused with the report). */
export function useImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ file, dryRun }: { file: File; dryRun: boolean }): Promise<ImportReport> => {
      const body = new FormData();
      body.append('file', file);
      const result = await imports.POST('/api/imports', {
        params: { query: { dryRun: dryRun ? 'true' : 'false' }, header: { 'Idempotency-Key': newIdempotencyKey() } },
        body,
        bodySerializer: (form) => form,
      });
      if (result.response.status === 422 && (result.error as { report?: ImportReport })?.report) return (result.error as { report: ImportReport }).report;
      return unwrap(result) as ImportReport;
    },
    retry: (failures, error) => !(error instanceof ApiError) && failures < 1,
    onSuccess: (report) => {
      if (report.committed) ['organisations', 'people', 'partnerships', 'reports'].forEach((key) => void queryClient.invalidateQueries({ queryKey: [key] }));
    },
  });
}

export async function downloadTemplate(format: 'xlsx' | 'csv'): Promise<void> {
  saveDownload(await imports.GET('/api/imports/template', { params: { query: { format } }, parseAs: 'blob' }), `import-template.${format}`);
}

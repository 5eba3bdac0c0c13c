import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '@crm/api-client';
import { api } from '@/lib/api';
import { ApiError, unwrap } from '@/lib/api-errors';
import { saveDownload } from '@/lib/download';

/** What an import did, or in a dry run would do, per row (SPEC §8). */
export type ImportReport = components['schemas']['ImportReportResponse'];
export type ImportRowReport = components['schemas']['ImportRowResponse'];
type UploadBody = { file: string; mapping?: string };

/** Sends the sheet: a dry run reports per row; a commit writes every row or none (422 import_refused with the report). */
export function useImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ file, dryRun }: { file: File; dryRun: boolean }): Promise<ImportReport> => {
      const form = new FormData();
      form.append('file', file);
      const result = await api.POST('/api/imports', {
        params: { query: { dryRun: dryRun ? 'true' : 'false' } },
        // multipart/form-data: the browser writes the body and its boundary from the FormData as it is.
        body: form as unknown as UploadBody,
        bodySerializer: (body) => body as unknown as FormData,
      });
      const refused = result.error as { report?: ImportReport } | undefined;
      if (result.response.status === 422 && refused?.report) return refused.report;
      return unwrap(result);
    },
    retry: (failures, error) => !(error instanceof ApiError) && failures < 1,
    onSuccess: (report) => {
      if (report.committed) ['organisations', 'people', 'partnerships', 'reports'].forEach((key) => void queryClient.invalidateQueries({ queryKey: [key] }));
    },
  });
}

export async function downloadTemplate(format: 'xlsx' | 'csv'): Promise<void> {
  saveDownload(await api.GET('/api/imports/template', { params: { query: { format } }, parseAs: 'blob' }), `import-template.${format}`);
}

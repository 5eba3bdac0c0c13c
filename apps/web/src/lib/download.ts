import { unwrap } from './api-errors';

/** The files every list and report exports as: an Excel workbook or CSV. */
export type ExportFormat = 'xlsx' | 'csv';

/** The file name the server gave (Content-Disposition), else `fallback`. */
function fileNameOf(response: Response, fallback: string): string {
  const disposition = response.headers.get('content-disposition') ?? '';
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  return match ? decodeURIComponent(match[1]) : fallback;
}

/**
 * Saves what a typed client call answered (called with `parseAs: 'blob'`) as a file the browser downloads: exports
 * and templates are files for the user, not data for a screen.
 */
export function saveDownload(result: { data?: unknown; error?: unknown; response: Response }, fallbackName: string): void {
  const blob = unwrap(result) as Blob;
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileNameOf(result.response, fallbackName);
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

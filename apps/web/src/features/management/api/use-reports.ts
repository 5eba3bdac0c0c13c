import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { unwrap } from '@/lib/api-errors';
import type { Day } from '@/lib/dates';
import { saveDownload } from '@/lib/download';

const reportKey = (name: string, asOf: Day | undefined) => ['reports', name, asOf ?? 'now'] as const;

/** The levels report (SPEC §5): per level, counts, shares and tier involvement as the API computed them. */
export function useLevelsReport(asOf: Day | undefined) {
  return useQuery({
    queryKey: reportKey('levels', asOf),
    queryFn: async () => unwrap(await api.GET('/api/reports/levels', { params: { query: { asOf } } })),
  });
}

/** Partnerships whose school side hangs on one person. */
export function useKeyPersonRiskReport(asOf: Day | undefined) {
  return useQuery({
    queryKey: reportKey('key-person-risk', asOf),
    queryFn: async () => unwrap(await api.GET('/api/reports/key-person-risk', { params: { query: { asOf, risk: 'high' } } })),
  });
}

/** Partnerships without a school-side contact. */
export function useContinuityReport(asOf: Day | undefined) {
  return useQuery({
    queryKey: reportKey('continuity', asOf),
    queryFn: async () => unwrap(await api.GET('/api/reports/continuity', { params: { query: { asOf, orphaned: 'true' } } })),
  });
}

export type ReportPath = '/api/reports/levels' | '/api/reports/key-person-risk' | '/api/reports/continuity';

/** A report as CSV, the file the API writes. */
export async function downloadReport(path: ReportPath, asOf: Day | undefined): Promise<void> {
  const name = path.split('/').pop()!;
  saveDownload(await api.GET(path, { params: { query: { asOf, format: 'csv' } }, parseAs: 'blob' }), `${name}.csv`);
}

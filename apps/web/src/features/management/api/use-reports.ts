import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { unwrap } from '@/lib/api-errors';
import type { Day } from '@/lib/dates';
import { type ExportFormat, saveDownload } from '@/lib/download';

const reportKey = (name: string, asOf: Day | undefined) => ['reports', name, asOf ?? 'now'] as const;

/** The levels report (SPEC §5): per level, counts, shares and tier involvement as the API computed them. */
export function useLevelsReport(asOf: Day | undefined, enabled = true) {
  return useQuery({
    enabled,
    queryKey: reportKey('levels', asOf),
    queryFn: async () => unwrap(await api.GET('/api/reports/levels', { params: { query: { asOf } } })),
  });
}

/** Partnerships whose school side hangs on one person. */
export function useKeyPersonRiskReport(asOf: Day | undefined, enabled = true) {
  return useQuery({
    enabled,
    queryKey: reportKey('key-person-risk', asOf),
    queryFn: async () => unwrap(await api.GET('/api/reports/key-person-risk', { params: { query: { asOf, risk: 'high' } } })),
  });
}

/** Partnerships without a school-side contact. */
export function useContinuityReport(asOf: Day | undefined, enabled = true) {
  return useQuery({
    enabled,
    queryKey: reportKey('continuity', asOf),
    queryFn: async () => unwrap(await api.GET('/api/reports/continuity', { params: { query: { asOf, orphaned: 'true' } } })),
  });
}

/** The levels report month by month for the year up to `asOf` (the API steps back from it). */
export function useLevelsHistory(asOf: Day | undefined, enabled = true) {
  return useQuery({
    enabled,
    queryKey: reportKey('levels-history', asOf),
    queryFn: async () => unwrap(await api.GET('/api/reports/levels/history', { params: { query: { to: asOf, every: 'month' } } })),
  });
}

/** Per partner organisation, what the schools asked of it in the last year, most loaded first. */
export function usePartnerLoadReport(asOf: Day | undefined, enabled = true) {
  return useQuery({
    enabled,
    queryKey: reportKey('partner-load', asOf),
    queryFn: async () => unwrap(await api.GET('/api/reports/partner-load', { params: { query: { asOf } } })),
  });
}

/** What happened to the partnerships of the people who left in the last year. */
export function useDeparturesReport(asOf: Day | undefined, enabled = true) {
  return useQuery({
    enabled,
    queryKey: reportKey('departures', asOf),
    queryFn: async () => unwrap(await api.GET('/api/reports/departures', { params: { query: { asOf } } })),
  });
}

/** Days from opening to the first activity and the first agreement, per level. */
export function useStartUpReport(asOf: Day | undefined, enabled = true) {
  return useQuery({
    enabled,
    queryKey: reportKey('start-up', asOf),
    queryFn: async () => unwrap(await api.GET('/api/reports/start-up', { params: { query: { asOf } } })),
  });
}

export type ReportPath =
  | '/api/reports/levels'
  | '/api/reports/key-person-risk'
  | '/api/reports/continuity'
  | '/api/reports/partner-load'
  | '/api/reports/departures'
  | '/api/reports/start-up';

/** A report as the file the API writes (Excel or CSV). */
export async function downloadReport(path: ReportPath, asOf: Day | undefined, format: ExportFormat): Promise<void> {
  const name = path.split('/').pop()!;
  saveDownload(await api.GET(path, { params: { query: { asOf, format } }, parseAs: 'blob' }), `${name}.${format}`);
}

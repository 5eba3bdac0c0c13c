import type { paths } from '@crm/api-client';
import { isUuid } from '@/lib/ids';

/** The query the partnership list takes (openapi.json), less paging and format: what the screen's filters set. */
type ListQuery = NonNullable<paths['/api/partnerships']['get']['parameters']['query']>;
export type PartnershipFilters = Pick<ListQuery, 'level' | 'stage' | 'status' | 'intensity' | 'risk' | 'region' | 'school' | 'partner' | 'text' | 'sort'>;
export type ListSort = NonNullable<ListQuery['sort']>;

export const LEVELS = ['po', 'vmbo', 'havo', 'vwo', 'mbo', 'hbo', 'wo'] as const;
export const STAGES = ['exploring', 'agreed', 'active', 'paused', 'ended'] as const;
export const STATUSES = ['healthy', 'attention', 'at_risk', 'dormant', 'not_opened', 'ended'] as const;
export const RISKS = ['high', 'medium', 'low'] as const;
export const INTENSITIES = ['placement', 'aligned', 'exchange', 'innovation'] as const;
export const SORTS: readonly ListSort[] = ['healthScore', '-healthScore', 'trend', '-trend', 'openedAt', '-openedAt', 'school', '-school', 'partner', '-partner'];

const oneOf = <T extends string>(values: readonly T[], value: unknown): T | undefined => (values as readonly unknown[]).includes(value) ? (value as T) : undefined;
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.slice(0, 200) : undefined);
const uuid = (value: unknown): string | undefined => (isUuid(value) ? value : undefined);

/** The list's filters live in the URL (a reload or a shared link shows the same list); anything unknown is dropped. */
export function validateListSearch(search: Record<string, unknown>): PartnershipFilters {
  const filters: PartnershipFilters = {
    level: oneOf(LEVELS, search.level),
    stage: oneOf(STAGES, search.stage),
    status: oneOf(STATUSES, search.status),
    intensity: oneOf(INTENSITIES, search.intensity),
    risk: oneOf(RISKS, search.risk),
    region: text(search.region),
    school: uuid(search.school),
    partner: uuid(search.partner),
    text: text(search.text),
    sort: oneOf(SORTS, search.sort),
  };
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined)) as PartnershipFilters;
}

import { HealthStatus } from './formulas/health';
import { KeyPersonRisk } from './formulas/key-person-risk';

/** The values read models answer with, as lists for validation of filters and for docs. */
export const HEALTH_STATUSES = ['healthy', 'attention', 'at_risk', 'dormant', 'ended', 'not_opened'] as const satisfies readonly HealthStatus[];
export const KEY_PERSON_RISKS = ['high', 'medium', 'low'] as const satisfies readonly KeyPersonRisk[];

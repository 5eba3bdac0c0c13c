import { auditProjection } from './audit.projection';
import { loginsProjection } from './logins.projection';
import { organisationsProjection } from './organisations.projection';
import { partnershipsProjection } from './partnerships.projection';
import { peopleProjection } from './people.projection';
import { ProjectionDefinition } from './projection-definition';

export * from './projection-definition';
export { auditProjection, loginsProjection, organisationsProjection, partnershipsProjection, peopleProjection };
export type { LoginFacts } from './logins.projection';
export type { AuditEntry } from './audit.projection';

export const ALL_PROJECTIONS: readonly ProjectionDefinition[] = [
  organisationsProjection,
  peopleProjection,
  partnershipsProjection,
  loginsProjection,
  auditProjection,
] as unknown as ProjectionDefinition[];

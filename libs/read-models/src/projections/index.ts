import { organisationsProjection } from './organisations.projection';
import { partnershipsProjection } from './partnerships.projection';
import { peopleProjection } from './people.projection';
import { ProjectionDefinition } from './projection-definition';

export * from './projection-definition';
export { organisationsProjection, partnershipsProjection, peopleProjection };

export const ALL_PROJECTIONS: readonly ProjectionDefinition[] = [
  organisationsProjection,
  peopleProjection,
  partnershipsProjection,
] as unknown as ProjectionDefinition[];

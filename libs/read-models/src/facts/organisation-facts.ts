import { OrganisationKind, OrganisationSize, SchoolLevel } from '@crm/domain';

export interface OrganisationFacts {
  _id: string;
  organisationId: string;
  name: string;
  kind: OrganisationKind;
  levels: SchoolLevel[];
  sector?: string;
  region?: string;
  size?: OrganisationSize;
  registeredAt: string;
  position: number;
  /** The revision of the aggregate's stream after the last event applied (absent in documents projected before v4/v3/v2). */
  revision?: number;
  [field: string]: unknown;
}

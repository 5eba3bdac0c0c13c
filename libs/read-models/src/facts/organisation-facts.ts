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
  /** Search keys of the name (text-filters searchKeysOf). */
  searchKeys: string[];
  /** The schools this organisation is the partner of (PartnershipOpened), each once. */
  partnerOf?: string[];
  /** Whose scope it is in (SPEC §6 R2): itself when a school, and the schools it is the partner of. Indexed (absent before v4). */
  schoolIds?: string[];
  position: number;
  /** The revision of the aggregate's stream after the last event applied (absent in documents projected before v4/v3/v2). */
  revision?: number;
  [field: string]: unknown;
}

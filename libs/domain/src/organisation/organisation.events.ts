import { OrganisationKind, OrganisationSize, SchoolLevel } from '../shared/vocabulary';

export type OrganisationProfile = {
  name: string;
  kind: OrganisationKind;
  /** School levels offered; empty for organisations that are not schools. */
  levels: SchoolLevel[];
  sector?: string;
  region?: string;
  size?: OrganisationSize;
  /** KvK number, 8 digits (SPEC §1 R2); absent in events written before identifiers existed. */
  kvk?: string;
  /** BRIN code of a school, 4 characters. */
  brin?: string;
};

export type OrganisationRegistered = {
  type: 'OrganisationRegistered';
  data: { organisationId: string } & OrganisationProfile;
};

export type OrganisationUpdated = {
  type: 'OrganisationUpdated';
  data: { organisationId: string } & Partial<OrganisationProfile>;
};

export type OrganisationEvent = OrganisationRegistered | OrganisationUpdated;

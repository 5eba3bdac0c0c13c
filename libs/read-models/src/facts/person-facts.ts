import { PersonTier } from '@crm/domain';

export interface PersonFacts {
  _id: string;
  personId: string;
  organisationId: string;
  name: string;
  email?: string;
  phone?: string;
  role: string;
  tier: PersonTier;
  /** Since when the person works at the organisation, when the registration said so. */
  joinedAt?: string;
  /**
   * Role and tier from each date on, oldest first. The first entry is the registration, from `joinedAt`, or `null`
   * when that is unknown: it then holds from the start.
   */
  roleHistory: { role: string; tier: PersonTier; from: string | null }[];
  registeredAt: string;
  leftAt?: string;
  erased: boolean;
  /** Search keys of name and role (text-filters searchKeysOf); none once erased. */
  searchKeys: string[];
  position: number;
  /** The revision of the aggregate's stream after the last event applied (absent in documents projected before v4/v3/v2). */
  revision?: number;
  [field: string]: unknown;
}

/** How formulas look people up: the people named in a partnership's facts. */
export type PeopleLookup = (personId: string) => PersonFacts | undefined;

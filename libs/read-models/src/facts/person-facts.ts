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
  /** Role and tier from each date on, oldest first; the first entry is the registration, which holds from the start (epoch). */
  roleHistory: { role: string; tier: PersonTier; from: string }[];
  registeredAt: string;
  leftAt?: string;
  erased: boolean;
  position: number;
  /** The revision of the aggregate's stream after the last event applied (absent in documents projected before v4/v3/v2). */
  revision?: number;
  [field: string]: unknown;
}

/** How formulas look people up: the people named in a partnership's facts. */
export type PeopleLookup = (personId: string) => PersonFacts | undefined;

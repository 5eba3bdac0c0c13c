import { PersonTier } from '../shared/vocabulary';

export type PersonRegistered = {
  type: 'PersonRegistered';
  data: {
    personId: string;
    organisationId: string;
    name: string;
    email?: string;
    phone?: string;
    role: string;
    tier: PersonTier;
    /** Since when the person works there, when known (absent in events written before it existed: unknown). */
    joinedAt?: string;
  };
};

export type PersonRoleChanged = {
  type: 'PersonRoleChanged';
  data: { personId: string; role: string; tier: PersonTier; at: string };
};

export type PersonLeftOrganisation = {
  type: 'PersonLeftOrganisation';
  data: { personId: string; leftAt: string; reason?: string };
};

export type PersonErased = {
  type: 'PersonErased';
  data: { personId: string; at: string };
};

export type PersonEvent = PersonRegistered | PersonRoleChanged | PersonLeftOrganisation | PersonErased;

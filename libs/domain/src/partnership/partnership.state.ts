import { IdSet } from '../shared/id-set';
import { AgreementKind, Intensity, SchoolLevel, Side, Stage } from '../shared/vocabulary';

export interface SideContacts {
  primary?: string;
  backups: string[];
  /** When each current contact was assigned. */
  assignedAt: Record<string, string>;
}

export type CommitmentStatus = 'open' | 'fulfilled' | 'broken' | 'cancelled';

export interface OpenPartnershipState {
  exists: true;
  partnershipId: string;
  schoolId: string;
  partnerId: string;
  levels: SchoolLevel[];
  intensity: Intensity;
  themes: string[];
  openedAt: string;
  stage: Stage;
  contacts: Record<Side, SideContacts>;
  agreements: Record<string, { kind: AgreementKind; signedAt: string; validUntil?: string; terminatedAt?: string }>;
  commitments: Record<string, { side: Side; status: CommitmentStatus; madeAt: string }>;
  /** Ids of interactions, activities and evaluations, so a client-chosen id is never used twice. */
  recordIds: IdSet;
}

export type PartnershipState = { exists: false } | OpenPartnershipState;

export const sideOrganisation = (state: OpenPartnershipState, side: Side): string =>
  side === 'school' ? state.schoolId : state.partnerId;

/** The side a person is assigned on, if any. */
export function assignedSide(state: OpenPartnershipState, personId: string): Side | undefined {
  for (const side of ['school', 'partner'] as const) {
    const contacts = state.contacts[side];
    if (contacts.primary === personId || contacts.backups.includes(personId)) return side;
  }
  return undefined;
}

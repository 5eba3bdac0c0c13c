import type { components } from '@crm/api-client';

/**
 * The API's answers as the screens read them: the generated types of openapi.json (`npm run openapi`), named for the
 * screens. Where SPEC R2 adds names to an answer that the document does not describe yet, the extra fields are
 * optional here and the screens fall back when they are absent.
 */
type Schemas = components['schemas'];

export type PartnershipSummary = Schemas['PartnershipDetailResponse'];
export type Health = Schemas['PartnershipHealthResponse'];
export type Continuity = Schemas['PartnershipContinuityResponse'];
export type SideContinuity = Schemas['SideContinuityResponse'];
export type KeyPersonRiskReport = Schemas['PartnershipKeyPersonRiskResponse'];
export type SideKeyPersonRisk = Schemas['SideKeyPersonRiskResponse'];
export type Person = Schemas['PersonResponse'];
export type PeoplePage = Schemas['PeopleListResponse'];
export type TimelinePage = Schemas['TimelineResponse'];
export type TimelineEntry = Schemas['TimelineEntryResponse'] & { recordedByName?: string | null };

export type Side = SideContinuity['side'];
export type Stage = PartnershipSummary['stage'];
export type HealthStatus = PartnershipSummary['status'];
export type Risk = SideKeyPersonRisk['risk'];

/** SPEC §3.5 R2: each item names the partnership (school and partner) and the people it concerns, and says what clears it. */
export type WorklistItem = Omit<Schemas['WorklistItemResponse'], 'type'> & {
  type: Schemas['WorklistItemResponse']['type'] | 'involve_backup' | 'partner_contact_left';
};
export type Worklist = Omit<Schemas['WorklistResponse'], 'items'> & { items: WorklistItem[] };

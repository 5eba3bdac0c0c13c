/**
 * Shapes of the API's answers the screens read, for the routes whose responses openapi.json does not describe yet
 * (the client types them as unknown until then). Each mirrors the server's type named beside it; when the document
 * describes the route, use `components['schemas'][…]` from @crm/api-client instead and delete the copy here.
 */
export type Side = 'school' | 'partner';
export type Stage = 'exploring' | 'agreed' | 'active' | 'paused' | 'ended';
export type Intensity = 'placement' | 'aligned' | 'exchange' | 'innovation';
export type HealthStatus = 'ended' | 'dormant' | 'healthy' | 'attention' | 'at_risk' | 'not_opened';
export type Risk = 'high' | 'medium' | 'low';
export type Level = 'po' | 'vmbo' | 'havo' | 'vwo' | 'mbo' | 'hbo' | 'wo';

export interface NamedRef {
  personId: string;
  name: string;
}

/** libs/read-models formulas/worklist.ts WorklistAction (+ the names of SPEC §3.5 R2 where the server gives them). */
export interface WorklistItem {
  type: string;
  partnershipId: string;
  dueAt: string;
  overdue: boolean;
  reason: string;
  clearedBy?: string;
  concerns?: Array<NamedRef & { side?: Side | null }>;
  partnership?: { school?: { name?: string | null }; partner?: { name?: string | null } };
  schoolName?: string | null;
  partnerName?: string | null;
}

export interface Worklist {
  personId?: string;
  asOf: string;
  items: WorklistItem[];
}

/** apps/api partnerships/queries/partnership-summary.ts */
export interface PartnershipSummary {
  partnershipId: string;
  school: { organisationId: string; name: string | null; region: string | null };
  partner: { organisationId: string; name: string | null; kind: string | null; sector: string | null };
  levels: Level[];
  themes: string[];
  openedAt: string;
  stage: Stage;
  intensity: Intensity;
  healthScore: number | null;
  status: HealthStatus;
  schoolKeyPersonRisk: Risk;
  trend?: number | null;
  revision?: number;
}

/** formulas/health.ts HealthReport */
export interface Health {
  partnershipId: string;
  asOf: string;
  score: number | null;
  status: HealthStatus;
  reason?: string;
  trend: number | null;
  trendReason?: string;
  components: Array<{ name: string; score: number | null; weight: number; reason: string }>;
}

export interface ContactRef extends NamedRef {
  since: string;
  tenureDays: number;
}

/** formulas/continuity.ts SideContinuity */
export interface SideContinuity {
  side: Side;
  primary: ContactRef | null;
  backups: ContactRef[];
  handovers: { allTime: number; last3Years: number };
  warmHandovers: number;
  coldHandovers: number;
  gapDays: number;
  orphaned: boolean;
  orphanedSince: string | null;
  distinctParticipants365: number;
}

export interface Continuity {
  partnershipId: string;
  asOf: string;
  school: SideContinuity;
  partner: SideContinuity;
}

/** formulas/key-person-risk.ts SideKeyPersonRisk */
export interface SideKeyPersonRisk {
  side: Side;
  risk: Risk;
  topPerson: NamedRef | null;
  topShare: number | null;
  activePeople: number;
  backupAssigned: boolean;
  reason: string;
}

export interface KeyPersonRiskReport {
  partnershipId: string;
  asOf: string;
  school: SideKeyPersonRisk;
  partner: SideKeyPersonRisk;
}

/** apps/api partnerships/queries/timeline.query.ts TimelineEntry */
export interface TimelineEntry {
  position: number;
  revision: number;
  type: string;
  at?: string;
  recordedAt: string;
  recordedBy: string;
  recordedByName?: string | null;
  data: Record<string, unknown>;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** apps/api people/queries/people-queries.service.ts personView */
export interface Person {
  personId: string;
  organisationId: string;
  organisationName: string | null;
  name: string;
  role: string;
  tier: string;
  inOrganisation: boolean;
}

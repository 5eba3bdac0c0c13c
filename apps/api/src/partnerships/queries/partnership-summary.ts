import { healthFigures, intensityAt, PartnershipFacts, sideKeyPersonRiskLevel, stageAt } from '@crm/read-models';
import { ReadContext } from '../../read-side/read-context';

/** SPEC §3.6: what each partnership in a list carries, as of asOf: figures, not the reasons behind them (GET …/health words those). */
export function partnershipSummary(facts: PartnershipFacts, context: ReadContext, asOf: string) {
  const school = context.organisations.get(facts.schoolId);
  const partner = context.organisations.get(facts.partnerId);
  const health = healthFigures(facts, context.people, asOf);
  return {
    partnershipId: facts.partnershipId,
    school: { organisationId: facts.schoolId, name: school?.name ?? null, region: school?.region ?? null },
    partner: { organisationId: facts.partnerId, name: partner?.name ?? null, kind: partner?.kind ?? null, sector: partner?.sector ?? null },
    levels: facts.levels,
    themes: facts.themes,
    openedAt: facts.openedAt,
    stage: stageAt(facts, asOf),
    intensity: intensityAt(facts, asOf),
    healthScore: health.score,
    status: health.status,
    /** score(asOf) − score(asOf − 90 days); null when not open 90 days before asOf. */
    trend: health.trend,
    schoolKeyPersonRisk: sideKeyPersonRiskLevel(facts, context.people, 'school', asOf),
  };
}

export type PartnershipSummary = ReturnType<typeof partnershipSummary>;

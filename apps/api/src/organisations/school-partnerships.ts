import { Inject, Injectable } from '@nestjs/common';
import { PartnershipOfSchool } from '@crm/domain';
import { EVENT_STORE, EventStore } from '@crm/event-store';
import { PROJECTIONS, ProjectionsView } from '@crm/read-models';
import { Settings, SETTINGS } from '../config/settings';
import { ReadModels } from '../read-side/read-models.service';
import { EVERY_SCHOOL } from '../scope/scope';

/**
 * The partnerships an organisation is the school of, for the organisation decider: from the partnerships read model
 * once it has caught up with the log (so a partnership opened just before is among them), by the indexed schoolId.
 * All of them, whoever asks: the domain's rules decide on every fact (whether the caller may act is CommandScope's).
 */
@Injectable()
export class SchoolPartnerships {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(PROJECTIONS) private readonly projections: ProjectionsView,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  async of(organisationId: string): Promise<PartnershipOfSchool[]> {
    await this.projections.waitFor(await this.events.headPosition(), this.settings.minPositionWaitMs);
    const partnerships = await this.readModels.partnerships(EVERY_SCHOOL, { schoolId: organisationId });
    return partnerships
      .map((facts) => ({ partnershipId: facts.partnershipId, levels: facts.levels, open: facts.stage !== 'ended' }))
      .sort((a, b) => a.partnershipId.localeCompare(b.partnershipId));
  }
}

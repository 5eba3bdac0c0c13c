import { Decider } from '../shared/decider';
import { PartnershipCommand } from './partnership.commands';
import { decidePartnership, PartnershipContext } from './partnership.decide';
import { PartnershipEvent } from './partnership.events';
import { evolvePartnership } from './partnership.evolve';
import { PartnershipState } from './partnership.state';

export const partnershipDecider: Decider<PartnershipCommand, PartnershipEvent, PartnershipState, PartnershipContext> = {
  initialState: { exists: false },
  decide: decidePartnership,
  evolve: evolvePartnership,
};

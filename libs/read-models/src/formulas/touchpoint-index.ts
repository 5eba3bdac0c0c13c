import { PERSON_TIERS, PersonTier, Side, SIDES } from '@crm/domain';
import { PartnershipFacts, TouchpointFact } from '../facts/partnership-facts';
import { PeopleLookup, PersonFacts } from '../facts/person-facts';
import { countAtMost, participantsOf, tierAt, touchpointChronology } from './as-of';
import { schoolYearOf } from './recurring-cooperation';

/**
 * Running totals over a partnership's touchpoints in date order (touchpointChronology), built once per partnership:
 * a window's count is then the difference of two totals rather than a walk over the window. Reports ask the same
 * partnership about many windows (a history, a report at each date); a year's window holds dozens of touchpoints.
 * Position i of a total counts the first i touchpoints (length n + 1).
 */
export interface TouchpointTotals {
  interactions: Int32Array;
  interactionsByPartner: Int32Array;
  /** How many touchpoints, from the first, pass before some activity kind has been held in two school years; n + 1 when never. */
  recurringFrom: number;
}

interface Memo<T> {
  length: number;
  value: T;
}

const totalsMemo = new WeakMap<readonly TouchpointFact[], Memo<TouchpointTotals>>();

export function touchpointTotals(facts: PartnershipFacts): TouchpointTotals {
  const known = totalsMemo.get(facts.touchpoints);
  if (known && known.length === facts.touchpoints.length) return known.value;
  const { items } = touchpointChronology(facts);
  const n = items.length;
  const interactions = new Int32Array(n + 1);
  const interactionsByPartner = new Int32Array(n + 1);
  const firstYear = new Map<string, string>();
  let recurringFrom = n + 1;
  for (let i = 0; i < n; i++) {
    const touchpoint = items[i];
    const interaction = touchpoint.kind === 'interaction';
    interactions[i + 1] = interactions[i] + (interaction ? 1 : 0);
    interactionsByPartner[i + 1] = interactionsByPartner[i] + (interaction && touchpoint.initiatedBy === 'partner' ? 1 : 0);
    if (recurringFrom > n && touchpoint.kind === 'activity' && touchpoint.activityKind) {
      // In date order a kind's school years only grow: it recurs at its first activity in another year than its first.
      const year = schoolYearOf(touchpoint.at);
      const first = firstYear.get(touchpoint.activityKind);
      if (first === undefined) firstYear.set(touchpoint.activityKind, year);
      else if (first !== year) recurringFrom = i + 1;
    }
  }
  totalsMemo.set(facts.touchpoints, { length: n, value: { interactions, interactionsByPartner, recurringFrom } });
  return { interactions, interactionsByPartner, recurringFrom };
}

export interface SidePerson {
  personId: string;
  /** When they left their organisation; +∞ while they have not. */
  leftTime: number;
  /** The positions of the touchpoints they took part in, ascending, each once. */
  positions: number[];
  /** Where they stand among each of those touchpoints' participantIds (first mention). */
  places: number[];
}

/** The touchpoints one side took part in: someone of that side (by organisation) among the participants. */
export interface SideTouchpoints {
  /** Running total of the touchpoints with someone of the side. */
  withSide: Int32Array;
  /** The people of the side who took part in any touchpoint, in order of their first. */
  people: SidePerson[];
  /** Per tier, running total of the touchpoints with someone of the side of that tier as of the touchpoint. */
  withTier: Record<PersonTier, Int32Array>;
}

/** One bit per tier, for the tiers present at a touchpoint. */
const TIER_BITS = Object.fromEntries(PERSON_TIERS.map((tier, i) => [tier, 1 << i])) as Record<PersonTier, number>;

/** What an index was built from: the touchpoints' count, and each participant's record as the lookup gave it. */
interface SidesMemo extends Memo<Record<Side, SideTouchpoints>> {
  participants: Map<string, PersonFacts | undefined>;
}

const sidesMemo = new WeakMap<PartnershipFacts, SidesMemo>();

/** Whether every participant the index was built from is still the same record (stored documents are shared, and replaced when changed). */
function sameParticipants(memo: SidesMemo, people: PeopleLookup): boolean {
  for (const [personId, person] of memo.participants) if (people(personId) !== person) return false;
  return true;
}

/**
 * SideTouchpoints of a partnership, built once and kept while its touchpoints and the records of the people in them
 * stay the same: each request has a lookup of its own, and rebuilding the index per lookup made a partnership's
 * key-person risk cost what its whole history weighs.
 */
export function sideTouchpoints(facts: PartnershipFacts, people: PeopleLookup, side: Side): SideTouchpoints {
  const known = sidesMemo.get(facts);
  if (known && known.length === facts.touchpoints.length && sameParticipants(known, people)) return known.value[side];
  const { items } = touchpointChronology(facts);
  const participantOf = participantsOf(facts, people);
  const n = items.length;
  const build = (): SideTouchpoints => ({
    withSide: new Int32Array(n + 1),
    people: [],
    withTier: Object.fromEntries(PERSON_TIERS.map((tier) => [tier, new Int32Array(n + 1)])) as Record<PersonTier, Int32Array>,
  });
  const sides = { school: build(), partner: build() } as Record<Side, SideTouchpoints>;
  const byId = new Map<string, SidePerson>();
  // Per touchpoint, which sides took part and, per side, which tiers (one bit each, TIER_BITS): built for every
  // touchpoint of every partnership on a first report, so without an object or set per touchpoint.
  let presentSchool = false;
  let presentPartner = false;
  let tiersSchool = 0;
  let tiersPartner = 0;
  for (let i = 0; i < n; i++) {
    const touchpoint = items[i];
    presentSchool = presentPartner = false;
    tiersSchool = tiersPartner = 0;
    const ids = touchpoint.participantIds;
    for (let place = 0; place < ids.length; place++) {
      const { person, side: of, leftTime } = participantOf(ids[place]);
      if (!person || !of) continue;
      const tierBit = TIER_BITS[tierAt(person, touchpoint.at)] ?? 0;
      if (of === 'school') {
        presentSchool = true;
        tiersSchool |= tierBit;
      } else {
        presentPartner = true;
        tiersPartner |= tierBit;
      }
      let entry = byId.get(ids[place]);
      if (!entry) {
        entry = { personId: ids[place], leftTime, positions: [], places: [] };
        byId.set(ids[place], entry);
        sides[of].people.push(entry);
      }
      if (entry.positions[entry.positions.length - 1] !== i) {
        entry.positions.push(i);
        entry.places.push(place);
      }
    }
    for (const of of SIDES) {
      const totals = sides[of];
      const present = of === 'school' ? presentSchool : presentPartner;
      const tiers = of === 'school' ? tiersSchool : tiersPartner;
      totals.withSide[i + 1] = totals.withSide[i] + (present ? 1 : 0);
      for (const tier of PERSON_TIERS) totals.withTier[tier][i + 1] = totals.withTier[tier][i] + ((tiers & TIER_BITS[tier]) !== 0 ? 1 : 0);
    }
  }
  const participants = new Map<string, PersonFacts | undefined>();
  for (const touchpoint of items) for (const personId of touchpoint.participantIds) if (!participants.has(personId)) participants.set(personId, people(personId));
  sidesMemo.set(facts, { length: n, value: sides, participants });
  return sides[side];
}


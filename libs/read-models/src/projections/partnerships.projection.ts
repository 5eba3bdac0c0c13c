import { PartnershipEvent, toTime } from '@crm/domain';
import { RecordedEvent } from '@crm/event-store';
import { freezeAsStored, searchKeysOf } from '@crm/read-store';
import { CommitmentFact, ContactPeriod, PartnershipFacts, TouchpointFact } from '../facts/partnership-facts';
import { byDate } from '../formulas/as-of';
import { ProjectionDefinition } from './projection-definition';

/** Events may be back-dated; keeping the fact lists in date order lets formulas read them as a history. */
function insertByDate<T>(list: T[], item: T, at: (item: T) => string): void {
  list.push(item);
  if (list.length > 1 && toTime(at(list[list.length - 2])) > toTime(at(item))) list.sort(byDate(at));
}

/**
 * A touchpoint never changes once recorded, so it is put in its stored form (undefined fields dropped, deep-frozen) as
 * it is recorded, while it is at hand, as the read store would at the next commit: the commit then passes it by
 * instead of walking it and its participants among a region's million others. One that JSON would change further
 * (a number that is not finite, say) is left as it is, for the store to copy.
 */
function addTouchpoint(facts: PartnershipFacts, touchpoint: TouchpointFact): void {
  if (Array.isArray(touchpoint.participantIds)) touchpoint.participantIds = touchpoint.participantIds.map(sharedPersonId);
  insertByDate(facts.touchpoints, inStoredForm(touchpoint), (t) => t.at);
}

/**
 * Each event's participants arrive as strings of their own: the large region's 1.8 million participant entries name
 * 4,313 people, and their copies held a rebuild's heap about 100 MB higher. Touchpoints keep one string per person
 * instead (one entry per person ever named, kept for the process's life: small beside the touchpoints naming them).
 */
const personIds = new Map<string, string>();

function sharedPersonId(id: string): string {
  const shared = personIds.get(id);
  if (shared !== undefined) return shared;
  if (typeof id === 'string') personIds.set(id, id);
  return id;
}

/** The read store's stored form, for a fact: frozen when it is plain JSON data, else as it was. */
function inStoredForm<T extends object>(fact: T): T {
  freezeAsStored(fact as Record<string, unknown>);
  return fact;
}

/**
 * A partnership's commitments by id, and the people who own one, so that closing a commitment does not search a
 * list that grows for as long as the partnership lives (a scan per close made a rebuild quadratic in a long
 * partnership's commitments), nor an erasure walk every commitment of every partnership (see mayBeRelated). Kept
 * beside the list it indexes (a draft's own array: a copied draft gets a new one, whose index is built again once it
 * is needed); the first commitment of an id wins, as with a search. The length tells an index that missed a change.
 */
interface CommitmentIndex {
  length: number;
  byId: Map<string, CommitmentFact>;
  owners: Set<string>;
}

const commitmentIndexes = new WeakMap<CommitmentFact[], CommitmentIndex>();

function commitmentIndexOf(facts: PartnershipFacts): CommitmentIndex {
  const list = facts.commitments;
  let index = commitmentIndexes.get(list);
  if (!index || index.length !== list.length) {
    index = { length: 0, byId: new Map(), owners: new Set() };
    for (const commitment of list) indexCommitment(index, commitment);
    commitmentIndexes.set(list, index);
  }
  return index;
}

function indexCommitment(index: CommitmentIndex, commitment: CommitmentFact): void {
  index.length++;
  if (!index.byId.has(commitment.id)) index.byId.set(commitment.id, commitment);
  if (commitment.ownerId !== undefined) index.owners.add(commitment.ownerId);
}

function addCommitment(facts: PartnershipFacts, commitment: CommitmentFact): void {
  const list = facts.commitments;
  list.push(commitment);
  const index = commitmentIndexes.get(list);
  if (index && index.length === list.length - 1) indexCommitment(index, commitment);
}

function closeContact(facts: PartnershipFacts, side: ContactPeriod['side'], personId: string, at: string, reason: ContactPeriod['endReason']) {
  for (const period of facts.contacts) {
    if (period.side === side && period.personId === personId && period.to === undefined) {
      period.to = at;
      period.endReason = reason;
    }
  }
}

function applyToPartnership(facts: PartnershipFacts, event: PartnershipEvent): PartnershipFacts {
  switch (event.type) {
    case 'PartnershipOpened':
      return facts;
    case 'PartnershipStageChanged':
      facts.stage = event.data.to;
      insertByDate(facts.stageHistory, { stage: event.data.to, at: event.data.at }, (s) => s.at);
      return facts;
    case 'PartnershipIntensityChanged':
      facts.intensity = event.data.to;
      insertByDate(facts.intensityHistory, { intensity: event.data.to, at: event.data.at }, (s) => s.at);
      return facts;
    case 'ContactPersonAssigned': {
      const { side, personId, role, at } = event.data;
      // Promoting a backup to primary ends the backup period.
      closeContact(facts, side, personId, at, 'other');
      facts.contacts.push({ side, personId, role, from: at });
      return facts;
    }
    case 'ContactPersonUnassigned':
      closeContact(facts, event.data.side, event.data.personId, event.data.at, event.data.reason);
      return facts;
    case 'InteractionRecorded': {
      const { interactionId, occurredAt, participantIds, initiatedBy } = event.data;
      addTouchpoint(facts, { kind: 'interaction', id: interactionId, at: occurredAt, participantIds, initiatedBy });
      return facts;
    }
    case 'ActivityRecorded': {
      const { activityId, startsAt, participantIds, kind, studentCount } = event.data;
      addTouchpoint(facts, { kind: 'activity', id: activityId, at: startsAt, participantIds, activityKind: kind, studentCount });
      return facts;
    }
    case 'EvaluationHeld': {
      const { evaluationId, heldAt, participantIds, schoolSatisfaction, partnerSatisfaction, nextEvaluationDue } = event.data;
      addTouchpoint(facts, { kind: 'evaluation', id: evaluationId, at: heldAt, participantIds });
      insertByDate(
        facts.evaluations,
        { id: evaluationId, at: heldAt, schoolSatisfaction, partnerSatisfaction, ...(nextEvaluationDue && { nextEvaluationDue }) },
        (e) => e.at,
      );
      return facts;
    }
    case 'AgreementSigned': {
      const { agreementId, kind, signedAt, validUntil, signatoryIds } = event.data;
      addTouchpoint(facts, { kind: 'agreement', id: agreementId, at: signedAt, participantIds: signatoryIds });
      insertByDate(facts.agreements, { id: agreementId, kind, signedAt, ...(validUntil && { validUntil }) }, (a) => a.signedAt);
      return facts;
    }
    case 'AgreementTerminated': {
      const agreement = facts.agreements.find((a) => a.id === event.data.agreementId);
      if (agreement) agreement.terminatedAt = event.data.at;
      return facts;
    }
    case 'CommitmentMade': {
      const { commitmentId, side, ownerId, description, dueAt, madeAt } = event.data;
      addCommitment(facts, { id: commitmentId, side, ...(ownerId && { ownerId }), description, dueAt, madeAt, status: 'open' });
      return facts;
    }
    case 'CommitmentFulfilled':
    case 'CommitmentBroken':
    case 'CommitmentCancelled': {
      const commitment = commitmentIndexOf(facts).byId.get(event.data.commitmentId);
      if (commitment) {
        commitment.status = event.type === 'CommitmentFulfilled' ? 'fulfilled' : event.type === 'CommitmentBroken' ? 'broken' : 'cancelled';
        commitment.closedAt = event.data.at;
      }
      return facts;
    }
    case 'PartnershipEnded':
      facts.stage = 'ended';
      facts.endedAt = event.data.at;
      facts.endReason = event.data.reason;
      insertByDate(facts.stageHistory, { stage: 'ended', at: event.data.at }, (s) => s.at);
      return facts;
  }
}

/**
 * An erased person's commitments read `[erased]` for their description: the log encrypts a commitment's description
 * with its owner's key too (libs/privacy PERSONAL_DATA), so a replay reads it as `[erased]`, and this copy must not
 * outlive the key either.
 */
function redactOwnedBy(facts: PartnershipFacts, personId: string): void {
  for (const commitment of facts.commitments) if (commitment.ownerId === personId) commitment.description = ERASED;
}

const ERASED = '[erased]';

const PARTNERSHIP_EVENTS = new Set<string>([
  'PartnershipOpened',
  'PartnershipStageChanged',
  'PartnershipIntensityChanged',
  'ContactPersonAssigned',
  'ContactPersonUnassigned',
  'InteractionRecorded',
  'ActivityRecorded',
  'AgreementSigned',
  'AgreementTerminated',
  'EvaluationHeld',
  'CommitmentMade',
  'CommitmentFulfilled',
  'CommitmentBroken',
  'CommitmentCancelled',
  'PartnershipEnded',
] satisfies PartnershipEvent['type'][]);

export const partnershipsProjection: ProjectionDefinition<PartnershipFacts> = {
  name: 'partnerships',
  collection: 'partnerships',
  // v3: commitments of an erased owner are redacted (PersonErased). v4: the stream revision (an ETag of the queries).
  // v5: activities keep their studentCount (partner load, SPEC §3.8). v6: searchKeys of the themes.
  version: 6,
  indexes: [
    { key: { schoolId: 1 } },
    { key: { partnerId: 1 } },
    { key: { levels: 1 } },
    { key: { searchKeys: 1 } },
    { key: { 'contacts.personId': 1 } },
  ],
  documentId: (event) => (PARTNERSHIP_EVENTS.has(event.type) ? (event.data.partnershipId as string) : undefined),
  relatedDocuments: (event) => (event.type === 'PersonErased' ? { 'commitments.ownerId': event.data.personId } : undefined),
  mayBeRelated: (draft, event) => commitmentIndexOf(draft).owners.has(event.data.personId as string),
  // Touchpoints are frozen when recorded and never change (addTouchpoint): the copy shares them, and copies the rest.
  // A stored document is JSON data, so JSON copies it exactly (and in this realm: a vm's Jest sees structuredClone's
  // objects as foreign, which the store would then copy once more).
  copyForChange(stored) {
    const { touchpoints, ...rest } = stored;
    return { ...(JSON.parse(JSON.stringify(rest)) as PartnershipFacts), touchpoints: [...touchpoints] };
  },
  apply(draft, recorded) {
    if (recorded.type === 'PersonErased') {
      if (draft) {
        redactOwnedBy(draft, recorded.data.personId as string);
        draft.position = recorded.position;
      }
      return draft;
    }
    const event = recorded as unknown as PartnershipEvent;
    if (event.type === 'PartnershipOpened') {
      const { partnershipId, schoolId, partnerId, levels, intensity, themes, openedAt } = event.data;
      return {
        _id: partnershipId,
        partnershipId,
        schoolId,
        partnerId,
        levels,
        themes,
        openedAt,
        stage: 'exploring',
        intensity,
        stageHistory: [{ stage: 'exploring', at: openedAt }],
        intensityHistory: [{ intensity, at: openedAt }],
        touchpoints: [],
        evaluations: [],
        agreements: [],
        commitments: [],
        contacts: [],
        searchKeys: searchKeysOf(...themes),
        position: recorded.position,
        revision: recorded.revision,
      };
    }
    if (!draft) return draft;
    applyToPartnership(draft, event);
    draft.position = recorded.position;
    draft.revision = recorded.revision;
    return draft;
  },
};

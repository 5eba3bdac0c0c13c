import { IdSet } from '../shared/id-set';
import { PartnershipEvent } from './partnership.events';
import { OpenPartnershipState, PartnershipState, SideContacts } from './partnership.state';

function withoutPerson(contacts: SideContacts, personId: string): SideContacts {
  // Most assignments name someone not yet a contact: nothing to take out (and a rest copy is costly in bulk).
  if (contacts.primary !== personId && !Object.hasOwn(contacts.assignedAt, personId) && !contacts.backups.includes(personId)) return contacts;
  const { [personId]: _gone, ...assignedAt } = contacts.assignedAt;
  return {
    primary: contacts.primary === personId ? undefined : contacts.primary,
    backups: contacts.backups.filter((id) => id !== personId),
    assignedAt,
  };
}

function evolveOpen(state: OpenPartnershipState, event: PartnershipEvent): OpenPartnershipState {
  switch (event.type) {
    case 'PartnershipOpened':
      return state;
    case 'PartnershipStageChanged':
      return { ...state, stage: event.data.to };
    case 'PartnershipIntensityChanged':
      return { ...state, intensity: event.data.to };
    case 'ContactPersonAssigned': {
      const { side, personId, role, at } = event.data;
      const current = withoutPerson(state.contacts[side], personId);
      const assignedAt = { ...current.assignedAt, [personId]: at };
      const next: SideContacts =
        role === 'primary'
          ? { ...current, primary: personId, assignedAt }
          : { ...current, backups: [...current.backups, personId], assignedAt };
      return { ...state, contacts: { ...state.contacts, [side]: next } };
    }
    case 'ContactPersonUnassigned': {
      const { side, personId } = event.data;
      return { ...state, contacts: { ...state.contacts, [side]: withoutPerson(state.contacts[side], personId) } };
    }
    case 'InteractionRecorded':
      return { ...state, recordIds: state.recordIds.with(event.data.interactionId) };
    case 'ActivityRecorded':
      return { ...state, recordIds: state.recordIds.with(event.data.activityId) };
    case 'EvaluationHeld':
      return { ...state, recordIds: state.recordIds.with(event.data.evaluationId) };
    case 'AgreementSigned': {
      const { agreementId, kind, signedAt, validUntil } = event.data;
      return { ...state, agreements: { ...state.agreements, [agreementId]: { kind, signedAt, validUntil } } };
    }
    case 'AgreementTerminated': {
      const agreement = state.agreements[event.data.agreementId];
      if (!agreement) return state;
      return {
        ...state,
        agreements: { ...state.agreements, [event.data.agreementId]: { ...agreement, terminatedAt: event.data.at } },
      };
    }
    case 'CommitmentMade':
      return {
        ...state,
        commitments: { ...state.commitments, [event.data.commitmentId]: { side: event.data.side, status: 'open', madeAt: event.data.madeAt } },
      };
    case 'CommitmentFulfilled':
    case 'CommitmentBroken':
    case 'CommitmentCancelled': {
      const commitment = state.commitments[event.data.commitmentId];
      if (!commitment) return state;
      const status =
        event.type === 'CommitmentFulfilled' ? 'fulfilled' : event.type === 'CommitmentBroken' ? 'broken' : 'cancelled';
      return { ...state, commitments: { ...state.commitments, [event.data.commitmentId]: { ...commitment, status } } };
    }
    case 'PartnershipEnded':
      return { ...state, stage: 'ended' };
  }
}

export function evolvePartnership(state: PartnershipState, event: PartnershipEvent): PartnershipState {
  if (event.type === 'PartnershipOpened') {
    const { partnershipId, schoolId, partnerId, levels, intensity, themes, openedAt } = event.data;
    return {
      exists: true,
      partnershipId,
      schoolId,
      partnerId,
      levels,
      intensity,
      themes,
      openedAt,
      stage: 'exploring',
      contacts: { school: { backups: [], assignedAt: {} }, partner: { backups: [], assignedAt: {} } },
      agreements: {},
      commitments: {},
      recordIds: IdSet.empty(),
    };
  }
  return state.exists ? evolveOpen(state, event) : state;
}

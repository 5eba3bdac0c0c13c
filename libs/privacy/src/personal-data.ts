import { DomainEvent, DomainEventType } from '@crm/domain';
import { subjectOf } from './key-store.port';

type DataOf<T extends DomainEventType> = Extract<DomainEvent, { type: T }>['data'];

/** One field of an event that holds personal data. */
export interface PersonalField<D = Record<string, unknown>> {
  field: Extract<keyof D, string>;
  /** Whose key encrypts it. */
  owner(data: D): string;
  /** People whose keys are mixed in as well: erasing any of them erases the field. */
  bound?(data: D): string[];
  /** After erasure: `[erased]` in its place, or the field left out (email and phone have no placeholder that is a valid value). */
  whenErased: 'placeholder' | 'omit';
}

const person = subjectOf.person;
const partnership = subjectOf.partnership;
const people = (ids: readonly string[] | undefined) => (ids ?? []).map(person);

/** Free text of a partnership record: the partnership's key, and the keys of the people the record is about. */
const freeText = <T extends DomainEventType>(
  field: Extract<keyof DataOf<T>, string>,
  about?: (data: DataOf<T>) => string[],
): PersonalField<DataOf<T>> => ({
  field,
  owner: (data) => partnership((data as { partnershipId: string }).partnershipId),
  ...(about && { bound: about }),
  whenErased: 'placeholder',
});

/**
 * THE map of personal data in events: which fields of which event types are encrypted, and with whose key.
 * Everything not listed is stored in the clear (ids, dates, kinds, levels, scores, counts, roles and tiers), which is
 * why figures do not change when someone is erased.
 *
 * - A person's name, email and phone: the person's key (SPEC §6).
 * - Why a person left: the person's key; a departure reason is about them and often sensitive ("burn-out").
 * - Free text of a partnership (interaction summaries, evaluation notes, commitment descriptions, and the reasons
 *   for stage changes, terminations, broken or cancelled commitments and the end): the partnership's key, so a
 *   partnership's free text can be shredded as a whole. Where the record names its people (participants of an
 *   interaction or evaluation, the owner of a commitment) their keys are bound in too, so erasing any of them
 *   erases the text: it may well name them ("Jan promised four places").
 *
 * Not covered: free text that names someone who is not a participant or owner of that record; reasons on
 * events without people (a stage change) stay readable after a person's erasure. `role` (a job title) and
 * organisation names are not treated as personal data.
 */
export const PERSONAL_DATA: { readonly [T in DomainEventType]?: readonly PersonalField<DataOf<T>>[] } = {
  PersonRegistered: [
    { field: 'name', owner: (d) => person(d.personId), whenErased: 'placeholder' },
    { field: 'email', owner: (d) => person(d.personId), whenErased: 'omit' },
    { field: 'phone', owner: (d) => person(d.personId), whenErased: 'omit' },
  ],
  PersonLeftOrganisation: [{ field: 'reason', owner: (d) => person(d.personId), whenErased: 'placeholder' }],
  InteractionRecorded: [freeText<'InteractionRecorded'>('summary', (d) => people(d.participantIds))],
  EvaluationHeld: [freeText<'EvaluationHeld'>('notes', (d) => people(d.participantIds))],
  CommitmentMade: [freeText<'CommitmentMade'>('description', (d) => people(d.ownerId ? [d.ownerId] : []))],
  CommitmentBroken: [freeText<'CommitmentBroken'>('reason')],
  CommitmentCancelled: [freeText<'CommitmentCancelled'>('reason')],
  AgreementTerminated: [freeText<'AgreementTerminated'>('reason')],
  PartnershipStageChanged: [freeText<'PartnershipStageChanged'>('reason')],
  PartnershipEnded: [freeText<'PartnershipEnded'>('reason')],
};

/** The personal fields of an event type, as stored (untyped) events see them. */
export function personalFieldsOf(type: string): readonly PersonalField[] | undefined {
  return PERSONAL_DATA[type as DomainEventType] as readonly PersonalField[] | undefined;
}

/** The subjects a field's key is made from, owner first, bound people de-duplicated. */
export function subjectsFor(field: PersonalField, data: Record<string, unknown>): string[] {
  const owner = field.owner(data);
  const bound = [...new Set(field.bound?.(data) ?? [])].filter((subject) => subject !== owner);
  return [owner, ...bound];
}

/**
 * Events that erase a subject: once one is in the log the subject's key must be gone. The erasure command destroys
 * it right after appending; every reader of the log destroys it too when it meets the event (a no-op normally), so a
 * crash between the append and the destruction is repaired by the next replay or projection.
 */
export const ERASURES: { readonly [T in DomainEventType]?: (data: DataOf<T>) => string } = {
  PersonErased: (d) => person(d.personId),
};

export function erasedSubjectOf(event: { type: string; data: Record<string, unknown> }): string | undefined {
  const subject = ERASURES[event.type as DomainEventType] as ((data: Record<string, unknown>) => string) | undefined;
  return subject?.(event.data);
}

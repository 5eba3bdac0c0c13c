/** Partnership: contact persons (assign, unassign, handover, departure). */
import { DeciderSpec } from '../../test/decider-spec';
import {
  AFTER_LEFT,
  assigned,
  BEFORE_LEFT,
  BEFORE_OPENING,
  ctx,
  ended,
  LEFT_AT,
  NOW,
  opened,
  OPENED_AT,
  OUTSIDER,
  P,
  PARTNER_HR,
  PARTNER_LEAVER,
  PARTNER_OWNER,
  SCHOOL_COORDINATOR,
  SCHOOL_DIRECTOR,
  SCHOOL_LEAVER,
  SCHOOL_TEACHER,
  SOME_DAY,
  UNKNOWN_PERSON,
} from '../../test/fixtures';
import { DomainError } from '../shared/domain-error';
import { ContactRole, Side, UnassignReason } from '../shared/vocabulary';
import { PartnershipCommand } from './partnership.commands';
import { partnershipDecider } from './partnership.decider';
import { OpenPartnershipState, PartnershipState } from './partnership.state';

const spec = DeciderSpec.for(partnershipDecider);
const AT = '2024-03-10T10:00:00.000Z';

const assign = (side: Side, personId: string, role: ContactRole, at: string | null = AT): PartnershipCommand => ({
  type: 'AssignContact',
  partnershipId: P,
  side,
  personId,
  role,
  at: at ?? undefined,
});
const unassign = (personId: string, reason?: UnassignReason, at: string | null = AT): PartnershipCommand => ({
  type: 'UnassignContact',
  partnershipId: P,
  personId,
  reason,
  at: at ?? undefined,
});
const departed = (personId: string, leftAt: string): PartnershipCommand => ({ type: 'UnassignDepartedContact', partnershipId: P, personId, leftAt });

/** Who is assigned, without the assignment dates. */
const contactsOf = (state: PartnershipState) => {
  const strip = ({ assignedAt: _at, ...rest }: OpenPartnershipState['contacts']['school']) => rest;
  const { school, partner } = (state as OpenPartnershipState).contacts;
  return { school: strip(school), partner: strip(partner) };
};

describe('partnership: AssignContact', () => {
  it('assigns a primary contact on the school side', () => {
    const state = spec
      .given([opened()])
      .when(assign('school', SCHOOL_TEACHER, 'primary'), ctx())
      .then([{ type: 'ContactPersonAssigned', data: { partnershipId: P, side: 'school', personId: SCHOOL_TEACHER, role: 'primary', at: AT } }]);
    expect(contactsOf(state)).toEqual({ school: { primary: SCHOOL_TEACHER, backups: [] }, partner: { backups: [] } });
  });

  it('assigns a primary and backups on the partner side, dated now by default', () => {
    const state = spec
      .given([opened(), assigned('partner', PARTNER_HR, 'primary')])
      .when(assign('partner', PARTNER_OWNER, 'backup', null), ctx())
      .then([{ type: 'ContactPersonAssigned', data: { partnershipId: P, side: 'partner', personId: PARTNER_OWNER, role: 'backup', at: NOW } }]);
    expect(contactsOf(state).partner).toEqual({ primary: PARTNER_HR, backups: [PARTNER_OWNER] });
  });

  it('assigns several backups without a primary', () => {
    const state = spec
      .given([opened(), assigned('school', SCHOOL_TEACHER, 'backup')])
      .when(assign('school', SCHOOL_DIRECTOR, 'backup'), ctx())
      .then([{ type: 'ContactPersonAssigned', data: { partnershipId: P, side: 'school', personId: SCHOOL_DIRECTOR, role: 'backup', at: AT } }]);
    expect(contactsOf(state).school).toEqual({ primary: undefined, backups: [SCHOOL_TEACHER, SCHOOL_DIRECTOR] });
  });

  it('refuses a person on the side of the other organisation', () => {
    spec.given([opened()]).when(assign('partner', SCHOOL_TEACHER, 'primary'), ctx()).thenThrows('contact_wrong_side');
    spec.given([opened()]).when(assign('school', PARTNER_HR, 'backup'), ctx()).thenThrows('contact_wrong_side');
  });

  it('refuses a person of neither organisation', () => {
    spec.given([opened()]).when(assign('partner', OUTSIDER, 'primary'), ctx()).thenThrows('person_not_in_partnership');
  });

  it('refuses an unknown person (not found)', () => {
    spec.given([opened()]).when(assign('school', UNKNOWN_PERSON, 'primary'), ctx()).thenThrows('person_not_found', 'not_found');
  });

  it('refuses a person whose departure is recorded, whatever the date of the assignment', () => {
    spec.given([opened()]).when(assign('school', SCHOOL_LEAVER, 'primary', BEFORE_LEFT), ctx()).thenThrows('person_left');
    spec.given([opened()]).when(assign('school', SCHOOL_LEAVER, 'primary', LEFT_AT), ctx()).thenThrows('person_left');
    spec.given([opened()]).when(assign('partner', PARTNER_LEAVER, 'backup', AFTER_LEFT), ctx()).thenThrows('person_left');
  });

  it('does not leave a person who already left as a current contact through a back-dated assignment', () => {
    let state: PartnershipState | undefined;
    try {
      const events = spec.given([opened()]).when(assign('school', SCHOOL_LEAVER, 'primary', BEFORE_LEFT), ctx()).events();
      state = events.reduce(partnershipDecider.evolve, spec.given([opened()]).state);
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).kind).toBe('rule');
      return;
    }
    expect(contactsOf(state).school.primary).not.toBe(SCHOOL_LEAVER);
    expect(contactsOf(state).school.backups).not.toContain(SCHOOL_LEAVER);
  });

  it('refuses the primary as a backup too (a backup is never also the primary)', () => {
    spec.given([opened(), assigned('school', SCHOOL_TEACHER, 'primary')]).when(assign('school', SCHOOL_TEACHER, 'backup'), ctx()).thenThrows('backup_is_primary');
  });

  it('refuses to assign the same primary or the same backup again', () => {
    spec.given([opened(), assigned('school', SCHOOL_TEACHER, 'primary')]).when(assign('school', SCHOOL_TEACHER, 'primary'), ctx()).thenThrows('contact_already_assigned');
    spec.given([opened(), assigned('partner', PARTNER_HR, 'backup')]).when(assign('partner', PARTNER_HR, 'backup'), ctx()).thenThrows('contact_already_assigned');
  });

  it('hands over: a new primary first unassigns the current one (handover), then is assigned', () => {
    const state = spec
      .given([opened(), assigned('school', SCHOOL_TEACHER, 'primary')])
      .when(assign('school', SCHOOL_DIRECTOR, 'primary'), ctx())
      .then([
        { type: 'ContactPersonUnassigned', data: { partnershipId: P, side: 'school', personId: SCHOOL_TEACHER, reason: 'handover', at: AT } },
        { type: 'ContactPersonAssigned', data: { partnershipId: P, side: 'school', personId: SCHOOL_DIRECTOR, role: 'primary', at: AT } },
      ]);
    expect(contactsOf(state).school).toEqual({ primary: SCHOOL_DIRECTOR, backups: [] });
  });

  it('a handover on one side leaves the other side alone', () => {
    const state = spec
      .given([opened(), assigned('school', SCHOOL_TEACHER, 'primary'), assigned('partner', PARTNER_HR, 'primary')])
      .when(assign('partner', PARTNER_OWNER, 'primary'), ctx())
      .then([
        { type: 'ContactPersonUnassigned', data: { partnershipId: P, side: 'partner', personId: PARTNER_HR, reason: 'handover', at: AT } },
        { type: 'ContactPersonAssigned', data: { partnershipId: P, side: 'partner', personId: PARTNER_OWNER, role: 'primary', at: AT } },
      ]);
    expect(contactsOf(state)).toEqual({ school: { primary: SCHOOL_TEACHER, backups: [] }, partner: { primary: PARTNER_OWNER, backups: [] } });
  });

  it('promoting a backup to primary (with a primary in place) hands over and removes them from the backups', () => {
    const state = spec
      .given([opened(), assigned('school', SCHOOL_TEACHER, 'primary'), assigned('school', SCHOOL_DIRECTOR, 'backup'), assigned('school', SCHOOL_COORDINATOR, 'backup')])
      .when(assign('school', SCHOOL_DIRECTOR, 'primary'), ctx())
      .then([
        { type: 'ContactPersonUnassigned', data: { partnershipId: P, side: 'school', personId: SCHOOL_TEACHER, reason: 'handover', at: AT } },
        { type: 'ContactPersonAssigned', data: { partnershipId: P, side: 'school', personId: SCHOOL_DIRECTOR, role: 'primary', at: AT } },
      ]);
    expect(contactsOf(state).school).toEqual({ primary: SCHOOL_DIRECTOR, backups: [SCHOOL_COORDINATOR] });
  });

  it('promoting a backup to primary (no primary yet) removes them from the backups', () => {
    const state = spec
      .given([opened(), assigned('partner', PARTNER_HR, 'backup')])
      .when(assign('partner', PARTNER_HR, 'primary'), ctx())
      .then([{ type: 'ContactPersonAssigned', data: { partnershipId: P, side: 'partner', personId: PARTNER_HR, role: 'primary', at: AT } }]);
    expect(contactsOf(state).partner).toEqual({ primary: PARTNER_HR, backups: [] });
  });
});

describe('partnership: UnassignContact', () => {
  it('unassigns the primary, reason `other` by default', () => {
    const state = spec
      .given([opened(), assigned('school', SCHOOL_TEACHER, 'primary')])
      .when(unassign(SCHOOL_TEACHER), ctx())
      .then([{ type: 'ContactPersonUnassigned', data: { partnershipId: P, side: 'school', personId: SCHOOL_TEACHER, reason: 'other', at: AT } }]);
    expect(contactsOf(state).school).toEqual({ primary: undefined, backups: [] });
  });

  it('unassigns a backup with the given reason, on the side they are assigned, dated now by default', () => {
    const state = spec
      .given([opened(), assigned('partner', PARTNER_HR, 'primary'), assigned('partner', PARTNER_OWNER, 'backup')])
      .when(unassign(PARTNER_OWNER, 'handover', null), ctx())
      .then([{ type: 'ContactPersonUnassigned', data: { partnershipId: P, side: 'partner', personId: PARTNER_OWNER, reason: 'handover', at: NOW } }]);
    expect(contactsOf(state).partner).toEqual({ primary: PARTNER_HR, backups: [] });
  });

  it('refuses an unassignment dated before the assignment', () => {
    spec
      .given([opened(), assigned('school', SCHOOL_TEACHER, 'primary', AT)])
      .when(unassign(SCHOOL_TEACHER, 'other', '2024-03-09T10:00:00.000Z'), ctx())
      .thenThrows('unassigned_before_assigned');
  });

  it('refuses a person who is not a contact (not found)', () => {
    spec.given([opened(), assigned('school', SCHOOL_TEACHER, 'primary')]).when(unassign(SCHOOL_DIRECTOR), ctx()).thenThrows('contact_not_assigned', 'not_found');
  });

  it('refuses a person who was a contact but has been unassigned', () => {
    spec
      .given([
        opened(),
        assigned('school', SCHOOL_TEACHER, 'primary'),
        { type: 'ContactPersonUnassigned', data: { partnershipId: P, side: 'school', personId: SCHOOL_TEACHER, reason: 'other', at: SOME_DAY } },
      ])
      .when(unassign(SCHOOL_TEACHER), ctx())
      .thenThrows('contact_not_assigned', 'not_found');
  });
});

describe('partnership: UnassignDepartedContact (system, after PersonLeftOrganisation)', () => {
  it('unassigns a departed primary with reason left_organisation, dated at the departure', () => {
    const state = spec
      .given([opened(), assigned('school', SCHOOL_TEACHER, 'primary'), assigned('school', SCHOOL_DIRECTOR, 'backup')])
      .when(departed(SCHOOL_TEACHER, LEFT_AT), ctx())
      .then([{ type: 'ContactPersonUnassigned', data: { partnershipId: P, side: 'school', personId: SCHOOL_TEACHER, reason: 'left_organisation', at: LEFT_AT } }]);
    expect(contactsOf(state).school).toEqual({ primary: undefined, backups: [SCHOOL_DIRECTOR] });
  });

  it('unassigns a departed backup on the partner side', () => {
    spec
      .given([opened(), assigned('partner', PARTNER_HR, 'primary'), assigned('partner', PARTNER_OWNER, 'backup')])
      .when(departed(PARTNER_OWNER, LEFT_AT), ctx())
      .then([{ type: 'ContactPersonUnassigned', data: { partnershipId: P, side: 'partner', personId: PARTNER_OWNER, reason: 'left_organisation', at: LEFT_AT } }]);
  });

  it('does nothing for a person who is not a contact', () => {
    spec.given([opened(), assigned('school', SCHOOL_TEACHER, 'primary')]).when(departed(SCHOOL_DIRECTOR, LEFT_AT), ctx()).then([]);
  });

  it('dates a departure back-dated before the opening at the opening', () => {
    spec
      .given([opened(), assigned('school', SCHOOL_TEACHER, 'primary', OPENED_AT)])
      .when(departed(SCHOOL_TEACHER, BEFORE_OPENING), ctx())
      .then([{ type: 'ContactPersonUnassigned', data: { partnershipId: P, side: 'school', personId: SCHOOL_TEACHER, reason: 'left_organisation', at: OPENED_AT } }]);
  });

  it('never dates the departure unassignment before the assignment it undoes', () => {
    const leftBeforeAssignment = '2024-03-01T00:00:00.000Z';
    const [event] = spec
      .given([opened(), assigned('school', SCHOOL_TEACHER, 'primary', AT)])
      .when(departed(SCHOOL_TEACHER, leftBeforeAssignment), ctx())
      .events();
    expect(event).toMatchObject({ type: 'ContactPersonUnassigned', data: { personId: SCHOOL_TEACHER, reason: 'left_organisation' } });
    expect(Date.parse((event.data as { at: string }).at)).toBeGreaterThanOrEqual(Date.parse(AT));
  });

  it('does nothing on an ended partnership', () => {
    spec.given([opened(), assigned('school', SCHOOL_TEACHER, 'primary'), ended()]).when(departed(SCHOOL_TEACHER, LEFT_AT), ctx()).then([]);
  });
});

describe('partnership: ReconcileDepartedContact (system, after an assignment and after a departure that may have crossed)', () => {
  const reconcile = (personId: string): PartnershipCommand => ({ type: 'ReconcileDepartedContact', partnershipId: P, personId });

  it('unassigns a contact whose departure is recorded: an assignment that landed after the departure looked for partnerships', () => {
    const state = spec
      .given([opened(), assigned('partner', PARTNER_HR, 'primary'), assigned('partner', PARTNER_LEAVER, 'backup', SOME_DAY)])
      .when(reconcile(PARTNER_LEAVER), ctx())
      .then([{ type: 'ContactPersonUnassigned', data: { partnershipId: P, side: 'partner', personId: PARTNER_LEAVER, reason: 'left_organisation', at: LEFT_AT } }]);
    expect(contactsOf(state).partner).toEqual({ primary: PARTNER_HR, backups: [] });
  });

  it('does nothing while the person has not left', () => {
    spec.given([opened(), assigned('partner', PARTNER_HR, 'primary')]).when(reconcile(PARTNER_HR), ctx()).then([]);
  });

  it('does nothing once the departure unassigned them (the other side of the race already reconciled)', () => {
    spec
      .given([opened(), assigned('partner', PARTNER_LEAVER, 'primary', SOME_DAY)])
      .when(reconcile(PARTNER_LEAVER), ctx())
      .then([{ type: 'ContactPersonUnassigned', data: { partnershipId: P, side: 'partner', personId: PARTNER_LEAVER, reason: 'left_organisation', at: LEFT_AT } }]);
    spec
      .given([
        opened(),
        assigned('partner', PARTNER_LEAVER, 'primary', SOME_DAY),
        { type: 'ContactPersonUnassigned', data: { partnershipId: P, side: 'partner', personId: PARTNER_LEAVER, reason: 'left_organisation', at: LEFT_AT } },
      ])
      .when(reconcile(PARTNER_LEAVER), ctx())
      .then([]);
  });

  it('does nothing on an ended partnership or for an unknown person', () => {
    spec.given([opened(), assigned('partner', PARTNER_LEAVER, 'primary', SOME_DAY), ended()]).when(reconcile(PARTNER_LEAVER), ctx()).then([]);
    spec.given([opened()]).when(reconcile(UNKNOWN_PERSON), ctx()).then([]);
  });
});

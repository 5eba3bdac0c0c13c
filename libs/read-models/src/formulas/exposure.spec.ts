import { ago, ASOF, lookup, partnership, person } from '../../test/facts-builder';
import { asIfDeparted, personExposure } from './exposure';

const people = lookup(
  person('me', { name: 'Mila' }),
  person('a', { name: 'Anna' }),
  person('b', { name: 'Bram' }),
  person('gone', { name: 'Gijs', leftAt: ago(100) }),
  person('p', { side: 'partner', name: 'Piet' }),
);

/** Mila is the school primary; Bram is a backup and active too: leaving orphans the school side. */
const primaryOf = partnership({ id: 'primary-of', openedAt: ago(500) })
  .contact('school', 'me', 'primary', ago(500))
  .contact('school', 'b', 'backup', ago(500))
  .interaction(ago(10), { with: ['me', 'p'] })
  .interaction(ago(20), { with: ['b'] })
  .build();

/** Mila is the backup, Anna the primary; both active: low risk now, high without Mila (no backup, one active person). */
const backupOf = partnership({ id: 'backup-of', openedAt: ago(500) })
  .contact('school', 'a', 'primary', ago(500))
  .contact('school', 'me', 'backup', ago(300))
  .interaction(ago(10), { with: ['a'] })
  .interaction(ago(20), { with: ['me'] })
  .build();

/** Mila is no contact but the only one who takes part: already high, so her leaving changes nothing. */
const onlyActive = partnership({ id: 'only-active', openedAt: ago(500) })
  .contact('school', 'a', 'primary', ago(500))
  .interaction(ago(10), { with: ['me', 'p'] })
  .build();

/** Ended: nothing to lose. */
const ended = partnership({ id: 'ended', openedAt: ago(500) }).contact('school', 'me', 'primary', ago(500)).ended(ago(5)).build();

/** Mila is not involved at all. */
const elsewhere = partnership({ id: 'elsewhere', openedAt: ago(500) }).contact('school', 'a', 'primary', ago(500)).interaction(ago(3), { with: ['a', 'b'] }).build();

const all = [primaryOf, backupOf, onlyActive, ended, elsewhere];

describe('person exposure', () => {
  const exposure = personExposure('me', all, people, ASOF);

  it('lists the partnerships where the person is primary and where they are the only active person', () => {
    expect(exposure.primaryOf).toEqual([
      {
        partnershipId: 'primary-of',
        side: 'school',
        reason: 'Mila is the school-side primary contact since 2023-10-18',
        reasonCode: 'exposure.primary',
        reasonParams: { name: 'Mila', side: 'school', since: '2023-10-18' },
      },
    ]);
    expect(exposure.onlyActivePersonIn.map((entry) => entry.partnershipId)).toEqual(['only-active']);
    // The only active person: the side's key-person risk, in its own code.
    expect(exposure.onlyActivePersonIn[0]).toMatchObject({ reasonCode: 'key_person.single_person', reasonParams: { person: 'Mila', side: 'school' } });
  });

  it('lists what would become orphaned or high-risk if the person left today', () => {
    expect(exposure.departureImpact).toEqual([
      {
        partnershipId: 'primary-of',
        side: 'school',
        becomes: 'orphaned',
        reason: 'Mila is the school-side primary contact; backups Bram would have to take over',
        reasonCode: 'exposure.orphaned_backups',
        reasonParams: { name: 'Mila', side: 'school', backups: 'Bram' },
      },
      {
        partnershipId: 'backup-of',
        side: 'school',
        becomes: 'high_risk',
        reason: 'without Mila: only Anna of the school side took part in touchpoints in the last 365 days',
        reasonCode: 'exposure.becomes_high_risk',
        // The risk after the departure, by its own code and figures, beside the person who left.
        reasonParams: expect.objectContaining({ name: 'Mila', riskCode: 'key_person.single_person', person: 'Anna', side: 'school', active: 1 }),
      },
    ]);
  });

  it('gives the exposure of a past date', () => {
    // 15 days ago Mila had not yet taken part in primary-of's meeting, and backup-of had only Mila active.
    const past = personExposure('me', all, people, ago(15));
    expect(past.primaryOf.map((entry) => entry.partnershipId)).toEqual(['primary-of', 'ended']);
    expect(past.onlyActivePersonIn.map((entry) => entry.partnershipId)).toEqual(['backup-of']);
  });

  it('is empty for someone who has already left', () => {
    expect(personExposure('gone', all, people, ASOF)).toEqual({ personId: 'gone', asOf: ASOF, primaryOf: [], onlyActivePersonIn: [], departureImpact: [] });
  });

  it('simulates a departure as the domain records one', () => {
    const after = asIfDeparted(primaryOf, people, 'me', ASOF);
    expect(after.facts.contacts.find((period) => period.personId === 'me')).toMatchObject({ to: ASOF, endReason: 'left_organisation' });
    expect(after.people('me')?.leftAt).toBe(ASOF);
    expect(after.people('b')).toBe(people('b'));
    expect(primaryOf.contacts.find((period) => period.personId === 'me')?.to).toBeUndefined();
  });
});

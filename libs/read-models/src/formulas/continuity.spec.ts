import { ago, ASOF, later, lookup, partnership, person } from '../../test/facts-builder';
import { gapDays, partnershipContinuity, sideContinuity } from './continuity';

const people = lookup(
  person('x', { name: 'Xander' }),
  person('a', { name: 'Anna' }),
  person('b', { name: 'Bram' }),
  person('c', { name: 'Cees' }),
  person('e', { name: 'Eva', erased: true }),
  person('l', { name: 'Lotte', leftAt: ago(30) }),
  person('p', { side: 'partner', name: 'Piet' }),
);

describe('current contacts', () => {
  it('gives the primary with tenure and the backups, [erased] for erased people', () => {
    const facts = partnership({ openedAt: ago(500) })
      .contact('school', 'a', 'primary', ago(143))
      .contact('school', 'e', 'backup', ago(100))
      .contact('school', 'b', 'backup', ago(50))
      .contact('partner', 'p', 'primary', ago(500))
      .build();
    const report = partnershipContinuity(facts, people, ASOF);
    expect(report.school.primary).toEqual({ personId: 'a', name: 'Anna', since: ago(143), tenureDays: 143 });
    expect(report.school.backups.map((backup) => backup.name)).toEqual(['[erased]', 'Bram']);
    expect(report.partner.primary?.name).toBe('Piet');
    expect(report.school.reason).toBe(
      'primary Anna since 2024-10-09 (143 days); backups: [erased], Bram; no handovers; 357 days without a primary in the last 730',
    );
    // The same in a machine form an app words in its own language; the backups and handovers parts by their own codes.
    expect(report.school).toMatchObject({
      reasonCode: 'side_continuity.primary',
      reasonParams: {
        side: 'school',
        primary: 'Anna',
        since: '2024-10-09',
        tenureDays: 143,
        orphanedSince: null,
        backupsCode: 'side_continuity.backups',
        backups: '[erased], Bram',
        handoversCode: 'side_continuity.no_handovers',
        handovers: 0,
        gapDays: 357,
        windowDays: 730,
      },
    });
  });
});

describe('handovers', () => {
  // Xander → Anna (cold, over 3 years ago) → Bram (warm: he joined a meeting before Anna handed over) → Cees (cold).
  const facts = partnership({ openedAt: ago(1500) })
    .contact('school', 'x', 'primary', ago(1500), { to: ago(1200), endReason: 'handover' })
    .contact('school', 'a', 'primary', ago(1200), { to: ago(100), endReason: 'handover' })
    .contact('school', 'b', 'primary', ago(100), { to: ago(50), endReason: 'handover' })
    .contact('school', 'c', 'primary', ago(50))
    .interaction(ago(150), { with: ['a', 'b'] })
    .interaction(ago(40), { with: ['c'] })
    .build();

  it('counts changes of primary, all time and in the last 3 years, warm and cold', () => {
    const school = sideContinuity(facts, people, 'school', ASOF);
    expect(school.handovers).toEqual({ allTime: 3, last3Years: 2 });
    expect(school.warmHandovers).toBe(1);
    expect(school.coldHandovers).toBe(2);
    expect(school.handoverLog.map((handover) => [handover.from.name, handover.to.name, handover.warm])).toEqual([
      ['Xander', 'Anna', false],
      ['Anna', 'Bram', true],
      ['Bram', 'Cees', false],
    ]);
  });

  it('counts a touchpoint on the day of the handover as warm, one after it as cold', () => {
    const onTheDay = partnership({ openedAt: ago(400) })
      .contact('school', 'a', 'primary', ago(400), { to: ago(100), endReason: 'handover' })
      .contact('school', 'b', 'primary', ago(100))
      .interaction(ago(100), { with: ['b'] })
      .build();
    expect(sideContinuity(onTheDay, people, 'school', ASOF).warmHandovers).toBe(1);
    const afterwards = partnership({ openedAt: ago(400) })
      .contact('school', 'a', 'primary', ago(400), { to: ago(100), endReason: 'handover' })
      .contact('school', 'b', 'primary', ago(100))
      .interaction(ago(99), { with: ['b'] })
      .build();
    expect(sideContinuity(afterwards, people, 'school', ASOF)).toMatchObject({ warmHandovers: 0, coldHandovers: 1 });
  });

  it('is no handover when the same person comes back', () => {
    const back = partnership({ openedAt: ago(400) })
      .contact('school', 'a', 'primary', ago(400), { to: ago(200) })
      .contact('school', 'a', 'primary', ago(100))
      .build();
    expect(sideContinuity(back, people, 'school', ASOF).handovers).toEqual({ allTime: 0, last3Years: 0 });
  });

  it('reads the handovers as of a past date', () => {
    expect(sideContinuity(facts, people, 'school', ago(60)).handovers).toEqual({ allTime: 2, last3Years: 1 });
    expect(sideContinuity(facts, people, 'school', ago(60)).primary?.name).toBe('Bram');
  });
});

describe('gapDays', () => {
  it('counts the days without a primary in the last 730', () => {
    const facts = partnership({ openedAt: ago(1000) })
      .contact('school', 'a', 'primary', ago(1000), { to: ago(300) })
      .contact('school', 'b', 'primary', ago(200))
      .build();
    expect(gapDays(facts, 'school', ASOF)).toBe(100);
    // The partner side never had a primary: the whole window.
    expect(gapDays(facts, 'partner', ASOF)).toBe(730);
  });

  it('never counts before the opening nor after the end', () => {
    const young = partnership({ openedAt: ago(100) }).contact('school', 'a', 'primary', ago(60)).build();
    expect(gapDays(young, 'school', ASOF)).toBe(40);
    const ended = partnership({ openedAt: ago(500) }).contact('school', 'a', 'primary', ago(500), { to: ago(100) }).ended(ago(50)).build();
    expect(gapDays(ended, 'school', ASOF)).toBe(50);
  });

  it('counts overlapping or touching periods once', () => {
    const facts = partnership({ openedAt: ago(400) })
      .contact('school', 'a', 'primary', ago(400), { to: ago(100), endReason: 'handover' })
      .contact('school', 'b', 'primary', ago(100))
      .build();
    expect(gapDays(facts, 'school', ASOF)).toBe(0);
  });
});

describe('orphaned', () => {
  const base = () =>
    partnership({ openedAt: ago(400) })
      .contact('school', 'l', 'primary', ago(400), { to: ago(30), endReason: 'left_organisation' })
      .contact('school', 'b', 'backup', ago(200));

  it('is orphaned when the last primary left the organisation and nobody took over', () => {
    const school = sideContinuity(base().build(), people, 'school', ASOF);
    expect(school).toMatchObject({ primary: null, orphaned: true, orphanedSince: ago(30) });
    expect(school.reason).toMatch(/^orphaned since 2025-01-30: the last primary left the organisation; backups: Bram/);
    expect(school).toMatchObject({ reasonCode: 'side_continuity.orphaned', reasonParams: { primary: null, orphanedSince: '2025-01-30', backupsCode: 'side_continuity.backups', backups: 'Bram' } });
    const nobody = sideContinuity(partnership({ openedAt: ago(400) }).build(), people, 'partner', ASOF);
    expect(nobody).toMatchObject({ reasonCode: 'side_continuity.no_primary', reasonParams: { side: 'partner', backupsCode: 'side_continuity.no_backup', backups: null } });
  });

  it('is not orphaned before the departure, after a new primary, or when the primary was unassigned otherwise', () => {
    expect(sideContinuity(base().build(), people, 'school', ago(31))).toMatchObject({ orphaned: false, orphanedSince: null });
    expect(sideContinuity(base().contact('school', 'c', 'primary', ago(10)).build(), people, 'school', ASOF).orphaned).toBe(false);
    const unassigned = partnership({ openedAt: ago(400) }).contact('school', 'a', 'primary', ago(400), { to: ago(30), endReason: 'other' }).build();
    expect(sideContinuity(unassigned, people, 'school', ASOF).orphaned).toBe(false);
  });

  it('is never orphaned once ended', () => {
    expect(sideContinuity(base().ended(ago(5)).build(), people, 'school', ASOF).orphaned).toBe(false);
  });
});

describe('distinctParticipants365', () => {
  it('counts people of the side in touchpoints of the last 365 days, leavers included', () => {
    const facts = partnership({ openedAt: ago(800) })
      .interaction(ago(10), { with: ['a', 'p'] })
      .activity(ago(100), { with: ['a', 'l'] })
      .interaction(ago(400), { with: ['b'] })
      .interaction(later(1), { with: ['c'] })
      .build();
    const report = partnershipContinuity(facts, people, ASOF);
    expect(report.school.distinctParticipants365).toBe(2);
    expect(report.partner.distinctParticipants365).toBe(1);
  });
});

import { ago, ASOF, lookup, partnership, person } from '../../test/facts-builder';
import { departureAftermath, departuresReport } from './departure-aftermath';

// Anna left 200 days ago (the 180 days after it are over); Carla left 30 days ago (they are not).
const anna = person('a', { name: 'Anna', leftAt: ago(200) });
const carla = person('c', { name: 'Carla', leftAt: ago(30) });
const people = lookup(anna, carla, person('b', { name: 'Bram' }), person('d', { name: 'Dirk' }), person('p', { side: 'partner', name: 'Piet' }));

// P1: Anna's; 3 touchpoints in (ago 380, ago 200], 1 in (ago 200, ago 20]; Bram, who joined a meeting before she
// left, becomes primary 50 days after her departure (warm).
const p1 = partnership({ id: 'p1', openedAt: ago(700) })
  .contact('school', 'a', 'primary', ago(700), { to: ago(200), endReason: 'left_organisation' })
  .contact('school', 'b', 'primary', ago(150))
  .interaction(ago(400), { with: ['a', 'p'] })
  .interaction(ago(350), { with: ['a', 'p'] })
  .interaction(ago(250), { with: ['a', 'b', 'p'] })
  .activity(ago(210), { with: ['a'] })
  .interaction(ago(190), { with: ['p'] })
  .interaction(ago(10), { with: ['b', 'p'] })
  .build();
// P2: Anna's too; nobody took over; 1 touchpoint before, 1 after.
const p2 = partnership({ id: 'p2', openedAt: ago(700) })
  .contact('school', 'a', 'primary', ago(700), { to: ago(200), endReason: 'left_organisation' })
  .interaction(ago(300), { with: ['a'] })
  .interaction(ago(100), { with: ['p'] })
  .build();
// P3: Carla's; Dirk, new to it, is assigned the day she leaves (cold); 2 touchpoints before, 1 so far after.
const p3 = partnership({ id: 'p3', openedAt: ago(400) })
  .contact('school', 'c', 'primary', ago(400), { to: ago(30), endReason: 'left_organisation' })
  .contact('school', 'd', 'primary', ago(30))
  .interaction(ago(100), { with: ['c'] })
  .interaction(ago(60), { with: ['c'] })
  .interaction(ago(5), { with: ['d'] })
  .build();

describe('the aftermath of one departure', () => {
  it('compares the touchpoints of the 180 days before and after, with the new primary and the kind of handover', () => {
    // When Anna's departure is looked at
    const aftermath = departureAftermath(anna, [p1, p2, p3], people, ASOF);
    // Then both her partnerships are there, and not Carla's
    expect(aftermath.relations.map((relation) => relation.partnershipId)).toEqual(['p1', 'p2']);
    expect(aftermath.relations[0]).toMatchObject({
      side: 'school',
      touchpointsBefore: 3,
      touchpointsAfter: 1,
      afterWindowComplete: true,
      activityFellByHalf: true,
      newPrimary: { personId: 'b', name: 'Bram', since: ago(150) },
      daysToNewPrimary: 50,
      stillOpen: false,
      handover: 'warm',
    });
    expect(aftermath.relations[0].reason).toBe(
      `Anna left on ${ago(200).slice(0, 10)}; 3 touchpoints in the 180 days before, 1 in the 180 after (fell by 67%); new school-side primary Bram after 50 days, a warm handover: the successor had taken part before`,
    );
    expect(aftermath.relations[0]).toMatchObject({
      reasonCode: 'departure.new_primary',
      reasonParams: {
        name: 'Anna',
        leftAt: ago(200).slice(0, 10),
        side: 'school',
        before: 3,
        after: 1,
        windowDays: 180,
        afterCode: 'departure.after_complete',
        changeCode: 'departure.fell',
        fallPercent: 67,
        successor: 'Bram',
        whenCode: 'departure.after_days',
        daysToNewPrimary: 50,
        handoverCode: 'departure.warm',
        endedOn: null,
      },
    });
    expect(aftermath.relations[1]).toMatchObject({ reasonCode: 'departure.still_open', reasonParams: { before: 1, after: 1, changeCode: 'departure.held', successor: null } });
    expect(aftermath.relations[1]).toMatchObject({ touchpointsBefore: 1, touchpointsAfter: 1, activityFellByHalf: false, newPrimary: null, daysToNewPrimary: null, stillOpen: true, handover: 'none' });
  });

  it('does not judge the fall before the 180 days after the departure are over', () => {
    const [relation] = departureAftermath(carla, [p3], people, ASOF).relations;
    expect(relation).toMatchObject({ touchpointsBefore: 2, touchpointsAfter: 1, afterWindowComplete: false, activityFellByHalf: null, daysToNewPrimary: 0, handover: 'cold' });
    expect(relation.reasonParams).toMatchObject({ afterCode: 'departure.after_so_far', changeCode: 'departure.unjudged', fallPercent: null, whenCode: 'departure.on_departure', handoverCode: 'departure.cold' });
  });

  it('counts a partnership handed over shortly before leaving, not one given up long before', () => {
    const handedOver = partnership({ id: 'handed-over', openedAt: ago(700) })
      .contact('school', 'a', 'primary', ago(700), { to: ago(260), endReason: 'handover' })
      .contact('school', 'b', 'primary', ago(260))
      .build();
    const givenUp = partnership({ id: 'given-up', openedAt: ago(700) })
      .contact('school', 'a', 'primary', ago(700), { to: ago(500), endReason: 'handover' })
      .contact('school', 'b', 'primary', ago(500))
      .build();
    const aftermath = departureAftermath(anna, [handedOver, givenUp], people, ASOF);
    expect(aftermath.relations.map((relation) => [relation.partnershipId, relation.daysToNewPrimary])).toEqual([['handed-over', 0]]);
  });

  it('has nothing to show for a person who has not left by asOf', () => {
    expect(departureAftermath(carla, [p3], people, ago(31)).relations).toEqual([]);
  });
});

describe('the departures of a period', () => {
  it('gives the median days to a new primary and the share of relations whose activity fell by half', () => {
    // When every departure of the last year is looked at
    const report = departuresReport([p1, p2, p3], people, ASOF, { from: ago(365), to: ASOF });
    // Then: 2 people, 3 relations; new primaries after 50 and 0 days (median 25); P2 still open;
    // judged are P1 (fell) and P2 (did not): 1 of 2
    expect(report).toMatchObject({
      departures: 2,
      relations: 3,
      medianDaysToNewPrimary: 25,
      stillOpen: 1,
      warmHandovers: 1,
      coldHandovers: 1,
      activityFellByHalfShare: 0.5,
    });
    expect(report.items.map((item) => item.name)).toEqual(['Anna', 'Carla']);
    // Each figure's reason by its code, worded with the report's params.
    expect(report.reasonCodes).toEqual({
      departures: 'departures.count',
      medianDaysToNewPrimary: 'departures.median_days_to_new_primary',
      activityFellByHalfShare: 'departures.fell_by_half',
    });
    expect(report.reasonParams).toEqual({
      people: 2,
      from: ago(365).slice(0, 10),
      to: ASOF.slice(0, 10),
      windowDays: 180,
      assigned: 2,
      relations: 3,
      stillOpen: 1,
      fell: 1,
      judged: 2,
    });
  });

  it('keeps to the period, and to one person when asked', () => {
    expect(departuresReport([p1, p2, p3], people, ASOF, { from: ago(100), to: ASOF }).items.map((item) => item.name)).toEqual(['Carla']);
    expect(departuresReport([p1, p2, p3], people, ASOF, { from: ago(365), to: ASOF, personId: 'a' })).toMatchObject({ departures: 1, relations: 2, medianDaysToNewPrimary: 50 });
  });
});

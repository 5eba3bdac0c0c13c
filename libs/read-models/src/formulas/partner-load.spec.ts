import { OrganisationSize } from '@crm/domain';
import { ago, ASOF, lookup, partnership, person } from '../../test/facts-builder';
import { OrganisationFacts } from '../facts/organisation-facts';
import { DEFAULT_PARTNER_LOAD_CONFIG, partnerLoadConfig, partnerLoadReport } from './partner-load';

const organisation = (id: string, name: string, size?: OrganisationSize): OrganisationFacts => ({
  _id: id,
  organisationId: id,
  name,
  kind: id.startsWith('school') ? 'school' : 'company',
  levels: [],
  ...(size && { size }),
  registeredAt: '2015-01-01T00:00:00.000Z',
  searchKeys: [],
  position: 0,
});
const organisations = new Map(
  [
    organisation('bakery', 'Bakkerij Bos', 'micro'),
    organisation('factory', 'Fabriek Groot', 'large'),
    organisation('school-1', 'School 1'),
    organisation('school-2', 'School 2'),
    organisation('school-3', 'School 3'),
  ].map((org) => [org.organisationId, org]),
);
const byId = (id: string) => organisations.get(id);

const people = lookup(
  person('t1', { organisationId: 'school-1' }),
  person('t2', { organisationId: 'school-2' }),
  person('t3', { organisationId: 'school-3' }),
  person('t3b', { organisationId: 'school-3' }),
  person('baker', { organisationId: 'bakery' }),
  person('engineer', { organisationId: 'factory' }),
);

describe('partner load', () => {
  // Given a micro bakery asked by three schools: 2 internships (3 and 2 students) and a guest lecture in the last
  // 365 days, one internship before the window; and a large factory asked by one school.
  const bakery = [
    partnership({ schoolId: 'school-1', partnerId: 'bakery', openedAt: ago(700) })
      .activity(ago(400), { kind: 'internship', with: ['t1', 'baker'], students: 9 })
      .activity(ago(100), { kind: 'internship', with: ['t1', 'baker'], students: 3 })
      .build(),
    partnership({ schoolId: 'school-2', partnerId: 'bakery', openedAt: ago(300) }).activity(ago(50), { kind: 'internship', with: ['t2'], students: 2 }).build(),
    partnership({ schoolId: 'school-3', partnerId: 'bakery', openedAt: ago(200) })
      .activity(ago(20), { kind: 'guest_lecture', with: ['t3', 't3b', 'baker'] })
      .interaction(ago(10), { with: ['t3', 'baker'] })
      .build(),
  ];
  const factory = partnership({ schoolId: 'school-1', partnerId: 'factory', openedAt: ago(500) }).activity(ago(30), { with: ['t1', 'engineer'] }).build();

  it('counts, per partner, the partnerships, schools, people, activities by kind and students of the last 365 days', () => {
    // When the load is computed at asOf
    const report = partnerLoadReport([...bakery, factory], people, byId, ASOF);
    // Then the bakery: 3 partnerships at 3 schools, school people t1, t2, t3, t3b, partner person the baker,
    // activities 2 internships + 1 guest lecture (the one 400 days ago is outside), 3 + 2 students
    const row = report.items.find((item) => item.partnerId === 'bakery');
    expect(row).toMatchObject({
      partnerName: 'Bakkerij Bos',
      size: 'micro',
      partnerships: 3,
      schools: 3,
      schoolPeople: 4,
      partnerPeople: 1,
      activities: 3,
      activitiesByKind: { internship: 2, guest_lecture: 1 },
      studentsPlaced: 5,
    });
  });

  it('calls a partner over-asked when schools or activities reach twice what its size suggests, most loaded first', () => {
    const report = partnerLoadReport([factory, ...bakery], people, byId, ASOF);
    // A micro organisation is expected to carry 1 school and 3 activities: 3/1 = 3 ≥ 2 → over-asked.
    // The large factory: max(1/8, 1/24) = 0.125, shown to one decimal as 0.1.
    expect(report.items.map((item) => [item.partnerId, item.load, item.overAsked])).toEqual([
      ['bakery', 3, true],
      ['factory', 0.1, false],
    ]);
    expect(report.overAsked).toBe(1);
    expect(report.items[0].reason).toBe(
      'asked by 3 schools (4 school people) for 3 activities in the last 365 days; a micro organisation is expected to carry 1 school and 3 activities a year; over-asked: 3 times that, at least 2 times is far above its size',
    );
  });

  it('gives the over-asked and the within-limits reason a code with the figures it names, for the app to word', () => {
    const [bakeryRow, factoryRow] = partnerLoadReport([factory, ...bakery], people, byId, ASOF).items;
    expect(bakeryRow).toMatchObject({
      reasonCode: 'partner_load.over_asked',
      reasonParams: { schools: 3, schoolPeople: 4, activities: 3, windowDays: 365, size: 'micro', expectedSchools: 1, expectedActivities: 3, load: 3, factor: 2 },
    });
    expect(factoryRow).toMatchObject({ reasonCode: 'partner_load.within', reasonParams: { schools: 1, size: 'large', expectedSchools: 8, load: 0.1 } });
  });

  it('takes its thresholds from configuration', () => {
    const lenient = partnerLoadConfig({ expected: { micro: { schools: 3, activities: 6 } } });
    expect(partnerLoadReport(bakery, people, byId, ASOF, lenient).items[0]).toMatchObject({ load: 1, overAsked: false });
    expect(DEFAULT_PARTNER_LOAD_CONFIG.expected.micro).toEqual({ schools: 1, activities: 3 });
  });

  it('leaves out partnerships that ended before the window and those not yet opened', () => {
    const endedLongAgo = partnership({ schoolId: 'school-2', partnerId: 'factory', openedAt: ago(900) }).ended(ago(400)).build();
    const endedInWindow = partnership({ schoolId: 'school-3', partnerId: 'factory', openedAt: ago(900) }).ended(ago(100)).build();
    const future = partnership({ schoolId: 'school-2', partnerId: 'factory', openedAt: ago(-5) }).build();
    const row = partnerLoadReport([factory, endedLongAgo, endedInWindow, future], people, byId, ASOF).items[0];
    expect(row).toMatchObject({ partnerships: 2, schools: 2 });
  });
});

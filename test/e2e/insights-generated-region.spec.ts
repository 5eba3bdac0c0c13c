import { RecordedEvent } from '@crm/event-store';
import { generateRegion } from '@crm/generator';
import { createProtectedEventStore } from '@crm/privacy';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_SEED } from '../../apps/api/src/demo/demo-region';
import { startTestAppOn, TestApp } from '../support/test-app';

/**
 * The demo region (small, the demo seed) shows each insight on a first run: an over-asked company, departures with a
 * warm and without a (warm) handover, quick and slow starts, recurring and one-off cooperation. The expected figures
 * are worked out here straight from the generated events, without the formulas.
 */

const Q = '2026-11-01T00:00:00.000Z';
const DAY = 86_400_000;
const YEAR_AGO = Date.parse(Q) - 365 * DAY;
const time = (iso: unknown) => Date.parse(iso as string);
const days = (from: unknown, to: unknown) => Math.floor((time(to) - time(from)) / DAY);
const schoolYear = (iso: unknown) => {
  const date = new Date(time(iso));
  const first = date.getUTCMonth() >= 7 ? date.getUTCFullYear() : date.getUTCFullYear() - 1;
  return `${first}-${first + 1}`;
};

interface Opened {
  schoolId: string;
  partnerId: string;
  openedAt: string;
  endedAt?: string;
  events: RecordedEvent[];
}

let dir: string;
let t: TestApp;
let position = 0;
const partnerships = new Map<string, Opened>();

const get = async (path: string, query: Record<string, string> = {}) =>
  (await t.http.get(`/api/reports/${path}`).query({ asOf: Q, ...query }).set('X-Min-Position', String(position)).expect(200)).body;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'crm-insights-demo-'));
  const log = await createProtectedEventStore({ dataDir: dir });
  await generateRegion({ seed: DEMO_SEED, size: 'small', until: Q, store: log.events });
  for (let page = await log.events.readAll(0, 5000); page.length > 0; page = await log.events.readAll(page[page.length - 1].position, 5000)) {
    for (const event of page) {
      position = event.position;
      const id = event.streamId.replace(/^partnership-/, '');
      if (event.type === 'PartnershipOpened') {
        const { schoolId, partnerId, openedAt } = event.data as Record<string, string>;
        partnerships.set(id, { schoolId, partnerId, openedAt, events: [] });
      } else if (partnerships.has(id)) {
        partnerships.get(id)!.events.push(event);
        if (event.type === 'PartnershipEnded') partnerships.get(id)!.endedAt = event.data.at as string;
      }
    }
  }
  await log.events.close();
  t = await startTestAppOn(dir);
}, 180_000);

afterAll(async () => {
  await t?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const activities = (opened: Opened) => opened.events.filter((event) => event.type === 'ActivityRecorded').map((event) => event.data);

it('partner load: the schools, activities and students of every partner in the last 365 days, and an over-asked company', async () => {
  const expected = new Map<string, { partnerships: number; schools: Set<string>; activities: number; studentsPlaced: number }>();
  for (const opened of partnerships.values()) {
    if (opened.endedAt && time(opened.endedAt) <= YEAR_AGO) continue;
    const row = expected.get(opened.partnerId) ?? { partnerships: 0, schools: new Set<string>(), activities: 0, studentsPlaced: 0 };
    row.partnerships += 1;
    row.schools.add(opened.schoolId);
    for (const activity of activities(opened)) {
      if (time(activity.startsAt) <= YEAR_AGO || time(activity.startsAt) > time(Q)) continue;
      row.activities += 1;
      row.studentsPlaced += (activity.studentCount as number | undefined) ?? 0;
    }
    expected.set(opened.partnerId, row);
  }
  const report = await get('partner-load');
  expect(Object.fromEntries(report.items.map((row: any) => [row.partnerId, [row.partnerships, row.schools, row.activities, row.studentsPlaced]]))).toEqual(
    Object.fromEntries([...expected].map(([partnerId, row]) => [partnerId, [row.partnerships, row.schools.size, row.activities, row.studentsPlaced]])),
  );
  // The generator's popular small firm: a small company is over-asked from 4 schools (twice the 2 its size suggests).
  const overAsked = report.items.filter((row: any) => row.overAsked);
  expect(overAsked.some((row: any) => row.size === 'small' && row.schools >= 4)).toBe(true);
});

it('start-up pace: days to the first activity and formal agreement of every partnership, quick and slow ones', async () => {
  const report = await get('start-up');
  const expected = Object.fromEntries(
    [...partnerships].map(([id, opened]) => {
      const firstActivity = activities(opened).map((activity) => time(activity.startsAt)).sort((a, b) => a - b)[0];
      const formal = opened.events
        .filter((event) => event.type === 'AgreementSigned' && event.data.kind !== 'learning_agreement')
        .map((event) => time(event.data.signedAt))
        .sort((a, b) => a - b)[0];
      return [id, [firstActivity === undefined ? null : days(opened.openedAt, new Date(firstActivity).toISOString()), formal === undefined ? null : days(opened.openedAt, new Date(formal).toISOString())]];
    }),
  );
  expect(Object.fromEntries(report.items.map((row: any) => [row.partnershipId, [row.daysToFirstActivity, row.daysToFirstAgreement]]))).toEqual(expected);
  const toActivity = report.items.map((row: any) => row.daysToFirstActivity).filter((value: number | null) => value !== null);
  expect(Math.min(...toActivity)).toBeLessThanOrEqual(30);
  expect(Math.max(...toActivity)).toBeGreaterThanOrEqual(180);
});

it('recurring cooperation: activity kinds in two or more school years, recurring and one-off partnerships', async () => {
  const report = await get('recurring-cooperation');
  const expected = Object.fromEntries(
    [...partnerships].map(([id, opened]) => {
      const years = new Map<string, Set<string>>();
      for (const activity of activities(opened)) years.set(activity.kind as string, (years.get(activity.kind as string) ?? new Set()).add(schoolYear(activity.startsAt)));
      return [id, [...years].filter(([, held]) => held.size >= 2).map(([kind]) => kind).sort()];
    }),
  );
  expect(Object.fromEntries(report.items.map((row: any) => [row.partnershipId, [...row.recurringKinds].sort()]))).toEqual(expected);
  expect(report.items.some((row: any) => row.recurring)).toBe(true);
  expect(report.items.some((row: any) => !row.recurring && row.onceKinds.length > 0)).toBe(true);
});

it('departures: the touchpoints around each departure and the days to a new primary; warm handovers and ones without', async () => {
  const report = await get('departures', { from: '2000-01-01' });
  const touchpoints = (opened: Opened) =>
    opened.events.flatMap((event) => {
      const at = { InteractionRecorded: 'occurredAt', ActivityRecorded: 'startsAt', EvaluationHeld: 'heldAt', AgreementSigned: 'signedAt' }[event.type];
      return at ? [time(event.data[at])] : [];
    });
  for (const item of report.items) {
    const leftAt = time(item.leftAt);
    for (const relation of item.relations) {
      const opened = partnerships.get(relation.partnershipId)!;
      const dates = touchpoints(opened);
      expect(relation.touchpointsBefore).toBe(dates.filter((at) => at > leftAt - 180 * DAY && at <= leftAt).length);
      expect(relation.touchpointsAfter).toBe(dates.filter((at) => at > leftAt && at <= Math.min(leftAt + 180 * DAY, time(Q))).length);
      const successor = opened.events.find(
        (event) => event.type === 'ContactPersonAssigned' && event.data.role === 'primary' && event.data.side === relation.side && event.data.personId !== item.personId && time(event.data.at) > leftAt - 180 * DAY,
      );
      if (relation.newPrimary) expect(relation.daysToNewPrimary).toBe(Math.max(0, days(item.leftAt, relation.newPrimary.since)));
      if (!successor) expect(relation.newPrimary).toBeNull();
    }
  }
  expect(report.warmHandovers).toBeGreaterThan(0);
  expect(report.coldHandovers + report.stillOpen).toBeGreaterThan(0);
  expect(report.medianDaysToNewPrimary).not.toBeNull();
});

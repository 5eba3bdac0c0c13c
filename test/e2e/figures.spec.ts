import { ScenarioApi } from '../support/scenario';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Issue 12, the figures: dates as a Dutch user means them (SPEC §1 R2), the two formula corrections of §3.1,
 * history for charts (§3.7), and the lists and reports of §3.6 R2 (trend, intensity, ended partnerships, echoed
 * filters, one shape for backups). TIME_ZONE is the default, Europe/Amsterdam.
 */

let t: TestApp;
let api: ScenarioApi;

const DAY_MS = 86_400_000;
/** A: the asOf of the repro; every event at 12:00 UTC some whole number of days before it. */
const A = '2026-06-15T12:00:00.000Z';
const before = (days: number, from = A) => new Date(Date.parse(from) - days * DAY_MS).toISOString();

const id: Record<string, string> = {};

async function get(path: string, query: Record<string, string> = {}) {
  return t.http.get(`/api${path}`).query(query).set('X-Min-Position', String(api.position));
}

async function ok(path: string, query: Record<string, string> = {}) {
  const response = await get(path, query);
  if (response.status !== 200) throw new Error(`GET ${path} ${JSON.stringify(query)} answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body;
}

const open = (partnerId: string, intensity: string, openedAt: string, levels = ['mbo']) =>
  api.post('/partnerships', { schoolId: id.school, partnerId, levels, intensity, openedAt });

beforeAll(async () => {
  t = await startTestApp();
  api = new ScenarioApi(t.http);
  id.school = await api.organisation({ name: 'Groenhorst mbo', kind: 'school', levels: ['mbo'], region: 'Gelderland' });
  id.otherSchool = await api.organisation({ name: 'Clusius College', kind: 'school', levels: ['vmbo'], region: 'Noord-Holland' });
  id.farm = await api.organisation({ name: 'Melkveebedrijf De Hoeve', kind: 'company', region: 'Gelderland' });
  id.lisa = await api.person(id.school, 'Lisa de Boer', 'stagecoördinator', 'operational');
  id.tom = await api.person(id.school, 'Tom Visser', 'docent', 'operational');
  id.henk = await api.person(id.farm, 'Henk Mulder', 'eigenaar', 'strategic');

  // The repro of the score: placement, opened A − 600, no contacts or commitments, evaluated A − 540 (2 and 2),
  // one interaction A − 140 initiated by the partner.
  id.repro = await open(id.farm, 'placement', before(600));
  await api.post(`/partnerships/${id.repro}/evaluations`, { heldAt: before(540), participantIds: [id.lisa, id.henk], schoolSatisfaction: 2, partnerSatisfaction: 2 });
  await api.post(`/partnerships/${id.repro}/interactions`, { kind: 'call', occurredAt: before(140), initiatedBy: 'partner', participantIds: [id.lisa, id.henk] });

  // Opened ten days before A, nothing recorded since.
  id.young = await open(id.farm, 'exchange', before(10));

  // Opened at 09:00 in Amsterdam on 20 May 2026 (07:00 UTC).
  id.morning = await open(id.farm, 'aligned', '2026-05-20T09:00:00+02:00');

  // A partnership that was lively a year ago and then fell silent (a clear decline), with a backup on the school side.
  id.declining = await open(id.farm, 'innovation', before(500), ['mbo']);
  await api.post(`/partnerships/${id.declining}/contacts`, { side: 'school', personId: id.lisa, role: 'primary', at: before(500) });
  await api.post(`/partnerships/${id.declining}/contacts`, { side: 'school', personId: id.tom, role: 'backup', at: before(500) });
  for (const days of [200, 170, 140, 120, 100]) {
    await api.post(`/partnerships/${id.declining}/interactions`, { kind: 'meeting', occurredAt: before(days), initiatedBy: 'school', participantIds: [id.lisa, id.henk] });
  }

  // An ended partnership of the other school, whose only person was Lisa: high key-person risk, but ended.
  id.ended = await api.post('/partnerships', { schoolId: id.otherSchool, partnerId: id.farm, levels: ['vmbo'], intensity: 'placement', openedAt: before(400) });
  await api.post(`/partnerships/${id.ended}/end`, { at: before(30), reason: 'stopt met stages' });
});

afterAll(() => t?.close());

describe('time (SPEC §1 R2)', () => {
  it('reads asOf=<a day> as the end of that day in Amsterdam: a partnership opened at 09:00 that day is open', async () => {
    const summary = await ok(`/partnerships/${id.morning}`, { asOf: '2026-05-20' });
    expect(summary.asOf).toBe('2026-05-20T21:59:59.999Z');
    expect(summary.status).not.toBe('not_opened');
    expect((await ok(`/partnerships/${id.morning}/health`, { asOf: '2026-05-19' })).status).toBe('not_opened');
  });

  it('takes an instant with an offset as given, and echoes the instant it used', async () => {
    expect(await ok(`/partnerships/${id.morning}/health`, { asOf: '2026-05-20T08:59:00+02:00' })).toMatchObject({ asOf: '2026-05-20T06:59:00.000Z', status: 'not_opened' });
    expect(await ok(`/partnerships/${id.morning}/health`, { asOf: '2026-05-20T09:00:00+02:00' })).toMatchObject({ asOf: '2026-05-20T07:00:00.000Z', status: 'healthy' });
  });

  it("reads a command's date without a time as the start of that day in Amsterdam", async () => {
    const partnershipId = await open(id.farm, 'aligned', '2026-03-01');
    expect((await ok(`/partnerships/${partnershipId}`)).openedAt).toBe('2026-02-28T23:00:00.000Z');
  });
});

describe('health (SPEC §3.1): the deviations of the independent check', () => {
  it('averages the exact components: the repro scores 39, at_risk', async () => {
    const health = await ok(`/partnerships/${id.repro}/health`, { asOf: A });
    expect(health).toMatchObject({ asOf: A, score: 39, status: 'at_risk' });
    expect(Object.fromEntries(health.components.map((one: { name: string; score: number | null }) => [one.name, one.score]))).toMatchObject({
      recency: 91.7,
      cadence: 25,
      evaluation: 2.8,
      continuity: 0,
      satisfaction: 11.1,
    });
  });

  it('does not put a partnership opened ten days ago with nothing recorded at risk', async () => {
    const health = await ok(`/partnerships/${id.young}/health`, { asOf: A });
    expect(health).toMatchObject({ score: 80, status: 'healthy', trend: null });
    expect(health.components.find((one: { name: string }) => one.name === 'cadence').score).toBeNull();
  });
});

describe('history (SPEC §3.7)', () => {
  it("gives one partnership's health by week, each step as /health answers it on that day", async () => {
    const history = await ok(`/partnerships/${id.declining}/health/history`, { from: '2026-01-01', to: A, every: 'week' });
    expect(history).toMatchObject({ partnershipId: id.declining, to: A, from: '2026-01-01T22:59:59.999Z', every: 'week', timeZone: 'Europe/Amsterdam' });
    // 1 January to 15 June: 23 whole weeks back from the 15th and the 15th itself.
    expect(history.steps).toHaveLength(24);
    expect(history.steps.at(-1).asOf).toBe(A);
    expect(history.steps[0].asOf).toBe('2026-01-05T22:59:59.999Z');
    for (const step of [history.steps[0], history.steps[10], history.steps.at(-1)]) {
      const health = await ok(`/partnerships/${id.declining}/health`, { asOf: step.asOf });
      expect(step).toEqual({
        asOf: step.asOf,
        score: health.score,
        status: health.status,
        trend: health.trend,
        components: Object.fromEntries(health.components.map((one: { name: string; score: number | null }) => [one.name, one.score])),
      });
    }
  });

  it('steps by calendar month, keeping the day of `to` (or the last day of a shorter month)', async () => {
    const history = await ok(`/partnerships/${id.declining}/health/history`, { from: '2025-12-01', to: '2026-03-31', every: 'month' });
    expect(history.steps.map((step: { asOf: string }) => step.asOf)).toEqual([
      '2025-12-31T22:59:59.999Z',
      '2026-01-31T22:59:59.999Z',
      '2026-02-28T22:59:59.999Z',
      '2026-03-31T21:59:59.999Z',
    ]);
  });

  it('refuses a range backwards, too many steps, an unknown interval or parameter (400, nothing computed)', async () => {
    const path = `/partnerships/${id.declining}/health/history`;
    expect((await get(path, { from: '2026-06-01', to: '2026-01-01' })).body).toMatchObject({ statusCode: 400, code: 'invalid_history_range' });
    expect((await get(path, { from: '2000-01-01', to: '2026-01-01', every: 'week' })).body).toMatchObject({ statusCode: 400, code: 'history_too_long' });
    expect((await get(path, { every: 'day' })).status).toBe(400);
    expect((await get(path, { asOf: '2026-01-01' })).status).toBe(400);
    expect((await get(path, { from: 'last year' })).status).toBe(400);
    expect((await get(`/partnerships/00000000-0000-4000-8000-000000000000/health/history`)).body).toMatchObject({ statusCode: 404 });
  });

  it('gives the levels report by month with its filters, each step as /reports/levels answers it', async () => {
    const history = await ok('/reports/levels/history', { from: '2026-01-15', to: '2026-06-15', region: 'Gelderland', level: 'mbo' });
    expect(history).toMatchObject({ every: 'month', filter: { region: 'Gelderland', level: 'mbo' } });
    expect(history.steps).toHaveLength(6);
    for (const step of [history.steps[0], history.steps.at(-1)]) {
      const report = await ok('/reports/levels', { asOf: step.asOf, region: 'Gelderland', level: 'mbo' });
      expect(step.levels).toEqual(report.levels.map(({ reasons: _reasons, reasonCodes: _codes, reasonParams: _params, ...figures }: { reasons: unknown; reasonCodes: unknown; reasonParams: unknown }) => figures));
    }
    expect((await get('/reports/levels/history', { every: 'week' })).status).toBe(400);
    expect((await get('/reports/levels/history', { from: '2000-01-01' })).body).toMatchObject({ code: 'history_too_long' });
  });
});

describe('lists and reports (SPEC §3.6 R2)', () => {
  type Row = { partnershipId: string; trend: number | null; stage: string; healthScore: number };

  it('carries the trend of /health on every partnership, and sorts by it, the worst decline first', async () => {
    const { items } = await ok('/partnerships', { asOf: A, sort: 'trend', limit: '200' });
    const declining = items.find((row: Row) => row.partnershipId === id.declining);
    expect(declining.trend).toBe((await ok(`/partnerships/${id.declining}/health`, { asOf: A })).trend);
    expect(declining.trend).toBeLessThan(0);
    expect(items[0].partnershipId).toBe(id.declining);
    const trends = items.map((row: Row) => row.trend).filter((trend: number | null) => trend !== null);
    expect(trends).toEqual([...trends].sort((a, b) => a - b));
  });

  it('filters by intensity at asOf', async () => {
    const { items } = await ok('/partnerships', { asOf: A, intensity: 'innovation' });
    expect(items.map((row: Row) => row.partnershipId)).toEqual([id.declining]);
  });

  it('counts ended partnerships in risk lists only when stage=ended is asked, and sorts them after the running ones', async () => {
    const high = await ok('/partnerships', { asOf: A, risk: 'high' });
    expect(high.items.map((row: Row) => row.partnershipId)).not.toContain(id.ended);
    const endedHigh = await ok('/partnerships', { asOf: A, risk: 'high', stage: 'ended' });
    expect(endedHigh.items.map((row: Row) => row.partnershipId)).toEqual([id.ended]);
    const all = await ok('/partnerships', { asOf: A, limit: '200' });
    expect(all.items.at(-1).partnershipId).toBe(id.ended);

    const report = await ok('/reports/key-person-risk', { asOf: A, risk: 'high' });
    expect(report.items.map((row: Row) => row.partnershipId)).not.toContain(id.ended);
    const endedReport = await ok('/reports/key-person-risk', { asOf: A, stage: 'ended' });
    expect(endedReport.items.map((row: Row) => row.partnershipId)).toEqual([id.ended]);
  });

  it('echoes every filter a report was given', async () => {
    expect((await ok('/reports/levels', { asOf: A, region: 'Gelderland', school: id.school, level: 'mbo' })).filter).toEqual({ region: 'Gelderland', school: id.school, level: 'mbo' });
    expect((await ok('/reports/key-person-risk', { asOf: A, risk: 'high', region: 'Gelderland' })).filter).toEqual({ risk: 'high', region: 'Gelderland' });
    expect((await ok('/reports/continuity', { asOf: A, orphaned: 'false' })).filter).toEqual({ orphaned: 'false' });
  });

  it('gives backups one shape in /partnerships/:id/continuity and /reports/continuity, and one column per field in CSV', async () => {
    const single = await ok(`/partnerships/${id.declining}/continuity`, { asOf: A });
    const report = await ok('/reports/continuity', { asOf: A, school: id.school });
    const row = report.items.find((item: Row) => item.partnershipId === id.declining);
    expect(row.school.backups).toEqual(single.school.backups);
    expect(row.school.backups).toEqual([expect.objectContaining({ personId: id.tom, name: 'Tom Visser' })]);
    // Each side's continuity in words and in its machine form, as the partnership's own answer gives it.
    for (const side of ['school', 'partner'] as const) {
      expect({ reason: row[side].reason, reasonCode: row[side].reasonCode, reasonParams: row[side].reasonParams }).toEqual({ reason: single[side].reason, reasonCode: single[side].reasonCode, reasonParams: single[side].reasonParams });
      expect(row[side].reasonCode).toMatch(/^side_continuity\./);
    }
    const csv = await get('/reports/continuity', { asOf: A, school: id.school, format: 'csv' });
    const [header, ...lines] = csv.text.trim().split('\r\n');
    const columns = header.split(',');
    const line = lines.find((one) => one.startsWith(id.declining))!.split(',');
    expect(line[columns.indexOf('school.backups.personId')]).toBe(id.tom);
    expect(line[columns.indexOf('school.backups.name')]).toBe('Tom Visser');
  });
});

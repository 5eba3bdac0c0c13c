import Database from 'better-sqlite3';
import { createDecipheriv } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rebuildProjections } from '../../apps/cli/src/rebuild-projections';
import { settingsFromEnv } from '../../apps/api/src/config/settings';
import { TEST_JWT_SECRET } from '../support/tokens';
import { daysAgo, region } from '../support/fixtures';
import { startTestAppOn, TestApp } from '../support/test-app';

/**
 * SPEC §6, crypto-shredding: after POST /people/:id/erasure the person's name, email and phone are gone from every
 * endpoint and export, also after a rebuild (in the API and by the CLI) and a restart; their ciphertext is still in
 * the log and nothing can decrypt it; and every figure (health, counts, risk, levels) is what it was.
 */
const NAME = 'Margriet Zwanenburg';
const EMAIL = 'm.zwanenburg@clusius.nl';
const PHONE = '+31 6 2468 1357';
/**
 * Anything that would show the person is still there: the phone as written and as its digits alone, never a fragment
 * short enough to turn up inside a random id (a trace "2468" once matched the interaction id "524688f4-…").
 */
const TRACES = ['Margriet', 'Zwanenburg', EMAIL, PHONE, PHONE.replace(/\D/g, '').slice(2)];

type Agent = TestApp['http'];

async function post(http: Agent, path: string, body: object): Promise<{ id: string; revision: number; position: number }> {
  const response = await http.post(`/api${path}`).send(body);
  if (response.status !== 200 && response.status !== 201) throw new Error(`POST ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body;
}

/** Every read endpoint that can show a person, in JSON and CSV, at one `asOf`, after the read models reached `position`. */
async function views(http: Agent, ids: { personId: string; partnershipId: string }, asOf: string, position: number) {
  const get = async (path: string, query: Record<string, string> = {}, dated = true) => {
    const response = await http.get(`/api${path}`).query({ ...(dated && { asOf }), ...query }).set('X-Min-Position', String(position));
    if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
    return query.format === 'csv' ? response.text : response.body;
  };
  const { personId, partnershipId } = ids;
  const p = `/partnerships/${partnershipId}`;
  return {
    person: await get(`/people/${personId}`),
    people: await get('/people'),
    peopleCsv: await get('/people', { format: 'csv' }),
    exposure: await get(`/people/${personId}/exposure`),
    exposureCsv: await get(`/people/${personId}/exposure`, { format: 'csv' }),
    partnership: await get(p),
    partnerships: await get('/partnerships'),
    partnershipsCsv: await get('/partnerships', { format: 'csv' }),
    health: await get(`${p}/health`),
    continuity: await get(`${p}/continuity`),
    keyPersonRisk: await get(`${p}/key-person-risk`),
    timeline: await get(`${p}/timeline`, { limit: '100' }, false),
    worklist: await get('/worklist', { personId }),
    worklistCsv: await get('/worklist', { personId, format: 'csv' }),
    levels: await get('/reports/levels'),
    levelsCsv: await get('/reports/levels', { format: 'csv' }),
    riskReport: await get('/reports/key-person-risk'),
    riskReportCsv: await get('/reports/key-person-risk', { format: 'csv' }),
    continuityReport: await get('/reports/continuity'),
    continuityReportCsv: await get('/reports/continuity', { format: 'csv' }),
  };
}

type Views = Awaited<ReturnType<typeof views>>;

function expectNoTrace(label: string, value: unknown): void {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  for (const trace of TRACES) if (text.includes(trace)) throw new Error(`${label} still shows "${trace}": ${text.slice(Math.max(0, text.indexOf(trace) - 200), text.indexOf(trace) + 200)}`);
}

/** The figures, which an erasure must not change. */
function figures(v: Views) {
  return {
    score: v.health.score,
    status: v.health.status,
    components: v.health.components.map((c: { name: string; score: number | null; weight: number }) => [c.name, c.score, c.weight]),
    people: v.people.items.length,
    exposure: { primaryOf: v.exposure.primaryOf.length, onlyActivePersonIn: v.exposure.onlyActivePersonIn.length, impact: v.exposure.departureImpact.map((d: { becomes: string }) => d.becomes) },
    risk: ['school', 'partner'].map((side) => {
      const { risk, topPerson, topShare, activePersonIds, sideTouchpoints } = v.keyPersonRisk[side];
      return [risk, topPerson?.personId, topShare, activePersonIds, sideTouchpoints];
    }),
    continuity: ['school', 'partner'].map((side) => {
      const { primary, backups, gapDays, distinctParticipants365, orphaned } = v.continuity[side];
      return [primary?.personId, primary?.tenureDays, backups.map((b: { personId: string }) => b.personId), gapDays, distinctParticipants365, orphaned];
    }),
    timeline: v.timeline.items.map((e: { position: number; type: string; at?: string }) => [e.position, e.type, e.at]),
    worklist: v.worklist.items.map((w: { type: string; dueAt: string }) => [w.type, w.dueAt]),
    levels: v.levels,
    listed: v.partnerships.items.map((i: { healthScore: number; status: string }) => [i.healthScore, i.status]),
  };
}

describe('POST /people/:id/erasure (crypto-shredding)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'crm-erasure-'));
  let t: TestApp;
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('takes the person out of every endpoint, export, rebuild and replay, leaves undecryptable ciphertext, and changes no figure', async () => {
    t = await startTestAppOn(dataDir);
    const { schoolId, teacherId, ownerId, partnershipId } = await region(t.http);
    const { id: personId } = await post(t.http, '/people', { organisationId: schoolId, name: NAME, email: EMAIL, phone: PHONE, role: 'decaan', tier: 'tactical' });
    const p = `/partnerships/${partnershipId}`;
    await post(t.http, `${p}/contacts`, { side: 'school', personId, role: 'primary', at: daysAgo(300) });
    await post(t.http, `${p}/contacts`, { side: 'school', personId: teacherId, role: 'backup', at: daysAgo(300) });
    await post(t.http, `${p}/contacts`, { side: 'partner', personId: ownerId, role: 'primary', at: daysAgo(300) });
    for (const days of [250, 180, 120, 60]) {
      await post(t.http, `${p}/interactions`, {
        kind: 'visit',
        occurredAt: daysAgo(days),
        initiatedBy: days % 120 ? 'school' : 'partner',
        participantIds: [personId, ownerId],
        summary: `${NAME} (${EMAIL}) regelt vier stageplaatsen`,
      });
    }
    await post(t.http, `${p}/interactions`, { kind: 'call', occurredAt: daysAgo(30), initiatedBy: 'partner', participantIds: [teacherId, ownerId], summary: 'Open dag gepland' });
    await post(t.http, `${p}/agreements`, { kind: 'cooperation_agreement', signedAt: daysAgo(200), validUntil: daysAgo(-400), signatoryIds: [personId, ownerId] });
    await post(t.http, `${p}/evaluations`, { heldAt: daysAgo(40), participantIds: [personId, ownerId], schoolSatisfaction: 8, partnerSatisfaction: 7, notes: `${NAME} blijft aanspreekpunt` });
    const last = await post(t.http, `${p}/commitments`, { side: 'school', ownerId: personId, description: `${NAME} stuurt het rooster`, dueAt: daysAgo(-10) });

    const asOf = new Date().toISOString();
    const ids = { personId, partnershipId };
    const before = await views(t.http, ids, asOf, last.position);
    // The person is visible everywhere to begin with, so "gone" below means something.
    expect(before.person).toMatchObject({ name: NAME, email: EMAIL, phone: PHONE });
    for (const key of ['peopleCsv', 'exposure', 'continuity', 'keyPersonRisk', 'timeline', 'worklist', 'continuityReportCsv'] as const) {
      expect(JSON.stringify(before[key])).toContain('Zwanenburg');
    }

    // Erase.
    const erased = await t.http.post(`/api/people/${personId}/erasure`).send({});
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ id: personId, revision: 1 });

    const after = await views(t.http, ids, asOf, erased.body.position);
    for (const [label, value] of Object.entries(after)) expectNoTrace(label, value);
    expect(after.person).toMatchObject({ personId, name: '[erased]', role: 'decaan', tier: 'tactical' });
    expect(after.person).not.toHaveProperty('email');
    expect(after.person).not.toHaveProperty('phone');
    const texts = after.timeline.items.map((e: { data: { summary?: string; notes?: string; description?: string } }) => e.data.summary ?? e.data.notes ?? e.data.description);
    expect(texts.filter((text: string | undefined) => text === '[erased]')).toHaveLength(6);
    expect(texts).toContain('Open dag gepland');
    expect(figures(after)).toEqual(figures(before));

    // An NDJSON export of the log as the app reads it.
    const ndjson = (await t.store.readAll(0, 100_000)).map((event) => JSON.stringify(event)).join('\n');
    expectNoTrace('NDJSON export', ndjson);
    expect(ndjson).toContain('[erased]');

    // A repeated erasure (a retry) succeeds without writing anything.
    const head = await t.store.headPosition();
    const again = await t.http.post(`/api/people/${personId}/erasure`).send({});
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ id: personId, revision: 1, position: erased.body.position });
    expect(await t.store.headPosition()).toBe(head);
    // Nothing new can be recorded about them.
    const refused = await t.http.post(`/api${p}/interactions`).send({ kind: 'call', initiatedBy: 'school', participantIds: [personId], summary: 'na het wissen' });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('person_erased');

    // A full rebuild in the API answers the same.
    const rebuilt = await t.http.post('/api/admin/projections/rebuild').query({ wait: 'true' });
    expect(rebuilt.status).toBe(202);
    expect(rebuilt.body.status).toBe('done');
    const afterRebuild = await views(t.http, ids, asOf, erased.body.position);
    for (const [label, value] of Object.entries(afterRebuild)) expectNoTrace(`after rebuild: ${label}`, value);
    expect(figures(afterRebuild)).toEqual(figures(before));
    expect(afterRebuild.person).toMatchObject({ name: '[erased]' });
    await t.close();

    // The log still holds the ciphertext, and no key left in the key store opens it.
    const log = new Database(join(dataDir, 'events.sqlite'), { readonly: true });
    const rows = log.prepare<[], { stream_id: string; type: string; data: string }>('SELECT stream_id, type, data FROM events').all();
    log.close();
    expectNoTrace('raw events.sqlite rows', rows);
    const registered = JSON.parse(rows.find((row) => row.type === 'PersonRegistered' && row.stream_id === `person-${personId}`)!.data);
    expect(registered.name).toMatchObject({ enc: 'aes-256-gcm', kid: `person:${personId}` });
    expect(registered.email).toMatchObject({ enc: 'aes-256-gcm', kid: `person:${personId}` });
    const keyStore = new Database(join(dataDir, 'keys.sqlite'), { readonly: true });
    const keys = keyStore.prepare<[], { subject: string; key: Buffer | null; destroyed_at: string | null }>('SELECT subject, key, destroyed_at FROM data_keys').all();
    keyStore.close();
    expect(keys.find((k) => k.subject === `person:${personId}`)).toMatchObject({ key: null, destroyed_at: expect.any(String) });
    const remaining = keys.filter((k) => k.key).map((k) => k.key!);
    // The teacher's, the owner's and the partnership's.
    expect(remaining).toHaveLength(3);
    const sealed = registered.name as { iv: string; tag: string; data: string };
    for (const key of remaining) {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
      decipher.setAAD(Buffer.from(`person-${personId}|PersonRegistered|name`));
      decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
      expect(() => Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()])).toThrow();
    }

    // The CLI's rebuild (API stopped), then a restart on the same files: still gone, same figures.
    const lines: string[] = [];
    await rebuildProjections({ ...settingsFromEnv({}), dataDir, auth: { jwtSecret: TEST_JWT_SECRET } }, (line) => lines.push(line));
    expect(lines.join('\n')).toMatch(/rebuilt \d+ projections/);
    t = await startTestAppOn(dataDir);
    const afterRestart = await views(t.http, ids, asOf, erased.body.position);
    for (const [label, value] of Object.entries(afterRestart)) expectNoTrace(`after CLI rebuild and restart: ${label}`, value);
    expect(figures(afterRestart)).toEqual(figures(before));

    // A departure can still be recorded (it unassigns them), but not with a reason: that would be new personal data.
    const withReason = await t.http.post(`/api/people/${personId}/departure`).send({ reason: 'verhuisd naar Groningen' });
    expect(withReason.status).toBe(422);
    expect(withReason.body).toMatchObject({ code: 'person_erased', personId });
    expect((await t.http.post(`/api/people/${personId}/departure`).send({})).status).toBe(200);
    await t.close();
  }, 60_000);
});

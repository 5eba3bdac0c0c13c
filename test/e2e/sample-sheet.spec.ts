import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, TestApp } from '../support/test-app';

/** The README walk-through: a stagebureau's list (docs/samples) into an empty product in one upload, then again. */

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const sample = (ext: string) => readFileSync(join(__dirname, '../../docs/samples', `stagebureau-relaties.${ext}`));
const upload = (ext: string, dryRun: boolean) => t.http.post('/api/imports').query({ dryRun: String(dryRun) }).attach('file', sample(ext), `stagebureau-relaties.${ext}`);

describe('the sample relations sheet', () => {
  it('imports as xlsx in one commit, and the same list as CSV then matches everything', async () => {
    const dryRun = await upload('xlsx', true);
    expect(dryRun.status).toBe(200);
    expect(dryRun.body.errors).toEqual([]);
    const { summary } = dryRun.body;
    expect(summary.organisations.created).toBeGreaterThan(250);
    // A partner working with two schools is listed twice: the second time its people are matched by e-mail.
    expect(summary.people.created + summary.people.matched).toBe(summary.rows);
    expect(summary.people.created).toBeGreaterThan(600);
    expect(summary.partnerships.created).toBeGreaterThan(250);

    const commit = await upload('xlsx', false);
    expect(commit.status).toBe(201);
    expect(commit.body.summary).toEqual(summary);
    const head = await t.store.headPosition();

    const list = await t.http.get('/api/organisations').query({ kind: 'school', limit: '200' }).set('X-Min-Position', String(head));
    expect(list.body.items.map((o: { name: string }) => o.name)).toEqual(expect.arrayContaining(['Hogeschool van Amsterdam', 'RSG Wolfsbos', 'Het Kwadrant']));
    const partnerships = await t.http.get('/api/partnerships').query({ level: 'hbo', limit: '200' });
    expect(partnerships.body.items.length).toBeGreaterThan(0);

    const again = await upload('csv', false);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ committed: true, position: null, summary: { created: 0, refused: 0, matched: summary.rows } });
    expect(await t.store.headPosition()).toBe(head);
  }, 180_000);
});

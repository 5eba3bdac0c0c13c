import { createProtectedEventStore } from '@crm/privacy';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportNdjson, importNdjson } from '../../apps/cli/src/ndjson';
import { daysAgo, region } from '../support/fixtures';
import { startTestAppOn } from '../support/test-app';

const open = (dataDir: string) => createProtectedEventStore({ dataDir });

describe('NDJSON export and import of the event log', () => {
  const source = mkdtempSync(join(tmpdir(), 'crm-ndjson-src-'));
  const target = mkdtempSync(join(tmpdir(), 'crm-ndjson-dst-'));
  const work = mkdtempSync(join(tmpdir(), 'crm-ndjson-'));
  afterAll(() => [source, target, work].forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('round-trips the log, and importing the same file twice writes nothing new', async () => {
    const t = await startTestAppOn(source);
    const { partnershipId, teacherId, ownerId } = await region(t.http);
    await t.http
      .post(`/api/partnerships/${partnershipId}/interactions`)
      .send({ kind: 'visit', initiatedBy: 'partner', occurredAt: daysAgo(20), participantIds: [teacherId, ownerId], summary: 'Rondleiding kassen' })
      .expect(201);
    await t.http.post(`/api/people/${ownerId}/erasure`).send({}).expect(200);
    await t.close();

    const first = join(work, 'first.ndjson');
    const second = join(work, 'second.ndjson');
    const src = await open(source);
    const exported = await exportNdjson(src.events, first);
    await src.events.close();

    const dst = await open(target);
    expect(await importNdjson(dst.events, first)).toEqual({ imported: exported, skipped: 0 });
    expect(await importNdjson(dst.events, first)).toEqual({ imported: 0, skipped: exported });
    await exportNdjson(dst.events, second);
    await dst.events.close();

    const lines = readFileSync(first, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(exported);
    expect(readFileSync(second, 'utf8')).toBe(readFileSync(first, 'utf8'));
    // The erased person reads [erased] in the export; the summary that named them too.
    const text = readFileSync(first, 'utf8');
    expect(text).not.toContain('Jan de Vries');
    expect(text).not.toContain('Rondleiding kassen');
    expect(text).toContain('Fatima el Amrani');
  }, 60_000);
});

import { created, daysAgo, region } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * SPEC §2: "every command may carry the expected stream revision (If-Match header); a mismatch is 409 with the
 * current revision." The revision is the one a command answered with, bare (`1`) or as an ETag (`"1"`).
 */

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const api = (path: string) => `/api${path}`;

/** A partnership at revision 1: opened, then agreed. */
async function agreedPartnership() {
  const w = await region(t.http);
  const agreed = await t.http.post(api(`/partnerships/${w.partnershipId}/stage`)).send({ to: 'agreed', at: daysAgo(200) });
  expect(agreed.body.revision).toBe(1);
  return w;
}

it.each([
  ['bare', '1'],
  ['quoted, as an ETag', '"1"'],
])('an If-Match with the current revision (%s) succeeds', async (_, ifMatch) => {
  const { partnershipId } = await agreedPartnership();
  const response = await t.http.post(api(`/partnerships/${partnershipId}/stage`)).set('If-Match', ifMatch).send({ to: 'active' });
  expect(response.status).toBe(200);
  expect(response.body).toMatchObject({ id: partnershipId, revision: 2 });
  const events = await t.store.readStream(`partnership-${partnershipId}`);
  expect(events.map((e) => e.type)).toEqual(['PartnershipOpened', 'PartnershipStageChanged', 'PartnershipStageChanged']);
});

it('a stale If-Match gets 409 with the current revision and writes nothing; retrying with that revision succeeds', async () => {
  const { partnershipId } = await agreedPartnership();
  const head = await t.store.headPosition();

  const stale = await t.http.post(api(`/partnerships/${partnershipId}/stage`)).set('If-Match', '0').send({ to: 'active' });
  expect(stale.status).toBe(409);
  expect(stale.body).toMatchObject({ statusCode: 409, code: 'revision_mismatch', currentRevision: 1, message: expect.any(String) });
  expect(await t.store.headPosition()).toBe(head);
  expect(await t.store.readStream(`partnership-${partnershipId}`)).toHaveLength(2);

  const retry = await t.http.post(api(`/partnerships/${partnershipId}/stage`)).set('If-Match', `"${stale.body.currentRevision}"`).send({ to: 'active' });
  expect(retry.status).toBe(200);
  expect(retry.body.revision).toBe(2);
});

it('a stale If-Match is a conflict even when the command would also break a rule', async () => {
  const { partnershipId } = await agreedPartnership();
  const head = await t.store.headPosition();
  const response = await t.http.post(api(`/partnerships/${partnershipId}/stage`)).set('If-Match', '0').send({ to: 'agreed' });
  expect([response.status, response.body.code, response.body.currentRevision]).toEqual([409, 'revision_mismatch', 1]);
  expect(await t.store.headPosition()).toBe(head);
});

it('If-Match: * makes the command unconditional', async () => {
  const { partnershipId } = await agreedPartnership();
  const response = await t.http.post(api(`/partnerships/${partnershipId}/intensity`)).set('If-Match', '*').send({ to: 'aligned' });
  expect(response.status).toBe(200);
  expect(response.body.revision).toBe(2);
});

it('two editors with the same revision: the first wins, the second gets 409 and must reload', async () => {
  const { companyId } = await region(t.http);
  const first = await t.http.patch(api(`/organisations/${companyId}`)).set('If-Match', '0').send({ size: 'large' });
  const second = await t.http.patch(api(`/organisations/${companyId}`)).set('If-Match', '0').send({ size: 'small' });
  expect(first.status).toBe(200);
  expect([second.status, second.body.currentRevision]).toEqual([409, 1]);
  const events = await t.store.readStream(`organisation-${companyId}`);
  expect(events.map((e) => [e.type, e.data.size])).toEqual([
    ['OrganisationRegistered', 'medium'],
    ['OrganisationUpdated', 'large'],
  ]);
});

it('If-Match is checked against the command’s own stream, not the people it names', async () => {
  const { schoolId, partnershipId } = await agreedPartnership();
  const coordinator = await created(t.http, '/people', { organisationId: schoolId, name: 'Anouk Mulder', role: 'coördinator', tier: 'operational' });
  await t.http.patch(api(`/people/${coordinator}`)).send({ role: 'teamleider', tier: 'tactical' }).expect(200);
  await t.http.patch(api(`/people/${coordinator}`)).send({ role: 'afdelingsleider', tier: 'tactical' }).expect(200);

  // The person is at revision 2, the partnership at 1.
  const assigned = await t.http
    .post(api(`/partnerships/${partnershipId}/contacts`))
    .set('If-Match', '1')
    .send({ side: 'school', personId: coordinator, role: 'primary' });
  expect(assigned.status).toBe(200);
  expect(assigned.body.revision).toBe(2);

  const unassigned = await t.http.delete(api(`/partnerships/${partnershipId}/contacts/${coordinator}`)).set('If-Match', '1').query({ reason: 'other' });
  expect([unassigned.status, unassigned.body.currentRevision]).toEqual([409, 2]);
});

it('a departure is checked against the person’s stream, though it also writes to their partnerships', async () => {
  const { partnershipId, teacherId } = await agreedPartnership();
  await t.http.post(api(`/partnerships/${partnershipId}/contacts`)).send({ side: 'school', personId: teacherId, role: 'primary' }).expect(200);
  const head = await t.store.headPosition();

  // The partnership is at revision 2 and the person at 0.
  const stale = await t.http.post(api(`/people/${teacherId}/departure`)).set('If-Match', '2').send({});
  expect([stale.status, stale.body.currentRevision]).toEqual([409, 0]);
  expect(await t.store.headPosition()).toBe(head);

  const departed = await t.http.post(api(`/people/${teacherId}/departure`)).set('If-Match', '0').send({});
  expect(departed.status).toBe(200);
  expect(departed.body.revision).toBe(1);
  expect(await t.store.headPosition()).toBe(head + 2);
});

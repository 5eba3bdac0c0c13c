import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { created, daysAgo, region } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * SPEC §2 and §4: every way a command can be refused. Each answers `{ statusCode, code, message }` (plus per-field
 * `errors` for bad input), and the log is exactly as it was: nothing is written by a refused command.
 */

let t: TestApp;
/** A school, a company, a person at each and a partnership opened a year ago; refused commands leave it as it is. */
let w: Awaited<ReturnType<typeof region>>;

beforeAll(async () => {
  t = await startTestApp();
  w = await region(t.http);
});
afterAll(() => t.close());

const api = (path: string) => `/api${path}`;
const unknownId = () => randomUUID();

/** Sends a command that must be refused; checks status, code and message, and that the log did not move. */
async function expectRefused(send: () => PromiseLike<Response>, status: number, code: string): Promise<Response> {
  const before = await t.store.headPosition();
  const response = await send();
  expect({ status: response.status, code: response.body.code }).toEqual({ status, code });
  expect(response.body).toMatchObject({ statusCode: status, code, message: expect.stringMatching(/\S/) });
  expect(await t.store.headPosition()).toBe(before);
  return response;
}

/** The per-field messages of a 400, as `{ field: messages }`. */
const fieldErrors = (response: Response): Record<string, string[]> =>
  Object.fromEntries((response.body.errors as { field: string; messages: string[] }[]).map((e) => [e.field, e.messages]));

describe('400: bad input, with per-field messages', () => {
  it('an unknown field is named', async () => {
    const response = await expectRefused(
      () => t.http.post(api('/organisations')).send({ name: 'Horizon College', kind: 'school', levels: ['mbo'], colour: 'blue' }),
      400,
      'validation_failed',
    );
    expect(fieldErrors(response)).toEqual({ colour: [expect.stringContaining('colour')] });
  });

  it('a field of the wrong type is named', async () => {
    const response = await expectRefused(() => t.http.post(api('/organisations')).send({ name: 42, kind: 'company' }), 400, 'validation_failed');
    expect(fieldErrors(response)).toEqual({ name: [expect.stringContaining('name')] });
  });

  it('a rating sent as a string is a wrong type, not a rating', async () => {
    const response = await expectRefused(
      () => t.http.post(api(`/partnerships/${w.partnershipId}/evaluations`)).send({ schoolSatisfaction: '8', partnerSatisfaction: 7 }),
      400,
      'validation_failed',
    );
    expect(Object.keys(fieldErrors(response))).toEqual(['schoolSatisfaction']);
  });

  it('a value outside its vocabulary is named, with the values allowed', async () => {
    const response = await expectRefused(() => t.http.post(api('/organisations')).send({ name: 'Rabobank', kind: 'bank' }), 400, 'validation_failed');
    expect(fieldErrors(response)).toEqual({ kind: [expect.stringMatching(/school, company, government, network, other/)] });
  });

  it('a bad value in the query of DELETE /contacts is named', async () => {
    const response = await expectRefused(
      () => t.http.delete(api(`/partnerships/${w.partnershipId}/contacts/${w.teacherId}`)).query({ reason: 'fired' }),
      400,
      'validation_failed',
    );
    expect(Object.keys(fieldErrors(response))).toEqual(['reason']);
  });

  it('a date that is not ISO-8601 is named', async () => {
    const response = await expectRefused(
      () => t.http.post(api(`/partnerships/${w.partnershipId}/interactions`)).send({ kind: 'call', initiatedBy: 'school', occurredAt: 'last tuesday' }),
      400,
      'validation_failed',
    );
    expect(Object.keys(fieldErrors(response))).toEqual(['occurredAt']);
  });

  it('every missing required field is named at once', async () => {
    const response = await expectRefused(() => t.http.post(api('/organisations')).send({}), 400, 'validation_failed');
    expect(Object.keys(fieldErrors(response)).sort()).toEqual(['kind', 'name']);
  });

  it('malformed JSON', async () => {
    await expectRefused(
      () => t.http.post(api('/organisations')).set('Content-Type', 'application/json').send('{"name": "Clusius College", "kind": '),
      400,
      'malformed_json',
    );
  });

  it('an empty body declared as JSON', async () => {
    await expectRefused(() => t.http.post(api(`/people/${w.ownerId}/erasure`)).set('Content-Type', 'application/json').send(''), 400, 'empty_body');
  });

  it('a path id that is not a UUID is named', async () => {
    const response = await expectRefused(() => t.http.post(api('/partnerships/clusius-agrifirm/stage')).send({ to: 'agreed' }), 400, 'invalid_id');
    expect(fieldErrors(response)).toEqual({ id: [expect.any(String)] });
  });

  it('a nested path id that is not a UUID is named', async () => {
    const response = await expectRefused(
      () => t.http.post(api(`/partnerships/${w.partnershipId}/commitments/42/fulfilment`)).send({}),
      400,
      'invalid_id',
    );
    expect(Object.keys(fieldErrors(response))).toEqual(['cid']);
  });

  it('an If-Match that is not a revision is named', async () => {
    const response = await expectRefused(
      () => t.http.post(api(`/partnerships/${w.partnershipId}/stage`)).set('If-Match', 'yesterday').send({ to: 'agreed' }),
      400,
      'invalid_if_match',
    );
    expect(Object.keys(fieldErrors(response))).toEqual(['If-Match']);
  });

  it('null for an optional client-chosen id is refused, never answered or stored as id null', async () => {
    const response = await expectRefused(
      () => t.http.post(api('/organisations')).send({ organisationId: null, name: 'Gemeente Den Helder', kind: 'government' }),
      400,
      'validation_failed',
    );
    expect(Object.keys(fieldErrors(response))).toEqual(['organisationId']);
  });

  it('null for the id of a new interaction is refused, never answered or stored as id null', async () => {
    const response = await expectRefused(
      () => t.http.post(api(`/partnerships/${w.partnershipId}/interactions`)).send({ interactionId: null, kind: 'call', initiatedBy: 'school' }),
      400,
      'validation_failed',
    );
    expect(Object.keys(fieldErrors(response))).toEqual(['interactionId']);
  });

  it('null as a new name of an organisation is bad input, not a server error', async () => {
    const response = await expectRefused(() => t.http.patch(api(`/organisations/${w.companyId}`)).send({ name: null }), 400, 'validation_failed');
    expect(Object.keys(fieldErrors(response))).toEqual(['name']);
  });
});

describe('404: unknown ids', () => {
  it('an unknown partnership in the path', async () => {
    await expectRefused(
      () => t.http.post(api(`/partnerships/${unknownId()}/interactions`)).send({ kind: 'call', initiatedBy: 'school' }),
      404,
      'partnership_not_found',
    );
  });

  it('an unknown person in the path', async () => {
    await expectRefused(() => t.http.post(api(`/people/${unknownId()}/departure`)).send({}), 404, 'person_not_found');
    await expectRefused(() => t.http.patch(api(`/people/${unknownId()}`)).send({ role: 'directeur', tier: 'strategic' }), 404, 'person_not_found');
  });

  it('an unknown organisation in the path', async () => {
    await expectRefused(() => t.http.patch(api(`/organisations/${unknownId()}`)).send({ region: 'Texel' }), 404, 'organisation_not_found');
  });

  it('an unknown agreement or commitment in the path', async () => {
    await expectRefused(
      () => t.http.post(api(`/partnerships/${w.partnershipId}/agreements/${unknownId()}/termination`)).send({}),
      404,
      'agreement_not_found',
    );
    await expectRefused(
      () => t.http.post(api(`/partnerships/${w.partnershipId}/commitments/${unknownId()}/fulfilment`)).send({}),
      404,
      'commitment_not_found',
    );
  });

  it('a person who is not a contact of the partnership cannot be unassigned', async () => {
    await expectRefused(() => t.http.delete(api(`/partnerships/${w.partnershipId}/contacts/${w.teacherId}`)), 404, 'contact_not_assigned');
  });

  it('an unknown school in the body', async () => {
    const response = await expectRefused(
      () => t.http.post(api('/partnerships')).send({ schoolId: unknownId(), partnerId: w.companyId, levels: ['vmbo'], intensity: 'placement' }),
      404,
      'organisation_not_found',
    );
    expect(response.body.field).toBe('schoolId');
  });

  it('an unknown organisation for a new person', async () => {
    await expectRefused(
      () => t.http.post(api('/people')).send({ organisationId: unknownId(), name: 'Kees Jansen', role: 'HR', tier: 'tactical' }),
      404,
      'organisation_not_found',
    );
  });

  it('an unknown participant', async () => {
    const response = await expectRefused(
      () =>
        t.http
          .post(api(`/partnerships/${w.partnershipId}/interactions`))
          .send({ kind: 'meeting', initiatedBy: 'school', participantIds: [w.teacherId, unknownId()] }),
      404,
      'person_not_found',
    );
    expect(response.body.field).toBe('participantIds');
  });
});

describe('409: conflicts', () => {
  it('an If-Match that is not the current revision, with the current revision in the answer', async () => {
    const { partnershipId } = await region(t.http);
    const response = await expectRefused(
      () => t.http.post(api(`/partnerships/${partnershipId}/stage`)).set('If-Match', '7').send({ to: 'agreed' }),
      409,
      'revision_mismatch',
    );
    expect(response.body.currentRevision).toBe(0);
  });

  it('a client-chosen interaction id used twice', async () => {
    const interactionId = randomUUID();
    const body = { interactionId, kind: 'call', initiatedBy: 'partner', occurredAt: daysAgo(3) };
    await t.http.post(api(`/partnerships/${w.partnershipId}/interactions`)).send(body).expect(201);
    await expectRefused(
      () => t.http.post(api(`/partnerships/${w.partnershipId}/interactions`)).send({ ...body, kind: 'email' }),
      409,
      'id_already_used',
    );
  });

  it('a client-chosen organisation id used twice', async () => {
    await expectRefused(
      () => t.http.post(api('/organisations')).send({ organisationId: w.companyId, name: 'Agrifirm Zuid', kind: 'company' }),
      409,
      'organisation_exists',
    );
  });

  it('the same UUID in another letter case is the same organisation', async () => {
    const id = randomUUID();
    await created(t.http, '/organisations', { organisationId: id.toUpperCase(), name: 'Tata Steel', kind: 'company' });
    await expectRefused(
      () => t.http.post(api('/organisations')).send({ organisationId: id, name: 'Tata Steel IJmuiden', kind: 'company' }),
      409,
      'organisation_exists',
    );
  });
});

describe('415: not JSON', () => {
  it.each([
    ['application/xml', '<organisation name="Clusius College"/>'],
    ['text/plain', '{"name":"Clusius College","kind":"school","levels":["vo"]}'],
  ])('a body sent as %s', async (contentType, body) => {
    await expectRefused(() => t.http.post(api('/organisations')).set('Content-Type', contentType).send(body), 415, 'unsupported_media_type');
  });
});

describe('413: too large', () => {
  it('a body over 1 MiB', async () => {
    await expectRefused(
      () =>
        t.http
          .post(api(`/partnerships/${w.partnershipId}/interactions`))
          .send({ kind: 'call', initiatedBy: 'school', summary: 'x'.repeat(1024 * 1024 + 1) }),
      413,
      'body_too_large',
    );
  });

  it('a body just under 1 MiB is judged on its content, not its size', async () => {
    await expectRefused(
      () =>
        t.http
          .post(api(`/partnerships/${w.partnershipId}/interactions`))
          .send({ kind: 'call', initiatedBy: 'school', summary: 'x'.repeat(1024 * 1024 - 100) }),
      400,
      'validation_failed',
    );
  });
});

describe('422: rules of the domain', () => {
  const interaction = (partnershipId: string, body: object) =>
    t.http.post(api(`/partnerships/${partnershipId}/interactions`)).send({ kind: 'call', initiatedBy: 'school', ...body });

  it('the school of a partnership is an organisation of kind school', async () => {
    await expectRefused(
      () => t.http.post(api('/partnerships')).send({ schoolId: w.companyId, partnerId: w.schoolId, levels: ['vmbo'], intensity: 'placement' }),
      422,
      'school_not_a_school',
    );
  });

  it('the partner is not the school itself', async () => {
    await expectRefused(
      () => t.http.post(api('/partnerships')).send({ schoolId: w.schoolId, partnerId: w.schoolId, levels: ['vmbo'], intensity: 'placement' }),
      422,
      'partner_is_school',
    );
  });

  it('a participant works for the school or the partner', async () => {
    const otherCompany = await created(t.http, '/organisations', { name: 'Cosun', kind: 'company' });
    const outsider = await created(t.http, '/people', { organisationId: otherCompany, name: 'Eva de Boer', role: 'HR', tier: 'tactical' });
    await expectRefused(() => interaction(w.partnershipId, { participantIds: [w.teacherId, outsider] }), 422, 'person_not_in_partnership');
  });

  it('nothing is dated before the partnership opened', async () => {
    const response = await expectRefused(() => interaction(w.partnershipId, { occurredAt: daysAgo(400) }), 422, 'date_before_opening');
    expect(response.body.field).toBe('occurredAt');
  });

  it('nothing is dated more than one day in the future (but later today is fine)', async () => {
    const response = await expectRefused(() => interaction(w.partnershipId, { occurredAt: daysAgo(-2) }), 422, 'date_in_future');
    expect(response.body.field).toBe('occurredAt');
    await interaction(w.partnershipId, { occurredAt: daysAgo(-0.5) }).expect(201);
  });

  it('stage changes follow the transitions: exploring cannot jump to active', async () => {
    await expectRefused(() => t.http.post(api(`/partnerships/${w.partnershipId}/stage`)).send({ to: 'active' }), 422, 'invalid_transition');
  });

  it('ratings are 1–10', async () => {
    const response = await expectRefused(
      () => t.http.post(api(`/partnerships/${w.partnershipId}/evaluations`)).send({ schoolSatisfaction: 11, partnerSatisfaction: 7 }),
      422,
      'rating_out_of_range',
    );
    expect(response.body.field).toBe('schoolSatisfaction');
  });

  it('validUntil is after signedAt', async () => {
    await expectRefused(
      () => t.http.post(api(`/partnerships/${w.partnershipId}/agreements`)).send({ kind: 'mou', signedAt: daysAgo(10), validUntil: daysAgo(20) }),
      422,
      'valid_until_not_after_signing',
    );
  });

  it('a commitment is fulfilled once', async () => {
    const commitmentId = await created(t.http, `/partnerships/${w.partnershipId}/commitments`, {
      side: 'partner',
      description: 'Four internship places',
      dueAt: daysAgo(-30),
    });
    await t.http.post(api(`/partnerships/${w.partnershipId}/commitments/${commitmentId}/fulfilment`)).send({}).expect(200);
    await expectRefused(
      () => t.http.post(api(`/partnerships/${w.partnershipId}/commitments/${commitmentId}/fulfilment`)).send({}),
      422,
      'commitment_closed',
    );
  });

  it('an ended partnership takes nothing more', async () => {
    const { partnershipId, teacherId } = await region(t.http);
    await t.http.post(api(`/partnerships/${partnershipId}/end`)).send({ reason: 'school merged' }).expect(200);
    await expectRefused(() => interaction(partnershipId, { participantIds: [teacherId] }), 422, 'partnership_ended');
    await expectRefused(() => t.http.post(api(`/partnerships/${partnershipId}/end`)).send({ reason: 'again' }), 422, 'partnership_ended');
  });

  it('a person who left takes part in nothing dated after leaving (but still in what came before)', async () => {
    const { partnershipId, ownerId } = await region(t.http);
    await t.http.post(api(`/people/${ownerId}/departure`)).send({ leftAt: daysAgo(30) }).expect(200);
    const response = await expectRefused(() => interaction(partnershipId, { occurredAt: daysAgo(10), participantIds: [ownerId] }), 422, 'person_left');
    expect(response.body.field).toBe('participantIds');
    await interaction(partnershipId, { occurredAt: daysAgo(60), participantIds: [ownerId] }).expect(201);
  });

  it('a refused departure writes nothing in any stream', async () => {
    const { partnershipId, teacherId } = await region(t.http);
    await t.http.post(api(`/partnerships/${partnershipId}/contacts`)).send({ side: 'school', personId: teacherId, role: 'primary' }).expect(200);
    await expectRefused(() => t.http.post(api(`/people/${teacherId}/departure`)).send({ leftAt: daysAgo(-3) }), 422, 'date_in_future');
  });
});

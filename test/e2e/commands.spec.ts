import { schemaVersionOf } from '@crm/domain';
import { randomUUID } from 'node:crypto';
import type { RecordedEvent } from '@crm/event-store';
import type { Response } from 'supertest';
import { created, daysAgo, region, withWrites } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * SPEC §4: every command route, once, with a realistic body. Each answers `{ id, revision, position }` and leaves
 * exactly the event(s) of SPEC §2 in its stream, with the metadata every event carries.
 */

let t: TestApp;
const startedAt = new Date().toISOString();

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

interface Expected {
  status: 200 | 201;
  id: string;
  revision: number;
  events: { streamId: string; type: string; data: Record<string, unknown> }[];
}

/** Sends a command; checks the answer, and that exactly the expected events were written with full metadata. */
async function expectCommand(send: () => PromiseLike<Response>, expected: Expected) {
  const { response, events, before } = await withWrites(t.store, send);
  expect({ status: response.status, body: response.body }).toEqual({
    status: expected.status,
    body: { id: expected.id, revision: expected.revision, position: before + expected.events.length },
  });
  expect(events.map(({ streamId, type, data }) => ({ streamId, type, data }))).toEqual(expected.events);
  // Positions are global, increasing and (in SQLite) gap-free; the answer names the last one.
  expect(events.map((event) => event.position)).toEqual(expected.events.map((_, i) => before + 1 + i));
  const own = events.filter((event) => event.streamId === events[0]?.streamId);
  expect(own[own.length - 1].revision).toBe(expected.revision);
  events.forEach(expectMetadata);
  // One command, one cause: all its events share correlation and causation.
  expect(new Set(events.map((event) => event.metadata.correlationId)).size).toBe(1);
  expect(new Set(events.map((event) => event.metadata.causationId)).size).toBe(1);
  return { response, events };
}

function expectMetadata(event: RecordedEvent) {
  expect(event.metadata).toMatchObject({
    recordedBy: expect.stringMatching(/\S/),
    recordedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    correlationId: expect.stringMatching(/\S/),
    causationId: expect.stringMatching(/\S/),
    schemaVersion: schemaVersionOf(event.type),
  });
  const recordedAt = event.metadata.recordedAt as string;
  expect(recordedAt >= startedAt && recordedAt <= new Date().toISOString()).toBe(true);
}

const api = (path: string) => `/api${path}`;
const org = (id: string) => `organisation-${id}`;
const person = (id: string) => `person-${id}`;
const partnership = (id: string) => `partnership-${id}`;

/** A school and a company with one person each, and a partnership opened a year ago. */
const world = () => region(t.http);

async function registerPerson(organisationId: string, name: string, tier = 'operational') {
  return created(t.http, '/people', { organisationId, name, role: 'docent', tier });
}

describe('organisations', () => {
  it('POST /organisations registers a school under the id the client chose, expanding "vo"', async () => {
    const organisationId = randomUUID();
    await expectCommand(
      () =>
        t.http.post(api('/organisations')).send({
          organisationId,
          name: 'Clusius College',
          kind: 'school',
          levels: ['vo'],
          region: 'Noord-Holland Noord',
        }),
      {
        status: 201,
        id: organisationId,
        revision: 0,
        events: [
          {
            streamId: org(organisationId),
            type: 'OrganisationRegistered',
            data: { organisationId, name: 'Clusius College', kind: 'school', levels: ['vmbo', 'havo', 'vwo'], region: 'Noord-Holland Noord' },
          },
        ],
      },
    );
  });

  it('POST /organisations without an id gets a server-made UUID', async () => {
    const response = await t.http
      .post(api('/organisations'))
      .send({ name: 'Agrifirm Noord', kind: 'company', sector: 'agri-food', size: 'medium', region: 'Noord-Holland Noord' });
    expect(response.status).toBe(201);
    expect(response.body.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const [event] = await t.store.readStream(org(response.body.id));
    expect(event).toMatchObject({
      type: 'OrganisationRegistered',
      revision: 0,
      position: response.body.position,
      data: {
        organisationId: response.body.id,
        name: 'Agrifirm Noord',
        kind: 'company',
        levels: [],
        sector: 'agri-food',
        size: 'medium',
        region: 'Noord-Holland Noord',
      },
    });
  });

  it('PATCH /organisations/:id records only the fields that changed', async () => {
    const { companyId } = await world();
    await expectCommand(
      () => t.http.patch(api(`/organisations/${companyId}`)).send({ name: 'Agrifirm Noord', size: 'large', region: 'West-Friesland' }),
      {
        status: 200,
        id: companyId,
        revision: 1,
        events: [{ streamId: org(companyId), type: 'OrganisationUpdated', data: { organisationId: companyId, size: 'large', region: 'West-Friesland' } }],
      },
    );
  });

  it('PATCH /organisations/:id that changes nothing writes nothing and answers the current revision', async () => {
    const { companyId } = await world();
    const changed = await t.http.patch(api(`/organisations/${companyId}`)).send({ sector: 'techniek' });
    expect(changed.status).toBe(200);

    const { response, events } = await withWrites(t.store, () =>
      t.http.patch(api(`/organisations/${companyId}`)).send({ sector: 'techniek', name: 'Agrifirm Noord' }),
    );
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ id: companyId, revision: 1, position: changed.body.position });
    expect(events).toEqual([]);
  });
});

describe('people', () => {
  it('POST /people registers a person under the id the client chose', async () => {
    const { schoolId } = await world();
    const personId = randomUUID();
    await expectCommand(
      () =>
        t.http.post(api('/people')).send({
          personId,
          organisationId: schoolId,
          name: 'Sanne Bakker',
          email: 's.bakker@clusius.nl',
          phone: '+31 72 512 3456',
          role: 'teamleider techniek',
          tier: 'tactical',
        }),
      {
        status: 201,
        id: personId,
        revision: 0,
        events: [
          {
            streamId: person(personId),
            type: 'PersonRegistered',
            data: {
              personId,
              organisationId: schoolId,
              name: 'Sanne Bakker',
              email: 's.bakker@clusius.nl',
              phone: '+31 72 512 3456',
              role: 'teamleider techniek',
              tier: 'tactical',
            },
          },
        ],
      },
    );
  });

  it('PATCH /people/:id records a change of role and tier', async () => {
    const { teacherId } = await world();
    const at = daysAgo(3);
    await expectCommand(() => t.http.patch(api(`/people/${teacherId}`)).send({ role: 'teamleider', tier: 'tactical', at }), {
      status: 200,
      id: teacherId,
      revision: 1,
      events: [{ streamId: person(teacherId), type: 'PersonRoleChanged', data: { personId: teacherId, role: 'teamleider', tier: 'tactical', at } }],
    });
  });

  it('PATCH /people/:id with the same role and tier writes nothing and answers the current revision', async () => {
    const { teacherId } = await world();
    const [registered] = await t.store.readStream(person(teacherId));
    const { response, events } = await withWrites(t.store, () =>
      t.http.patch(api(`/people/${teacherId}`)).send({ role: 'stagecoördinator', tier: 'operational' }),
    );
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ id: teacherId, revision: 0, position: registered.position });
    expect(events).toEqual([]);
  });

  it('POST /people/:id/departure records that the person left', async () => {
    const { ownerId } = await world();
    const leftAt = daysAgo(10);
    await expectCommand(() => t.http.post(api(`/people/${ownerId}/departure`)).send({ leftAt, reason: 'retired' }), {
      status: 200,
      id: ownerId,
      revision: 1,
      events: [{ streamId: person(ownerId), type: 'PersonLeftOrganisation', data: { personId: ownerId, leftAt, reason: 'retired' } }],
    });
  });

  it('POST /people/:id/erasure records the erasure, dated now when no date is sent', async () => {
    const { ownerId } = await world();
    const before = new Date().toISOString();
    const { events } = await expectCommand(() => t.http.post(api(`/people/${ownerId}/erasure`)).send({}), {
      status: 200,
      id: ownerId,
      revision: 1,
      events: [{ streamId: person(ownerId), type: 'PersonErased', data: { personId: ownerId, at: expect.any(String) } }],
    });
    const at = events[0].data.at as string;
    expect(at >= before && at <= new Date().toISOString()).toBe(true);
  });
});

describe('partnerships', () => {
  it('POST /partnerships opens a partnership under the id the client chose', async () => {
    const { schoolId, companyId } = await world();
    const partnershipId = randomUUID();
    const openedAt = daysAgo(30);
    await expectCommand(
      () =>
        t.http.post(api('/partnerships')).send({
          partnershipId,
          schoolId,
          partnerId: companyId,
          levels: ['vmbo', 'havo'],
          intensity: 'aligned',
          themes: ['groen', 'techniek'],
          openedAt,
        }),
      {
        status: 201,
        id: partnershipId,
        revision: 0,
        events: [
          {
            streamId: partnership(partnershipId),
            type: 'PartnershipOpened',
            data: { partnershipId, schoolId, partnerId: companyId, levels: ['vmbo', 'havo'], intensity: 'aligned', themes: ['groen', 'techniek'], openedAt },
          },
        ],
      },
    );
  });

  it('POST /partnerships/:id/stage records the transition, with the server deriving `from`', async () => {
    const { partnershipId } = await world();
    const at = daysAgo(200);
    await expectCommand(() => t.http.post(api(`/partnerships/${partnershipId}/stage`)).send({ to: 'agreed', reason: 'MoU signed', at }), {
      status: 200,
      id: partnershipId,
      revision: 1,
      events: [
        {
          streamId: partnership(partnershipId),
          type: 'PartnershipStageChanged',
          data: { partnershipId, from: 'exploring', to: 'agreed', reason: 'MoU signed', at },
        },
      ],
    });
  });

  it('POST /partnerships/:id/intensity records the change, with the server deriving `from`', async () => {
    const { partnershipId } = await world();
    const at = daysAgo(100);
    await expectCommand(() => t.http.post(api(`/partnerships/${partnershipId}/intensity`)).send({ to: 'exchange', at }), {
      status: 200,
      id: partnershipId,
      revision: 1,
      events: [{ streamId: partnership(partnershipId), type: 'PartnershipIntensityChanged', data: { partnershipId, from: 'placement', to: 'exchange', at } }],
    });
  });

  it('POST /partnerships/:id/contacts assigns a contact person', async () => {
    const { partnershipId, teacherId } = await world();
    const at = daysAgo(300);
    await expectCommand(
      () => t.http.post(api(`/partnerships/${partnershipId}/contacts`)).send({ side: 'school', personId: teacherId, role: 'primary', at }),
      {
        status: 200,
        id: partnershipId,
        revision: 1,
        events: [
          {
            streamId: partnership(partnershipId),
            type: 'ContactPersonAssigned',
            data: { partnershipId, side: 'school', personId: teacherId, role: 'primary', at },
          },
        ],
      },
    );
  });

  it('DELETE /partnerships/:id/contacts/:personId unassigns a contact person, with reason and date from the query', async () => {
    const { partnershipId, ownerId } = await world();
    await t.http.post(api(`/partnerships/${partnershipId}/contacts`)).send({ side: 'partner', personId: ownerId, role: 'backup', at: daysAgo(300) }).expect(200);
    const at = daysAgo(5);
    await expectCommand(
      () => t.http.delete(api(`/partnerships/${partnershipId}/contacts/${ownerId}`)).query({ reason: 'handover', at }),
      {
        status: 200,
        id: partnershipId,
        revision: 2,
        events: [
          {
            streamId: partnership(partnershipId),
            type: 'ContactPersonUnassigned',
            data: { partnershipId, side: 'partner', personId: ownerId, reason: 'handover', at },
          },
        ],
      },
    );
  });

  it('POST /partnerships/:id/interactions records a contact under the interaction id the client chose', async () => {
    const { partnershipId, teacherId, ownerId } = await world();
    const interactionId = randomUUID();
    const occurredAt = daysAgo(14);
    await expectCommand(
      () =>
        t.http.post(api(`/partnerships/${partnershipId}/interactions`)).send({
          interactionId,
          kind: 'call',
          occurredAt,
          initiatedBy: 'partner',
          participantIds: [teacherId, ownerId],
          summary: 'Four internship places in February',
        }),
      {
        status: 201,
        id: interactionId,
        revision: 1,
        events: [
          {
            streamId: partnership(partnershipId),
            type: 'InteractionRecorded',
            data: {
              partnershipId,
              interactionId,
              kind: 'call',
              occurredAt,
              initiatedBy: 'partner',
              participantIds: [teacherId, ownerId],
              summary: 'Four internship places in February',
            },
          },
        ],
      },
    );
  });

  it('POST /partnerships/:id/interactions stores dates as UTC ISO strings and makes an id when none is sent', async () => {
    const { partnershipId, teacherId } = await world();
    const local = new Date(Date.now() - 2 * 86_400_000);
    local.setUTCMilliseconds(0);
    const withOffset = `${local.toISOString().slice(0, 19)}+02:00`;
    const response = await t.http
      .post(api(`/partnerships/${partnershipId}/interactions`))
      .send({ kind: 'visit', occurredAt: withOffset, initiatedBy: 'school', participantIds: [teacherId] });
    expect(response.status).toBe(201);
    expect(response.body.id).toMatch(/^[0-9a-f-]{36}$/);
    const events = await t.store.readStream(partnership(partnershipId));
    expect(events[events.length - 1].data).toEqual({
      partnershipId,
      interactionId: response.body.id,
      kind: 'visit',
      occurredAt: new Date(local.getTime() - 2 * 3_600_000).toISOString(),
      initiatedBy: 'school',
      participantIds: [teacherId],
    });
  });

  it('POST /partnerships/:id/activities records an activity', async () => {
    const { partnershipId, teacherId, ownerId } = await world();
    const activityId = randomUUID();
    const startsAt = daysAgo(60);
    const endsAt = daysAgo(30);
    await expectCommand(
      () =>
        t.http.post(api(`/partnerships/${partnershipId}/activities`)).send({
          activityId,
          kind: 'internship',
          startsAt,
          endsAt,
          studentCount: 4,
          participantIds: [teacherId, ownerId],
        }),
      {
        status: 201,
        id: activityId,
        revision: 1,
        events: [
          {
            streamId: partnership(partnershipId),
            type: 'ActivityRecorded',
            data: { partnershipId, activityId, kind: 'internship', startsAt, endsAt, studentCount: 4, participantIds: [teacherId, ownerId] },
          },
        ],
      },
    );
  });

  it('POST /partnerships/:id/agreements records a signed agreement', async () => {
    const { partnershipId, teacherId, ownerId } = await world();
    const agreementId = randomUUID();
    const signedAt = daysAgo(90);
    const validUntil = new Date(Date.now() + 2 * 365 * 86_400_000).toISOString();
    await expectCommand(
      () =>
        t.http
          .post(api(`/partnerships/${partnershipId}/agreements`))
          .send({ agreementId, kind: 'cooperation_agreement', signedAt, validUntil, signatoryIds: [teacherId, ownerId] }),
      {
        status: 201,
        id: agreementId,
        revision: 1,
        events: [
          {
            streamId: partnership(partnershipId),
            type: 'AgreementSigned',
            data: { partnershipId, agreementId, kind: 'cooperation_agreement', signedAt, validUntil, signatoryIds: [teacherId, ownerId] },
          },
        ],
      },
    );
  });

  it('POST /partnerships/:id/agreements/:aid/termination records the termination and answers the partnership id', async () => {
    const { partnershipId } = await world();
    const agreementId = await created(t.http, `/partnerships/${partnershipId}/agreements`, { kind: 'mou', signedAt: daysAgo(90) });
    const at = daysAgo(1);
    await expectCommand(
      () => t.http.post(api(`/partnerships/${partnershipId}/agreements/${agreementId}/termination`)).send({ at, reason: 'replaced by a contract' }),
      {
        status: 200,
        // SPEC §4: "id is the id of what the command created …, else the aggregate's": a termination creates nothing.
        id: partnershipId,
        revision: 2,
        events: [
          { streamId: partnership(partnershipId), type: 'AgreementTerminated', data: { partnershipId, agreementId, at, reason: 'replaced by a contract' } },
        ],
      },
    );
  });

  it('POST /partnerships/:id/evaluations records an evaluation', async () => {
    const { partnershipId, teacherId, ownerId } = await world();
    const evaluationId = randomUUID();
    const heldAt = daysAgo(7);
    const nextEvaluationDue = new Date(Date.now() + 180 * 86_400_000).toISOString();
    await expectCommand(
      () =>
        t.http.post(api(`/partnerships/${partnershipId}/evaluations`)).send({
          evaluationId,
          heldAt,
          participantIds: [teacherId, ownerId],
          schoolSatisfaction: 8,
          partnerSatisfaction: 7,
          notes: 'More guest lectures next year',
          nextEvaluationDue,
        }),
      {
        status: 201,
        id: evaluationId,
        revision: 1,
        events: [
          {
            streamId: partnership(partnershipId),
            type: 'EvaluationHeld',
            data: {
              partnershipId,
              evaluationId,
              heldAt,
              participantIds: [teacherId, ownerId],
              schoolSatisfaction: 8,
              partnerSatisfaction: 7,
              notes: 'More guest lectures next year',
              nextEvaluationDue,
            },
          },
        ],
      },
    );
  });

  it('POST /partnerships/:id/commitments records a commitment', async () => {
    const { partnershipId, ownerId } = await world();
    const commitmentId = randomUUID();
    const dueAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const madeAt = daysAgo(3);
    await expectCommand(
      () =>
        t.http
          .post(api(`/partnerships/${partnershipId}/commitments`))
          .send({ commitmentId, side: 'partner', ownerId, description: 'Offer four internship places in February', dueAt, madeAt }),
      {
        status: 201,
        id: commitmentId,
        revision: 1,
        events: [
          {
            streamId: partnership(partnershipId),
            type: 'CommitmentMade',
            data: { partnershipId, commitmentId, side: 'partner', ownerId, description: 'Offer four internship places in February', dueAt, madeAt },
          },
        ],
      },
    );
  });

  describe.each([
    ['fulfilment', 'CommitmentFulfilled', {}],
    ['breach', 'CommitmentBroken', { reason: 'no places after all' }],
    ['cancellation', 'CommitmentCancelled', { reason: 'agreed to postpone' }],
  ])('POST /partnerships/:id/commitments/:cid/%s', (route, type, extra) => {
    it(`records ${type} and answers the partnership id`, async () => {
      const { partnershipId } = await world();
      const commitmentId = await created(t.http, `/partnerships/${partnershipId}/commitments`, {
        side: 'school',
        description: 'Send the internship calendar',
        dueAt: daysAgo(-10),
        madeAt: daysAgo(5),
      });
      const at = daysAgo(2);
      await expectCommand(() => t.http.post(api(`/partnerships/${partnershipId}/commitments/${commitmentId}/${route}`)).send({ at, ...extra }), {
        status: 200,
        // SPEC §4: closing a commitment creates nothing, so the answer names the aggregate.
        id: partnershipId,
        revision: 2,
        events: [{ streamId: partnership(partnershipId), type, data: { partnershipId, commitmentId, at, ...extra } }],
      });
    });
  });

  it('POST /partnerships/:id/end ends the partnership', async () => {
    const { partnershipId } = await world();
    const at = daysAgo(1);
    await expectCommand(() => t.http.post(api(`/partnerships/${partnershipId}/end`)).send({ reason: 'company moved out of the region', at }), {
      status: 200,
      id: partnershipId,
      revision: 1,
      events: [{ streamId: partnership(partnershipId), type: 'PartnershipEnded', data: { partnershipId, at, reason: 'company moved out of the region' } }],
    });
  });
});

describe('what a command carries across', () => {
  it('carries the X-Correlation-Id header into the metadata of every event it writes', async () => {
    const { partnershipId, teacherId } = await world();
    const { events } = await expectCommand(
      () =>
        t.http
          .post(api(`/partnerships/${partnershipId}/interactions`))
          .set('X-Correlation-Id', 'crm-web-7f3a2c')
          .send({ kind: 'email', initiatedBy: 'school', participantIds: [teacherId], occurredAt: daysAgo(1) }),
      { status: 201, id: expect.any(String) as unknown as string, revision: 1, events: [expect.objectContaining({ type: 'InteractionRecorded' })] },
    );
    expect(events[0].metadata.correlationId).toBe('crm-web-7f3a2c');
  });

  it('gives commands without X-Correlation-Id distinct correlation and causation ids', async () => {
    const { partnershipId } = await world();
    const first = await t.http.post(api(`/partnerships/${partnershipId}/interactions`)).send({ kind: 'email', initiatedBy: 'school' });
    const second = await t.http.post(api(`/partnerships/${partnershipId}/interactions`)).send({ kind: 'email', initiatedBy: 'partner' });
    const [a, b] = (await t.store.readStream(partnership(partnershipId))).slice(-2);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(a.metadata.correlationId).not.toBe(b.metadata.correlationId);
    expect(a.metadata.causationId).not.toBe(b.metadata.causationId);
  });

  it('assigning a new primary when there is one records the handover first, then the assignment', async () => {
    const { schoolId, partnershipId, teacherId } = await world();
    const successorId = await registerPerson(schoolId, 'Pieter Visser');
    await t.http.post(api(`/partnerships/${partnershipId}/contacts`)).send({ side: 'school', personId: teacherId, role: 'primary', at: daysAgo(300) }).expect(200);
    const at = daysAgo(2);
    await expectCommand(
      () => t.http.post(api(`/partnerships/${partnershipId}/contacts`)).send({ side: 'school', personId: successorId, role: 'primary', at }),
      {
        status: 200,
        id: partnershipId,
        revision: 3,
        events: [
          {
            streamId: partnership(partnershipId),
            type: 'ContactPersonUnassigned',
            data: { partnershipId, side: 'school', personId: teacherId, reason: 'handover', at },
          },
          {
            streamId: partnership(partnershipId),
            type: 'ContactPersonAssigned',
            data: { partnershipId, side: 'school', personId: successorId, role: 'primary', at },
          },
        ],
      },
    );
  });

  it('a departure unassigns the person from every partnership they are a contact of, in one go', async () => {
    const { schoolId, teacherId, partnershipId } = await world();
    const otherCompany = await created(t.http, '/organisations', { name: 'Gemeente Alkmaar', kind: 'government', region: 'Noord-Holland Noord' });
    const secondPartnershipId = await created(t.http, '/partnerships', {
      schoolId,
      partnerId: otherCompany,
      levels: ['havo'],
      intensity: 'aligned',
      openedAt: daysAgo(200),
    });
    await t.http.post(api(`/partnerships/${partnershipId}/contacts`)).send({ side: 'school', personId: teacherId, role: 'primary', at: daysAgo(300) }).expect(200);
    await t.http.post(api(`/partnerships/${secondPartnershipId}/contacts`)).send({ side: 'school', personId: teacherId, role: 'backup', at: daysAgo(100) }).expect(200);

    const leftAt = daysAgo(1);
    await expectCommand(() => t.http.post(api(`/people/${teacherId}/departure`)).send({ leftAt, reason: 'new job' }), {
      status: 200,
      id: teacherId,
      revision: 1,
      events: [
        { streamId: person(teacherId), type: 'PersonLeftOrganisation', data: { personId: teacherId, leftAt, reason: 'new job' } },
        {
          streamId: partnership(partnershipId),
          type: 'ContactPersonUnassigned',
          data: { partnershipId, side: 'school', personId: teacherId, reason: 'left_organisation', at: leftAt },
        },
        {
          streamId: partnership(secondPartnershipId),
          type: 'ContactPersonUnassigned',
          data: { partnershipId: secondPartnershipId, side: 'school', personId: teacherId, reason: 'left_organisation', at: leftAt },
        },
      ],
    });
    const [first, second] = [await t.store.readStream(partnership(partnershipId)), await t.store.readStream(partnership(secondPartnershipId))];
    expect(first.map((event) => event.revision)).toEqual([0, 1, 2]);
    expect(second.map((event) => event.revision)).toEqual([0, 1, 2]);
  });

  it('a departure does not touch partnerships the person was already unassigned from', async () => {
    const { partnershipId, teacherId } = await world();
    await t.http.post(api(`/partnerships/${partnershipId}/contacts`)).send({ side: 'school', personId: teacherId, role: 'primary', at: daysAgo(300) }).expect(200);
    await t.http.delete(api(`/partnerships/${partnershipId}/contacts/${teacherId}`)).query({ reason: 'other', at: daysAgo(20) }).expect(200);
    const { events } = await expectCommand(() => t.http.post(api(`/people/${teacherId}/departure`)).send({ leftAt: daysAgo(1) }), {
      status: 200,
      id: teacherId,
      revision: 1,
      events: [expect.objectContaining({ type: 'PersonLeftOrganisation', streamId: person(teacherId) })],
    });
    expect(events).toHaveLength(1);
  });
});

import request from 'supertest';

type Http = ReturnType<typeof request>;
type Side = 'school' | 'partner';

/**
 * Helpers for scenario tests that write a history through the HTTP commands (back-dated with their date fields)
 * and then read the read models at chosen `asOf` dates.
 */

/** Midnight UTC of a calendar day ('2024-06-30'): every scenario date is a whole day, so day counts are exact. */
export const day = (date: string): string => `${date}T00:00:00.000Z`;

/** Sends commands, checks each answers `{ id, revision, position }`, and remembers the highest position (read-your-writes). */
export class ScenarioApi {
  /** The global log position of the last event written by any command so far. */
  position = 0;

  constructor(private readonly http: Http) {}

  async command(method: 'post' | 'patch', path: string, body: object): Promise<string> {
    const response = await this.http[method](`/api${path}`).send(body);
    if (response.status !== 200 && response.status !== 201) {
      throw new Error(`${method.toUpperCase()} ${path} ${JSON.stringify(body)} answered ${response.status}: ${JSON.stringify(response.body)}`);
    }
    const { id, revision, position } = response.body as { id: string; revision: number; position: number };
    if (typeof id !== 'string' || typeof revision !== 'number' || typeof position !== 'number') {
      throw new Error(`${method.toUpperCase()} ${path} answered ${JSON.stringify(response.body)}, not { id, revision, position }`);
    }
    this.position = Math.max(this.position, position);
    return id;
  }

  post = (path: string, body: object): Promise<string> => this.command('post', path, body);
  patch = (path: string, body: object): Promise<string> => this.command('patch', path, body);

  /** GET with `asOf` (a calendar day), after the read models have caught up with every command sent so far. */
  async query<T = any>(path: string, asOf: string, params: Record<string, string> = {}): Promise<T> {
    const response = await this.http
      .get(`/api${path}`)
      .query({ asOf, ...params })
      .set('X-Min-Position', String(this.position));
    if (response.status !== 200) throw new Error(`GET ${path}?asOf=${asOf} answered ${response.status}: ${JSON.stringify(response.body)}`);
    return response.body as T;
  }

  organisation = (body: object): Promise<string> => this.post('/organisations', body);

  person = (organisationId: string, name: string, role: string, tier: 'strategic' | 'tactical' | 'operational'): Promise<string> =>
    this.post('/people', { organisationId, name, role, tier });

  changeRole = (personId: string, role: string, tier: 'strategic' | 'tactical' | 'operational', at: string) =>
    this.patch(`/people/${personId}`, { role, tier, at: day(at) });

  departure = (personId: string, leftAt: string, reason?: string) =>
    this.post(`/people/${personId}/departure`, { leftAt: day(leftAt), ...(reason && { reason }) });

  async partnership(body: { schoolId: string; partnerId: string; levels: string[]; intensity: string; themes?: string[]; openedAt: string }) {
    const id = await this.post('/partnerships', { ...body, openedAt: day(body.openedAt) });
    return new PartnershipScript(this, id);
  }
}

/** The commands of one partnership, dates given as calendar days. */
export class PartnershipScript {
  constructor(
    private readonly api: ScenarioApi,
    readonly id: string,
  ) {}

  private post(path: string, body: object): Promise<string> {
    return this.api.post(`/partnerships/${this.id}${path}`, body);
  }

  stage = (to: 'agreed' | 'active' | 'paused', at: string) => this.post('/stage', { to, at: day(at) });
  intensity = (to: string, at: string) => this.post('/intensity', { to, at: day(at) });
  contact = (side: Side, personId: string, role: 'primary' | 'backup', at: string) => this.post('/contacts', { side, personId, role, at: day(at) });

  interaction = (at: string, kind: string, initiatedBy: Side, participantIds: string[], summary?: string) =>
    this.post('/interactions', { kind, occurredAt: day(at), initiatedBy, participantIds, ...(summary && { summary }) });

  activity = (at: string, kind: string, participantIds: string[], extra: { endsAt?: string; studentCount?: number } = {}) =>
    this.post('/activities', {
      kind,
      startsAt: day(at),
      participantIds,
      ...(extra.endsAt && { endsAt: day(extra.endsAt) }),
      ...(extra.studentCount !== undefined && { studentCount: extra.studentCount }),
    });

  agreement = (at: string, kind: string, signatoryIds: string[], validUntil?: string) =>
    this.post('/agreements', { kind, signedAt: day(at), signatoryIds, ...(validUntil && { validUntil: day(validUntil) }) });

  evaluation = (at: string, participantIds: string[], schoolSatisfaction: number, partnerSatisfaction: number, nextEvaluationDue?: string) =>
    this.post('/evaluations', {
      heldAt: day(at),
      participantIds,
      schoolSatisfaction,
      partnerSatisfaction,
      ...(nextEvaluationDue && { nextEvaluationDue: day(nextEvaluationDue) }),
    });

  commitment = (side: Side, description: string, dueAt: string, madeAt: string) =>
    this.post('/commitments', { side, description, dueAt: day(dueAt), madeAt: day(madeAt) });
  fulfil = (commitmentId: string, at: string) => this.post(`/commitments/${commitmentId}/fulfilment`, { at: day(at) });
  breach = (commitmentId: string, at: string, reason?: string) =>
    this.post(`/commitments/${commitmentId}/breach`, { at: day(at), ...(reason && { reason }) });

  end = (at: string, reason: string) => this.post('/end', { at: day(at), reason });
}

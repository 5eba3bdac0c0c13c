import { createApiClient, type ApiClient } from '../../libs/api-client/src';
import { daysAgo } from '../support/fixtures';
import { injectFetch } from '../support/inject-fetch';
import { assertKeepsContract } from '../support/openapi-contract';
import { startTestApp, TestApp, TEST_ADMIN_SUB } from '../support/test-app';

/** The body of a successful answer; a failed one fails the test with what the API said. */
function ok<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.data === undefined) throw new Error(`${result.response.status}: ${JSON.stringify(result.error)}`);
  return result.data;
}

// The web app's way in (SPEC §4, §7): one whole scenario through the client generated from openapi.json, without a
// single cast. If a response type were `unknown` or `never`, this file would not typecheck (npm test runs tsc).
describe('a whole scenario through the generated API client', () => {
  let t: TestApp;
  let api: ApiClient;
  beforeAll(async () => {
    t = await startTestApp();
    const token = t.token('admin', { sub: TEST_ADMIN_SUB });
    api = createApiClient({ baseUrl: 'http://crm.test', fetch: injectFetch(t.app), token: () => token });
    // Every answer the client receives also keeps the document's contract.
    api.use({
      async onResponse({ request, response }) {
        const text = await response.clone().text();
        const json = response.headers.get('content-type')?.startsWith('application/json') && text ? JSON.parse(text) : undefined;
        assertKeepsContract(request.method, new URL(request.url).pathname, { status: response.status, headers: Object.fromEntries(response.headers), body: json });
      },
    });
  });
  afterAll(() => t.close());

  it('organisations, people, a partnership, contacts, interactions and an MoU; then health, continuity, key-person risk and the levels report', async () => {
    const school = ok(await api.POST('/api/organisations', { body: { name: 'Clusius College', kind: 'school', levels: ['vo'], region: 'Noord-Holland Noord' } }));
    const company = ok(await api.POST('/api/organisations', { body: { name: 'Agrifirm Noord', kind: 'company', sector: 'agri-food', size: 'medium' } }));
    const teacher = ok(await api.POST('/api/people', { body: { organisationId: school.id, name: 'Fatima el Amrani', role: 'stagecoördinator', tier: 'operational' } }));
    const owner = ok(await api.POST('/api/people', { body: { organisationId: company.id, name: 'Jan de Vries', role: 'eigenaar', tier: 'strategic' } }));
    const opened = ok(
      await api.POST('/api/partnerships', {
        body: { schoolId: school.id, partnerId: company.id, levels: ['vmbo'], intensity: 'exchange', themes: ['groen'], openedAt: daysAgo(200) },
      }),
    );
    const id = opened.id;
    const path = { id };
    ok(await api.POST('/api/partnerships/{id}/contacts', { params: { path }, body: { side: 'school', personId: teacher.id, role: 'primary', at: daysAgo(199) } }));
    ok(await api.POST('/api/partnerships/{id}/contacts', { params: { path }, body: { side: 'partner', personId: owner.id, role: 'primary', at: daysAgo(199) } }));
    let position = opened.position;
    for (const [days, initiatedBy] of [[150, 'school'], [90, 'partner'], [30, 'partner'], [10, 'school']] as const) {
      ({ position } = ok(
        await api.POST('/api/partnerships/{id}/interactions', {
          params: { path },
          body: { kind: 'meeting', occurredAt: daysAgo(days), initiatedBy, participantIds: [teacher.id, owner.id], summary: 'stageplekken' },
        }),
      ));
    }
    // The revision the partnership query answers (read after the last write) is the If-Match of the next command.
    const summary = await api.GET('/api/partnerships/{id}', { params: { path, header: { 'X-Min-Position': String(position) } } });
    const mou = ok(
      await api.POST('/api/partnerships/{id}/agreements', {
        params: { path, header: { 'If-Match': summary.response.headers.get('etag') ?? '' } },
        body: { kind: 'mou', signedAt: daysAgo(20), validUntil: daysAgo(-700), signatoryIds: [teacher.id, owner.id] },
      }),
    );
    expect(mou.revision).toBe(ok(summary).revision! + 1);
    const header = { 'X-Min-Position': String(mou.position) };

    const health = ok(await api.GET('/api/partnerships/{id}/health', { params: { path, header } }));
    expect(health.status).toBe('healthy');
    expect(health.components.find((component) => component.name === 'formalisation')?.score).toBe(100);

    const continuity = ok(await api.GET('/api/partnerships/{id}/continuity', { params: { path, header } }));
    expect(continuity.school.primary?.name).toBe('Fatima el Amrani');
    expect(continuity.partner.orphaned).toBe(false);

    const risk = ok(await api.GET('/api/partnerships/{id}/key-person-risk', { params: { path, header } }));
    expect(risk.school.risk).toBe('high');
    expect(risk.school.topPerson?.personId).toBe(teacher.id);

    const levels = ok(await api.GET('/api/reports/levels', { params: { header, query: { school: school.id } } }));
    const vmbo = levels.levels.find((row) => row.level === 'vmbo');
    expect(vmbo?.partnerships).toBe(1);
    expect(vmbo?.formalAgreementShare).toBe(null);
    expect(vmbo?.byStage.exploring).toBe(1);

    const refused = await api.POST('/api/partnerships/{id}/interactions', { params: { path }, body: { kind: 'call', initiatedBy: 'school', occurredAt: daysAgo(400) } });
    expect(refused.error?.code).toBe('date_before_opening');
    expect(refused.response.status).toBe(422);
  });
});

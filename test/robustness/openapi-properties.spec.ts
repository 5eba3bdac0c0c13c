import fc from 'fast-check';
import { region } from '../support/fixtures';
import { arbitraryOf, validOrInvalid } from '../support/openapi-arbitraries';
import { openApi } from '../support/openapi-contract';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Property, driven by openapi.json alone (as an integrator's fuzzer would be): for every operation, requests built
 * from its documented parameters and body schema — valid ones, and ones with an unknown field, a field of the wrong
 * type, a body that is no object, an unknown query parameter, an id that does not exist or is no UUID — sent with an
 * admin and a reporting token, never answer 5xx; and every answer has a status documented for that operation and a
 * body that matches its schema (the test agents check each answer against the document: test-app.ts).
 *
 * Bounded: ROBUSTNESS_RUNS / 8 requests per operation (default 25).
 */
const RUNS = Math.max(5, Math.round(Number(process.env.ROBUSTNESS_RUNS ?? 200) / 8));
jest.setTimeout(300_000);

type Json = Record<string, any>;
const METHODS = ['get', 'post', 'patch', 'delete', 'put'] as const;
const operations = Object.entries<Json>(openApi.paths).flatMap(([template, item]) =>
  METHODS.filter((method) => item[method]).map((method) => ({ template, method, operation: item[method] as Json })),
);

let t: TestApp;
let known: string[];
beforeAll(async () => {
  t = await startTestApp({ rateLimitPerMinute: 1_000_000 });
  known = Object.values(await region(t.http));
});
afterAll(() => t.close());

const pathId = () => fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...known) }, { weight: 2, arbitrary: fc.uuid() }, { weight: 1, arbitrary: fc.constantFrom('not-a-uuid', '12345') });

function queryOf(operation: Json): fc.Arbitrary<Record<string, unknown>> {
  // Cursors are opaque (only a page gives one out): left out, as a client reading the document would.
  const parameters: Json[] = (operation.parameters ?? []).filter((parameter: Json) => parameter.in === 'query' && parameter.name !== 'cursor');
  const documented = fc.record(Object.fromEntries(parameters.map((parameter) => [parameter.name, arbitraryOf(parameter.schema ?? {}, known)])), { requiredKeys: [] });
  return fc.oneof(
    { weight: 10, arbitrary: documented },
    { weight: 1, arbitrary: documented.map((query) => ({ ...query, asof: '2025-01-01' })) },
    { weight: 1, arbitrary: documented.map((query) => ({ ...query, format: 'xml' })) },
  );
}

describe('every operation of openapi.json, driven by the document', () => {
  it.each(operations.map((entry) => [`${entry.method.toUpperCase()} ${entry.template}`, entry] as const))('%s: no 5xx, only documented statuses and bodies', async (_name, { template, method, operation }) => {
    const names = [...template.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
    const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
    const request = fc.record({
      path: fc.tuple(...names.map(() => pathId())),
      query: queryOf(operation),
      body: bodySchema ? validOrInvalid(bodySchema, known) : fc.constant(undefined),
      // Commands mostly as admin: a reporting token may only read (403), which says little about a command.
      reporting: method === 'get' ? fc.boolean() : fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
      ifMatch:
        method === 'get'
          ? fc.constant(undefined)
          : fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.integer({ min: -1, max: 12 }).map(String) }),
    });
    await fc.assert(
      fc.asyncProperty(request, async ({ path, query, body, reporting, ifMatch }) => {
        let url = template;
        names.forEach((name, index) => (url = url.replace(`{${name}}`, encodeURIComponent(path[index]))));
        const search = new URLSearchParams(Object.entries(query).map(([name, value]): [string, string] => [name, String(value)])).toString();
        const agent = reporting ? t.as('reporting') : t.http;
        let call = agent[method](search ? `${url}?${search}` : url);
        if (ifMatch !== undefined) call = call.set('If-Match', ifMatch);
        const answer = body === undefined ? await call : await call.set('Content-Type', 'application/json').send(JSON.stringify(body.value ?? null));
        expect(answer.status).toBeLessThan(500);
      }),
      { numRuns: RUNS },
    );
  });
});

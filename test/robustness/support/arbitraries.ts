import fc from 'fast-check';

// A failing run prints its seed; FC_SEED=<seed> replays it.
if (process.env.FC_SEED) fc.configureGlobal({ seed: Number(process.env.FC_SEED) });

/**
 * Values a client could send where the API expects something else: every JSON type, strings that are too long,
 * empty, not Unicode, operator-shaped or injection-shaped, numbers out of any range, malformed dates.
 */

const DAY_MS = 86_400_000;
export const daysFromNow = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();

/** Strings that mean something to a database, a shell, a spreadsheet or a browser. */
export const NASTY_STRINGS = [
  '',
  ' ',
  '   padded   ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udc00x',
  '\u202e\u0646\u0627\u0645',
  '🙂'.repeat(60),
  'Zoë Ñúñez-Ødegård',
  '$where',
  '$ne',
  '{"$gt":""}',
  'this.constructor.constructor("return process")().exit()',
  "'; DROP TABLE events; --",
  '../../../../etc/passwd',
  '<script>alert(1)</script>',
  '=HYPERLINK("http://x")',
  '.*',
  '(a+)+$',
  '[',
  '\\',
  '%00',
  'null',
  'undefined',
  'NaN',
  '__proto__',
  'constructor',
];

const HUGE_LENGTHS = [201, 501, 1001, 4001, 65_536, 300_000];

export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...HUGE_LENGTHS), fc.constantFrom('x', 'é', '🙂', ' ')).map(([n, c]) => c.repeat(n)) },
);

export const nastyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer(),
  fc.integer({ min: -20, max: 20 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, -1, 0.5, 1.5, 10.0001, 11, 100_001, 1e21, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 5e-324),
);

/** Dates the API must read (or refuse) without falling over: far past and future, malformed, other ISO forms. */
export const nastyDate: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: -800, max: 800 }).map(daysFromNow),
  fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom(
    '2026-W10-4',
    '2026-071',
    '20260312',
    '2026-02-30',
    '2026-13-01',
    '2026-12-31T24:00',
    '2026-03-12T10:00:00,5Z',
    '2026-03-12T10Z',
    '2026-03-12 10:00',
    '2026-03-12T10:00:00+14:00',
    '2026-03-12T10:00:00-12:00',
    '+275760-09-13T00:00:00.000Z',
    '-271821-04-20T00:00:00.000Z',
    '+010000-01-01T00:00:00.000Z',
    '0000-01-01',
    '0001-01-01T00:00:00.000Z',
    '1970-01-01T00:00:00.000Z',
    '9999-12-31T23:59:59.999Z',
    'yesterday',
    'next tuesday',
    '2026',
    '2026-03',
  ),
  nastyString,
);

/** Any JSON value, shallow or nested, for a field that expects something else. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: nastyString },
  { weight: 2, arbitrary: nastyNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constant([]) },
  { weight: 1, arbitrary: fc.constant({}) },
  { weight: 1, arbitrary: fc.array(nastyString, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom({ $ne: null }, { $gt: '' }, { $where: 'sleep(1000)' }, { $regex: '.*' }, ['$where'], { toString: 'x' }) },
  // nested deeper than any body may be: refused as too deep, never a crash (was a 500 before the depth check)
  { weight: 1, arbitrary: fc.integer({ min: 17, max: 50_000 }).map((depth) => new Deep(depth)) },
);

/** `depth` nested arrays, written out only by `toJson` (so neither fast-check nor JSON.stringify has to recurse into it). */
export class Deep {
  constructor(readonly depth: number) {}
}

/** JSON text of a generated value, with each Deep written out in full. */
export function toJson(value: unknown): string {
  const deep: Deep[] = [];
  const text = JSON.stringify(value, (_key, inner: unknown) => (inner instanceof Deep ? `\u0000deep${deep.push(inner) - 1}\u0000` : inner));
  if (text === undefined) return 'null';
  return text.replace(/"\\u0000deep(\d+)\\u0000"/g, (_match, index: string) => {
    const { depth } = deep[Number(index)];
    return `${'['.repeat(depth)}${']'.repeat(depth)}`;
  });
}

/** A good value most of the time, anything else now and then. */
export const mostly = <T>(good: fc.Arbitrary<T>, badWeight = 1): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 12, arbitrary: good as fc.Arbitrary<unknown> }, { weight: badWeight, arbitrary: anyJson });

/** An id field: one of the world's ids, an unknown UUID (any case), or garbage. */
export const idFrom = (ids: readonly string[]): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...ids) },
    { weight: 1, arbitrary: fc.constantFrom(...ids).map((id) => id.toUpperCase()) },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: anyJson },
  );

export const idListFrom = (ids: readonly string[]): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.subarray([...ids], { maxLength: Math.min(4, ids.length) }) },
    { weight: 1, arbitrary: fc.array(idFrom(ids), { maxLength: 5 }) },
    { weight: 1, arbitrary: fc.array(fc.uuid(), { minLength: 150, maxLength: 260 }) },
    { weight: 1, arbitrary: anyJson },
  );

/** A path segment for an id: mostly the real one, else an unknown UUID, a non-UUID, or a segment too long to route. */
export const pathIdFrom = (id: string): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 16, arbitrary: fc.constant(id) },
    { weight: 1, arbitrary: fc.constant(id.toUpperCase()) },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: nastyString.filter((s) => s.length > 0 && s.length < 2000 && !/[\uD800-\uDFFF]/.test(s)).map(encodeURIComponent) },
    { weight: 1, arbitrary: fc.constantFrom('%E0%A4%A', '%', '%zz', '%C0%AF') },
    { weight: 1, arbitrary: fc.constantFrom('0', '-1', 'null', '%24where', 'a'.repeat(101), '..', '%2e%2e') },
  );

type Mutation = { kind: 'drop'; field: string } | { kind: 'set'; field: string; value: unknown } | { kind: 'extra'; field: string; value: unknown };

const EXTRA_KEYS = ['$where', '$expr', '$function', '$set', 'colour', 'id', 'position', 'recordedBy', 'schemaVersion', 'a.b', 'toString', 'hasOwnProperty', ''];

const mutation = (fields: readonly string[]): fc.Arbitrary<Mutation> =>
  fc.oneof(
    fc.record({ kind: fc.constant('drop' as const), field: fc.constantFrom(...fields) }),
    fc.record({ kind: fc.constant('set' as const), field: fc.constantFrom(...fields), value: anyJson }),
    fc.record({ kind: fc.constant('extra' as const), field: fc.oneof(fc.constantFrom(...EXTRA_KEYS), fc.string({ maxLength: 12 })), value: anyJson }),
  );

function applyMutation(body: Record<string, unknown>, m: Mutation): Record<string, unknown> {
  const next = { ...body };
  if (m.kind === 'drop') delete next[m.field];
  // defineProperty: an own property even for names like `toString` (never the prototype)
  else Object.defineProperty(next, m.field, { value: m.value, enumerable: true, writable: true, configurable: true });
  return next;
}

/**
 * A command body: built from per-field arbitraries (each mostly valid), then up to three mutations (a field dropped,
 * set to another type or value, an unknown field added); now and then not an object at all.
 */
export function commandBody(model: Record<string, fc.Arbitrary<unknown>>, required: readonly string[] = []): fc.Arbitrary<unknown> {
  const fields = Object.keys(model);
  const base = fc.record(model, { requiredKeys: required as string[] }) as fc.Arbitrary<Record<string, unknown>>;
  const mutated = fc
    .tuple(base, fc.array(mutation(fields.length > 0 ? fields : ['at']), { maxLength: 3 }))
    .map(([body, mutations]) => mutations.reduce(applyMutation, body));
  return fc.oneof(
    { weight: 6, arbitrary: base },
    { weight: 6, arbitrary: mutated },
    { weight: 1, arbitrary: anyJson },
  );
}

/** Raw request bodies: not JSON, cut off, prototype poisoning, empty, huge. */
export const rawBody: fc.Arbitrary<{ payload: string; contentType: string }> = fc.oneof(
  fc.record({
    payload: fc.oneof(
      fc.constantFrom(
        '',
        '{',
        '{"name":',
        '{"name":"x",}',
        "{'name':'x'}",
        '{"__proto__":{"admin":true},"name":"x","kind":"company"}',
        '{"constructor":{"prototype":{"admin":true}},"name":"x","kind":"company"}',
        '{"name":"x","name":"y","kind":"company"}',
        'null',
        '[]',
        '"text"',
        '1e999',
        '\ufeff{"name":"x","kind":"company"}',
        `{"summary":"${'x'.repeat(1024 * 1024 + 10)}"}`,
      ),
      fc.string({ maxLength: 200 }),
      fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
      fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value).slice(0, -1)),
    ),
    contentType: fc.constantFrom('application/json', 'application/json; charset=utf-8', 'application/JSON', 'application/json; charset=latin1'),
  }),
  fc.record({
    payload: fc.constantFrom('name=x&kind=company', '<organisation/>', '{"name":"x","kind":"company"}'),
    contentType: fc.constantFrom('application/x-www-form-urlencoded', 'application/xml', 'text/plain', 'multipart/form-data; boundary=x', 'application/octet-stream', ''),
  }),
);

/** Header values a client could send (printable ASCII; anything else no HTTP client would put on the wire). */
export const headerValue = (good: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.oneof({ weight: 4, arbitrary: good }, { weight: 1, arbitrary: fc.stringMatching(/^[\x20-\x7e]{0,300}$/) });

/** Optional command headers: If-Match, Idempotency-Key, X-Correlation-Id. */
/** Present now and then (about one request in seven). */
export const sometimes = <T>(value: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: value });

export const commandHeaders: fc.Arbitrary<Record<string, string>> = fc
  .record({
    'if-match': sometimes(headerValue(fc.oneof(fc.integer({ min: -2, max: 40 }).map(String), fc.constantFrom('*', 'W/"3"', '"0"', '3.5', '1e3')))),
    'idempotency-key': sometimes(headerValue(fc.constantFrom('k1', 'k2', 'retry-1'))),
    'x-correlation-id': sometimes(headerValue(fc.uuid())),
  })
  .map((headers) => Object.fromEntries(Object.entries(headers).filter(([, value]) => value !== undefined)) as Record<string, string>);

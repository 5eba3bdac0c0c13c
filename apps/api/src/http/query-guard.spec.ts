import { assertPlainFilter, checkBodyDepth, checkQueryParameters, MAX_BODY_DEPTH } from './query-guard';

const code = (fn: () => void): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (error) {
    return ((error as { getResponse?: () => { code?: string } }).getResponse?.() ?? {}).code ?? 'not an HttpException';
  }
};

describe('assertPlainFilter: only the operators the query services use reach the read store', () => {
  it.each([
    [{}],
    [{ kind: 'school', levels: { $in: ['vmbo', 'havo', 'vwo'] } }],
    [{ schoolId: '3f2b8c1e-5d6a-4e7b-9c0d-1a2b3c4d5e6f' }],
    [{ name: { $regex: 'college', $options: 'i' } }],
    [{ $or: [{ schoolId: 'a' }, { partnerId: 'a' }] }],
    [{ $or: [{ name: { $regex: 'x', $options: 'i' } }, { role: { $regex: 'x', $options: 'i' } }] }],
    [{ 'contacts.personId': 'a', left: null, count: 3, active: true }],
    [{ recordedAt: { $gte: '2026-01-01T00:00:00.000Z', $lte: '2026-01-31T22:59:59.999Z' }, position: { $lt: 40 } }],
  ])('accepts %j', (filter) => expect(code(() => assertPlainFilter(filter))).toBeUndefined());

  it.each([
    [{ $where: 'sleep(1000)' }],
    [{ $expr: { $gt: ['$a', 1] } }],
    [{ $function: { body: 'return true', args: [], lang: 'js' } }],
    [{ name: { $where: 'this.name' } }],
    [{ name: { $ne: null } }],
    [{ name: { $gt: { $ne: 1 } } }],
    [{ position: { $lt: [1] } }],
    [{ position: { $lte: Number.NaN } }],
    [{ name: { $regex: { $ne: 1 } } }],
    [{ name: { $regex: 'a', $options: 'six' } }],
    [{ levels: { $in: [{ $gt: '' }] } }],
    [{ levels: { $in: 'mbo' } }],
    [{ $or: [{ $where: '1' }] }],
    [{ $or: [] }],
    [{ $and: [{ kind: 'school' }] }],
    [{ '$comment': 'x' }],
    [{ 'a.$b': 1 }],
    [{ name: ['a'] }],
    [{ name: { toString: 'x' } }],
    [{ score: Number.NaN }],
    [[{ kind: 'school' }]],
    [null],
    ['kind=school'],
  ])('refuses %j with 400 invalid_query', (filter) => expect(code(() => assertPlainFilter(filter))).toBe('invalid_query'));
});

describe('checkQueryParameters', () => {
  it('accepts the documented kind of names with text values (repeated ones as lists)', () => {
    expect(code(() => checkQueryParameters({ asOf: '2026-01-01', level: ['mbo', 'havo'], personId: 'x', 'x-y_z': '' }))).toBeUndefined();
    expect(code(() => checkQueryParameters(undefined))).toBeUndefined();
  });

  it.each([['status[$ne]'], ['$where'], ['a.b'], ['level[]'], ['__proto__'], ['constructor'], ['prototype'], [''], ['1abc'], ['x'.repeat(65)]])(
    'refuses the name %j',
    (name) => expect(code(() => checkQueryParameters({ [name]: 'x' }))).toBe('invalid_query_parameter'),
  );

  it('refuses values that are not text, as a bracket-parsing query-string parser would make them', () => {
    expect(code(() => checkQueryParameters({ status: { $ne: 'healthy' } }))).toBe('invalid_query_parameter');
    expect(code(() => checkQueryParameters({ level: ['mbo', { $gt: '' }] }))).toBe('invalid_query_parameter');
    expect(code(() => checkQueryParameters({ limit: 5 }))).toBe('invalid_query_parameter');
  });
});

describe('checkBodyDepth', () => {
  const nested = (depth: number): unknown => {
    let value: unknown = 'leaf';
    for (let i = 0; i < depth; i++) value = [value];
    return value;
  };

  it(`accepts bodies up to ${MAX_BODY_DEPTH} levels and anything that is not an object`, () => {
    expect(code(() => checkBodyDepth({ a: nested(MAX_BODY_DEPTH - 1) }))).toBeUndefined();
    for (const body of [undefined, null, 'text', 42, true]) expect(code(() => checkBodyDepth(body))).toBeUndefined();
  });

  it('refuses deeper bodies without recursing (a million levels)', () => {
    expect(code(() => checkBodyDepth({ a: nested(MAX_BODY_DEPTH) }))).toBe('body_too_deep');
    expect(code(() => checkBodyDepth(nested(1_000_000)))).toBe('body_too_deep');
  });
});

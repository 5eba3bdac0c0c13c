import { ABANDONED_EVENT_TYPE, AppendIntent, INTENT_EVENT_TYPE, IntendedWrite, keyState, landedAt, OUTCOME_EVENT_TYPE } from './append-intents';

const intent: AppendIntent = { fingerprint: 'fp', resultId: 'r-1', writes: [] };
const write = (after: number, ids: string[]): IntendedWrite => ({
  streamId: 'person-1',
  after,
  events: ids.map((id) => ({ id, type: 'Noted', data: {}, metadata: {} })),
});

describe("an append's write-ahead intent", () => {
  it('reads the state of a key from the last event of its stream', () => {
    expect(keyState([])).toEqual({ kind: 'free', after: -1 });
    expect(keyState([{ type: INTENT_EVENT_TYPE, revision: 0, data: { ...intent } }])).toEqual({ kind: 'intended', intent, revision: 0 });
    expect(
      keyState([
        { type: INTENT_EVENT_TYPE, revision: 0, data: { ...intent } },
        { type: OUTCOME_EVENT_TYPE, revision: 1, data: { fingerprint: 'fp', resultId: 'r-1', revision: 3, position: 99 } },
      ]),
    ).toEqual({ kind: 'stored', outcome: { fingerprint: 'fp', resultId: 'r-1', revision: 3, position: 99 } });
    // An abandoned intent frees the key: the next one is written after the abandonment.
    expect(
      keyState([
        { type: INTENT_EVENT_TYPE, revision: 0, data: { ...intent } },
        { type: ABANDONED_EVENT_TYPE, revision: 1, data: {} },
      ]),
    ).toEqual({ kind: 'free', after: 1 });
  });

  it('finds a write right after its revision, and only with `anywhere` further on', () => {
    expect(landedAt(write(4, ['a', 'b']), ['a', 'b'], false)).toBe(6);
    expect(landedAt(write(-1, ['a']), ['a'], false)).toBe(0);
    expect(landedAt(write(4, ['a', 'b']), ['x', 'a', 'b'], false)).toBeUndefined();
    expect(landedAt(write(4, ['a', 'b']), ['x', 'a', 'b'], true)).toBe(7);
    expect(landedAt(write(4, ['a']), [], true)).toBeUndefined();
    expect(landedAt(write(4, []), [], false)).toBe(4);
  });
});

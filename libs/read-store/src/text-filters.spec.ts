import { containing, equalIgnoringCase, escapeRegex } from './text-filters';

describe('text filters', () => {
  it('match the user’s characters literally, whatever regex syntax they contain', () => {
    const words = 'a.b*(c)[d]$';
    expect(new RegExp(escapeRegex(words)).test(`x${words}y`)).toBe(true);
    expect(new RegExp(escapeRegex(words)).test('aXb')).toBe(false);
  });

  it('contain case-insensitively, or equal case-insensitively, ignoring surrounding spaces', () => {
    expect(containing('  noord ')).toEqual({ $regex: 'noord', $options: 'i' });
    expect(equalIgnoringCase(' Noord-Holland ')).toEqual({ $regex: '^Noord-Holland$', $options: 'i' });
  });
});

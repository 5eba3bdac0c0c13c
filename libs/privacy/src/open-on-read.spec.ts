import { defineOnRead } from './open-on-read';

describe('defineOnRead', () => {
  it('computes a field once, on its first read, and then holds it as a plain value', () => {
    let computed = 0;
    const data: Record<string, unknown> = { id: 'a' };
    defineOnRead(data, 'name', () => `name ${++computed}`);
    expect(computed).toBe(0);
    expect(Object.keys(data)).toEqual(['id', 'name']);

    expect(data.name).toBe('name 1');
    expect(data.name).toBe('name 1');
    expect(computed).toBe(1);
    expect(Object.getOwnPropertyDescriptor(data, 'name')).toMatchObject({ value: 'name 1', writable: true, enumerable: true });
  });

  it('is read by spreads, JSON and clones like any field, and leaves nothing else behind', () => {
    const data: Record<string, unknown> = { id: 'a' };
    defineOnRead(data, 'name', () => 'Fatima');
    defineOnRead(data, 'notes', () => ({ text: 'x' }));
    expect({ ...data }).toEqual({ id: 'a', name: 'Fatima', notes: { text: 'x' } });
    expect(JSON.parse(JSON.stringify(data))).toEqual({ id: 'a', name: 'Fatima', notes: { text: 'x' } });
    expect(structuredClone(data)).toEqual({ id: 'a', name: 'Fatima', notes: { text: 'x' } });
    expect(Reflect.ownKeys({ ...data })).toEqual(['id', 'name', 'notes']);
  });

  it('takes an assignment without computing, and throws what the computation throws where the field is read', () => {
    const compute = jest.fn(() => {
      throw new Error('does not open');
    });
    const data: Record<string, unknown> = {};
    defineOnRead(data, 'name', compute);
    defineOnRead(data, 'other', compute);
    data.name = 'replaced';
    expect(data.name).toBe('replaced');
    expect(() => data.other).toThrow('does not open');
    expect(compute).toHaveBeenCalledTimes(1);
  });
});

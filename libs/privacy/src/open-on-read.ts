/** Where an object keeps the computations of its fields not read yet (not enumerable: spreads, JSON and clones skip it). */
const PENDING = Symbol('computed on first read');

type Holder = Record<string, unknown> & { [PENDING]?: Record<string, (() => unknown) | undefined> };

/**
 * One getter and setter per field name, shared by every object: V8 then gives objects with the same fields one
 * hidden class. (Closures per object would give each its own, held outside the young generation, which made
 * every such object survive garbage collections and cost more than the decryption it saves.)
 */
const accessors = new Map<string, PropertyDescriptor>();

function accessorOf(field: string): PropertyDescriptor {
  let accessor = accessors.get(field);
  if (!accessor) {
    accessor = {
      enumerable: true,
      configurable: true,
      get(this: Holder) {
        const value = this[PENDING]![field]!();
        settle(this, field, value);
        return value;
      },
      set(this: Holder, value: unknown) {
        settle(this, field, value);
      },
    };
    accessors.set(field, accessor);
  }
  return accessor;
}

function settle(holder: Holder, field: string, value: unknown): void {
  holder[PENDING]![field] = undefined;
  Object.defineProperty(holder, field, { value, enumerable: true, configurable: true, writable: true });
}

/**
 * Makes `data[field]` a value computed when it is first read, then kept as an ordinary property. Reads through
 * spreads, JSON.stringify, structuredClone and Object.entries compute it like any other read; an assignment
 * replaces it without computing. Whatever `compute` throws is thrown where the field is read.
 */
export function defineOnRead(data: Record<string, unknown>, field: string, compute: () => unknown): void {
  const holder = data as Holder;
  if (!holder[PENDING]) Object.defineProperty(holder, PENDING, { value: {} });
  holder[PENDING]![field] = compute;
  Object.defineProperty(holder, field, accessorOf(field));
}

/**
 * The in-memory form of a stored document: exactly what JSON.parse of its stored text gives (what a restart loads),
 * deep-frozen, since the store shares it with every reader.
 */

/** Deep-freezes a value in place; parts already frozen are left alone (they are stored documents' parts). */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    // Loops rather than Object.values: a large batch freezes millions of objects, and an array per object adds up.
    if (Array.isArray(value)) for (let i = 0; i < value.length; i++) deepFreeze(value[i]);
    else for (const key in value) deepFreeze(value[key]);
  }
  return value;
}

/**
 * Turns a document a caller has handed over into its stored form in place, without a copy: drops fields that are
 * undefined (JSON leaves them out) and freezes it. Returns false, leaving the document itself unfrozen, when JSON would
 * change more than that (undefined in an array, a number that is not finite, a Date or other class instance, a
 * function): such a document is copied through JSON instead (its undefined fields may be gone already, which JSON
 * does too, and parts of it checked before may be frozen). One walk: a rebuild hands over a region's documents at
 * once, millions of objects, and a walk to check them and another to freeze them cost a second each.
 */
export function freezeAsStored(document: Record<string, unknown>): boolean {
  return settle(document);
}

/** Drops undefined fields throughout and freezes each object once its contents are settled; false as above. */
function settle(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object': {
      if (value === null || Object.isFrozen(value)) return true;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) if (value[i] === undefined || !settle(value[i])) return false;
      } else {
        const prototype = Object.getPrototypeOf(value) as unknown;
        if (prototype !== Object.prototype && prototype !== null) return false;
        const record = value as Record<string, unknown>;
        for (const key in record) {
          if (record[key] === undefined) delete record[key];
          else if (!settle(record[key])) return false;
        }
      }
      Object.freeze(value);
      return true;
    }
    default:
      return false;
  }
}

const made = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

/** The Intl formatter known by `key`, made on first use and kept: making one costs far more than using it. */
export function intlFormatter<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let formatter = made.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    made.set(key, formatter);
  }
  return formatter;
}

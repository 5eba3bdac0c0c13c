/**
 * An immutable set of ids that only grows, as a stream's state keeps them (say the records of a partnership, so that
 * no client-chosen id is used twice). `with` answers a new set and leaves this one as it was, in O(1): the versions of
 * one stream share a map of each id to the order it was added in, and a version sees the ids added before its own
 * size. A copy per record (`{ ...ids, [id]: true }`) made folding a stream of n records cost O(n²).
 *
 * Adding to a version that is not the newest (a state kept while a later one was made from it, as when a command is
 * decided again after a conflict) first copies what that version sees, so each version keeps its own answer.
 */
export class IdSet {
  private constructor(
    private readonly order: Map<string, number>,
    readonly size: number,
  ) {}

  /** A new empty set; not shared, since the first set made from it owns its map. */
  static empty(): IdSet {
    return new IdSet(new Map(), 0);
  }

  has(id: string): boolean {
    const at = this.order.get(id);
    return at !== undefined && at < this.size;
  }

  with(id: string): IdSet {
    if (this.has(id)) return this;
    let order = this.order;
    if (order.size !== this.size) {
      order = new Map();
      for (const [each, at] of this.order) if (at < this.size) order.set(each, at);
    }
    order.set(id, this.size);
    return new IdSet(order, this.size + 1);
  }

  /** The ids, in the order they were added. */
  *[Symbol.iterator](): IterableIterator<string> {
    for (const [id, at] of this.order) if (at < this.size) yield id;
  }
}

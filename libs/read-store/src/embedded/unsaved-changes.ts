/** What a persist round writes: documents by collection and id (as they are in memory then), and checkpoints. */
export interface UnsavedRound {
  documents: { collection: string; id: string }[];
  checkpoints: Map<string, number>;
}

/**
 * What the embedded store has committed to memory and not yet written to its file: the ids of documents changed or
 * removed, and the checkpoints moved. Only ids are kept; a round writes each document as memory holds it then.
 */
export class UnsavedChanges {
  private documents = new Map<string, Set<string>>();
  private checkpoints = new Map<string, number>();

  get isEmpty(): boolean {
    return this.documents.size === 0 && this.checkpoints.size === 0;
  }

  document(collection: string, id: string): void {
    let ids = this.documents.get(collection);
    if (!ids) this.documents.set(collection, (ids = new Set()));
    ids.add(id);
  }

  checkpoint(projection: string, position: number): void {
    this.checkpoints.set(projection, position);
  }

  /** A dropped collection or checkpoint has nothing left to write (the drop itself was written). */
  forget(collections: readonly string[], checkpoints: readonly string[]): void {
    for (const collection of collections) this.documents.delete(collection);
    for (const projection of checkpoints) this.checkpoints.delete(projection);
  }

  /** Everything noted so far, for a round; nothing is noted after. */
  take(): UnsavedRound {
    const documents: UnsavedRound['documents'] = [];
    for (const [collection, ids] of this.documents) for (const id of ids) documents.push({ collection, id });
    const round = { documents, checkpoints: this.checkpoints };
    this.documents = new Map();
    this.checkpoints = new Map();
    return round;
  }

  /** What a round could not write, noted again; a checkpoint moved since the round began keeps its newer position. */
  putBack(documents: UnsavedRound['documents'], checkpoints: Map<string, number>): void {
    for (const { collection, id } of documents) this.document(collection, id);
    for (const [projection, position] of checkpoints) if (!this.checkpoints.has(projection)) this.checkpoints.set(projection, position);
  }
}

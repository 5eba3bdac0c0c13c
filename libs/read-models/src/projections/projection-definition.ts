import { RecordedEvent } from '@crm/event-store';
import { Filter, IndexSpec, StoredDocument } from '@crm/read-store';

/**
 * One read model: which document an event touches, and how it changes it. `apply` may change the draft it
 * is given in place (and returns it): the runner hands it a private working copy, which keeps a rebuild of a
 * million events linear instead of copying growing arrays on every event.
 */
export interface ProjectionDefinition<D extends StoredDocument = StoredDocument> {
  /** Also the name of its checkpoint. */
  name: string;
  collection: string;
  /** Bumped when the document shape changes; a new version is built from position 0 beside the old one. */
  version: number;
  documentId(event: RecordedEvent): string | undefined;
  /**
   * Further documents an event changes, found by a query on the collection: for an event about one thing that
   * changes others (a PersonErased that must redact the partnerships holding that person's text). Meant for rare
   * events: the runner queries the store and tests the filter on every document it has not committed yet.
   */
  relatedDocuments?(event: RecordedEvent): Filter | undefined;
  /**
   * A quick test of a draft (an applied, uncommitted document) for an event with relatedDocuments: false only when
   * the draft cannot match that filter. A rebuild holds every document as a draft and an erasure tests them all;
   * without this each is walked by the filter's own test.
   */
  mayBeRelated?(draft: D, event: RecordedEvent): boolean;
  /**
   * Each event makes a document of its own, which no later event changes (the audit trail): the runner does not look
   * for a stored version of it before applying the event.
   */
  oneDocumentPerEvent?: boolean;
  /**
   * Read now and then, and large (the audit trail: an entry per event): the embedded store keeps its documents on
   * disk and answers queries on them from there, rather than parsing and holding them from start-up on.
   */
  keptOnDisk?: boolean;
  /** The indexes the queries on this collection need; created for every generation. */
  indexes?: IndexSpec[string];
  /**
   * A working copy of a committed document (frozen, and shared with readers) for its first change after a commit; a
   * deep copy (structuredClone) when absent. Facts that never change once added may be shared with the stored
   * document rather than copied: the copy is made for nearly every live event, so a deep one costs what the
   * document's whole history weighs.
   */
  copyForChange?(stored: D): D;
  /** The new document, or undefined to delete it. `draft` is undefined for the first event of a document. */
  apply(draft: D | undefined, event: RecordedEvent): D | undefined;
}

import { ProjectionStatus } from './projection-engine';

/**
 * What the query side needs from the projections: where each one's live documents are, and how far they are.
 * Embedded, the ProjectionEngine in the same process is the view; in production the projector is another
 * process and RemoteProjections reads the same facts from the read store.
 */
export interface ProjectionsView {
  start(): Promise<void>;
  stop(): Promise<void>;
  collection(name: string): string;
  readonly position: number;
  waitFor(position: number, timeoutMs: number): Promise<boolean>;
  status(): ProjectionStatus[];
  readonly isRebuilding: boolean;
  /** Asks for a rebuild from position 0; resolves when it is live (embedded) or when the request is recorded (remote). */
  rebuild(): Promise<void>;
}

/** Meta key a remote API sets to ask the projector for a rebuild; the projector empties it when the rebuild is live. */
export const REBUILD_REQUEST_KEY = 'projection:rebuild-requested';

/** Nest injection token for the ProjectionsView. */
export const PROJECTIONS = Symbol('PROJECTIONS');

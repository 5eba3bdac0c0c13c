import type { ImportProblemCode } from './import-problem-codes';

/** What an import did (or, in a dry run, would do) with each row (SPEC §8). */
export type Outcome = 'created' | 'matched';

export interface ImportError {
  /** The sheet's row number (the header is row 1). */
  row: number;
  /** The sheet's header of the column at fault, null when the row as a whole is. */
  column: string | null;
  code: ImportProblemCode;
  message: string;
  /** What the message names, so that an app words the problem in its own language (the cell's text as `value`). */
  params: ProblemParams;
}

/** The figures and texts a row problem names beside its English message. */
export type ProblemParams = Record<string, string | number | null>;

export interface ImportRowReport {
  row: number;
  /** created: something new; matched: everything was there already; refused: see errors. */
  outcome: Outcome | 'refused';
  organisation?: { id: string; name: string; outcome: Outcome | 'updated' };
  person?: { id: string; name: string; outcome: Outcome };
  partnership?: { id: string; schoolId: string; outcome: Outcome };
  contact?: { role: 'primary' | 'backup'; outcome: Outcome };
  errors: ImportError[];
}

export interface ImportReport {
  dryRun: boolean;
  /** True when the rows were written (commit without refusals). */
  committed: boolean;
  /** The log position of the last event written, for X-Min-Position; null when nothing was written. */
  position: number | null;
  /** Sheet headers that matched no column and were not read. */
  ignoredColumns: string[];
  summary: {
    rows: number;
    created: number;
    matched: number;
    refused: number;
    organisations: Record<Outcome | 'updated', number>;
    people: Record<Outcome, number>;
    partnerships: Record<Outcome, number>;
    contacts: Record<Outcome, number>;
  };
  rows: ImportRowReport[];
  /** Every refusal of every row, in row order. */
  errors: ImportError[];
}

export function summarise(rows: readonly ImportRowReport[]): ImportReport['summary'] {
  const count = <K extends string>(outcomes: (K | undefined)[], keys: readonly K[]) =>
    Object.fromEntries(keys.map((key) => [key, outcomes.filter((o) => o === key).length])) as Record<K, number>;
  return {
    rows: rows.length,
    ...count(rows.map((r) => r.outcome), ['created', 'matched', 'refused'] as const),
    organisations: count(rows.map((r) => r.organisation?.outcome), ['created', 'matched', 'updated'] as const),
    people: count(rows.map((r) => r.person?.outcome), ['created', 'matched'] as const),
    partnerships: count(rows.map((r) => r.partnership?.outcome), ['created', 'matched'] as const),
    contacts: count(rows.map((r) => r.contact?.outcome), ['created', 'matched'] as const),
  };
}

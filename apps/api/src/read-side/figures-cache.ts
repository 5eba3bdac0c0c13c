import { Inject, Injectable } from '@nestjs/common';
import { PROJECTIONS, ProjectionsView } from '@crm/read-models';
import { currentAsOf } from '../http/as-of';
import { Scope, scopeKey } from '../scope/scope';

/** Distinct questions kept per read-model snapshot; a snapshot's answers go as soon as the read models move on. */
const MAX_ENTRIES = 64;

/**
 * Figures over every partnership (reports, filtered lists) take tens of milliseconds to compute, and dashboards
 * ask the same question many times a second. An answer is kept for its question (which includes asOf) and the
 * read-model snapshot it was computed from: the live collections and the position they have reached. Any write
 * that reaches the read models, and any switch to a rebuilt generation, starts a new snapshot, so a kept answer is
 * never older than what a fresh computation would see. Concurrent askers of one question share one computation.
 * Answers are shared between requests: callers must not change them.
 */
@Injectable()
export class FiguresCache {
  private snapshot = '';
  private readonly answers = new Map<string, Promise<unknown>>();

  constructor(@Inject(PROJECTIONS) private readonly projections: ProjectionsView) {}

  /** The question is asked within a scope (SPEC §6 R2): answers are kept per scope, never shared across. */
  answer<T>(scope: Scope, asked: string, compute: () => Promise<T>): Promise<T> {
    this.forgetOlderSnapshots();
    const question = `${scopeKey(scope)} ${asked}`;
    const known = this.answers.get(question) as Promise<T> | undefined;
    if (known) {
      // Most recently asked last, so the oldest question is the one evicted.
      this.answers.delete(question);
      this.answers.set(question, known);
      return known;
    }
    const answer = compute();
    this.answers.set(question, answer);
    answer.catch(() => this.answers.get(question) === answer && this.answers.delete(question));
    if (this.answers.size > MAX_ENTRIES) this.answers.delete(this.answers.keys().next().value!);
    return answer;
  }

  /**
   * answer() for a question asked as of a date (the asOf goes at the end of the question). Dashboards ask as of now,
   * which changes every second (http/as-of.ts): while the current second's answer is asked for again, the next
   * second's is computed ahead, after the requests at hand, so that its askers need not all wait for it then.
   * It is computed for its own asOf from the snapshot of the moment; a write meanwhile discards it like any answer.
   */
  answerAsOf<T>(scope: Scope, question: string, asOf: string, compute: (asOf: string) => Promise<T>): Promise<T> {
    this.forgetOlderSnapshots();
    const askedAgain = this.answers.has(`${scopeKey(scope)} ${question} ${asOf}`);
    const answer = this.answer(scope, `${question} ${asOf}`, () => compute(asOf));
    if (askedAgain && asOf === currentAsOf()) {
      const next = new Date(Date.parse(asOf) + 1000).toISOString();
      if (!this.answers.has(`${scopeKey(scope)} ${question} ${next}`)) {
        void this.answer(scope, `${question} ${next}`, () => new Promise((resolve) => setImmediate(resolve)).then(() => compute(next)));
      }
    }
    return answer;
  }

  private forgetOlderSnapshots(): void {
    const snapshot = this.currentSnapshot();
    if (snapshot !== this.snapshot) {
      this.answers.clear();
      this.snapshot = snapshot;
    }
  }

  private currentSnapshot(): string {
    const { projections } = this;
    return `${projections.position}|${projections.collection('partnerships')}|${projections.collection('people')}|${projections.collection('organisations')}`;
  }
}

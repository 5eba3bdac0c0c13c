import { Inject, Injectable } from '@nestjs/common';
import { PROJECTIONS, ProjectionsView } from '@crm/read-models';

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

  answer<T>(question: string, compute: () => Promise<T>): Promise<T> {
    const snapshot = this.currentSnapshot();
    if (snapshot !== this.snapshot) {
      this.answers.clear();
      this.snapshot = snapshot;
    }
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

  private currentSnapshot(): string {
    const { projections } = this;
    return `${projections.position}|${projections.collection('partnerships')}|${projections.collection('people')}|${projections.collection('organisations')}`;
  }
}

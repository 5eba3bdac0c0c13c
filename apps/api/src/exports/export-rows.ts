/**
 * The rows of an export: an answer's list, or its pages as they are read (the audit trail of a large region holds a
 * million entries: read, named and written a page at a time, it is never held whole).
 */
export type ExportRows = readonly object[] | AsyncIterable<readonly object[]>;

export function isPaged(rows: ExportRows): rows is AsyncIterable<readonly object[]> {
  return !Array.isArray(rows);
}

/** Either kind as pages. */
export async function* pagesOf(rows: ExportRows): AsyncGenerator<readonly object[]> {
  if (isPaged(rows)) yield* rows;
  else yield rows;
}

/**
 * Pages whose first is read now, before anything is sent: a failure to read it is the request's error answer, not a
 * download cut off after its header row. (A page that fails later ends the download where it is.)
 */
export async function withFirstPageRead<T>(pages: AsyncGenerator<T>): Promise<AsyncGenerator<T>> {
  const first = await pages.next();
  async function* resumed(): AsyncGenerator<T> {
    if (first.done) return;
    yield first.value;
    yield* pages;
  }
  return resumed();
}

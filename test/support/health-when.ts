import type { TestApp } from './test-app';

/**
 * Asks /health until `done` holds for its body (projections fail and heal in the background, a background check
 * runs), at most `withinMs`; fails naming the last body otherwise.
 */
export async function healthWhen(t: Pick<TestApp, 'http'>, done: (body: Record<string, any>) => boolean, withinMs = 60_000): Promise<Record<string, any>> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const { body } = await t.http.get('/health');
    if (done(body)) return body;
    if (Date.now() > deadline) throw new Error(`/health never got there: ${JSON.stringify(body)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

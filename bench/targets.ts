/** The targets of the benchmark issue (2 cores, embedded), per result and figure: at least or at most. */
const TARGETS: Record<string, Record<string, { atLeast?: number; atMost?: number }>> = {
  'append, single event (events/s)': { ratio: { atLeast: 0.5 } },
  'append, batches of 100 (events/s)': { ratio: { atLeast: 0.5 } },
  'HTTP POST interactions': { 'requests/s': { atLeast: 3000 }, 'p99 ms': { atMost: 25 } },
  'POST /partnerships/:id/interactions, saturation (64 connections)': { 'requests/s': { atLeast: 3000 } },
  'POST /partnerships/:id/interactions at 1,000/s': { 'p99 ms': { atMost: 25 }, errors: { atMost: 0 } },
  'GET /partnerships/:id/health at 1,000/s': { 'p99 ms': { atMost: 10 }, errors: { atMost: 0 } },
  'GET /partnerships/:id by touchpoints': { 'ratio 1000/10': { atMost: 1.5 } },
  'GET /partnerships/:id/health by touchpoints': { 'ratio 1000/10': { atMost: 1.5 } },
  'GET /partnerships/:id/continuity by touchpoints': { 'ratio 1000/10': { atMost: 1.5 } },
  'GET /partnerships/:id/key-person-risk by touchpoints': { 'ratio 1000/10': { atMost: 1.5 } },
  'read-your-writes (command, then query with X-Min-Position)': { 'extra wait p99 ms': { atMost: 20 } },
  'rebuild, large region': { 'events/s': { atLeast: 50_000 }, 'peak RSS MiB': { atMost: 1024 } },
  'GET /partnerships/:id/health': { 'p99 ms': { atMost: 10 } },
  'GET /reports/levels': { 'p99 ms': { atMost: 100 } },
  'GET /reports/partner-load (uncached)': { 'max ms': { atMost: 200 } },
  'GET /reports/departures (uncached)': { 'max ms': { atMost: 200 } },
  'GET /reports/start-up (uncached)': { 'max ms': { atMost: 200 } },
  'GET /reports/recurring-cooperation (uncached)': { 'max ms': { atMost: 200 } },
  'partner load, formula CPU time, medium region': { 'max ms': { atMost: 200 } },
  'departures (365 days), formula CPU time, medium region': { 'max ms': { atMost: 200 } },
  'start-up, formula CPU time, medium region': { 'max ms': { atMost: 200 } },
  'recurring cooperation, formula CPU time, medium region': { 'max ms': { atMost: 200 } },
  'GET /partnerships/:id/health/history, 3 years by week': { 'p99 ms': { atMost: 50 } },
  'GET /reports/levels/history, 24 months, medium region': { 'max ms': { atMost: 1000 } },
  'cold start, large region': { 'ready ms': { atMost: 5000 }, 'RSS MiB at rest': { atMost: 1024 } },
  'import xlsx (2,000 organisations, 20,000 people, 2,000 partnerships)': { 'dry run + commit s': { atMost: 30 }, 'peak RSS MiB': { atMost: 1024 } },
  'GET /partnerships?format=xlsx (medium region, all)': { 'max ms': { atMost: 2000 } },
  // Issue 13 item 7 (bench/web.bench.ts, `--only web`): the first screen usable within 1.5 s of navigation, the first
  // route's JavaScript at most 300 KB gzipped, and the list of 2,000 partnerships scrolling without jank: no frame
  // over 100 ms and at most 5 % of frames over 50 ms.
  'web: first screen, Mijn week, demo region': { 'p50 ms': { atMost: 1500 }, 'max ms': { atMost: 1500 } },
  'web: first screen, partnerships list, demo region': { 'p50 ms': { atMost: 1500 }, 'max ms': { atMost: 1500 } },
  'web: first screen, Mijn week, medium region': { 'p50 ms': { atMost: 1500 }, 'max ms': { atMost: 1500 } },
  'web: first screen, partnerships list, medium region': { 'p50 ms': { atMost: 1500 }, 'max ms': { atMost: 1500 } },
  'web: first route JavaScript': { 'KB gzipped': { atMost: 300 } },
  'web: partnerships list scroll, medium region': { 'longest frame ms': { atMost: 100 }, 'frames over 50 ms %': { atMost: 5 } },
};

/**
 * Issue 15 item 8: a scoped query costs at most 10 % more than the same query unscoped (same route, same filters,
 * measured one after the other in one run): judged per request, on the p50 latency and on the API's CPU time. Its
 * results are named `scope: <route>` (bench/scope.bench.ts).
 */
export const SCOPE_RESULT_PREFIX = 'scope: ';
const SCOPE_TARGET: Record<string, { atMost: number }> = { 'p50 ratio': { atMost: 1.1 }, 'CPU ratio': { atMost: 1.1 } };

/** "figure ≥ target: met" or "missed" for each target of a result; nothing for results without targets. */
export function checkTargets(name: string, figures: Record<string, unknown>): string[] {
  return Object.entries(TARGETS[name] ?? (name.startsWith(SCOPE_RESULT_PREFIX) ? SCOPE_TARGET : {})).map(([figure, { atLeast, atMost }]) => {
    const value = figures[figure];
    const met = typeof value === 'number' && (atLeast === undefined || value >= atLeast) && (atMost === undefined || value <= atMost);
    return `${figure} ${atLeast !== undefined ? `≥ ${atLeast}` : `≤ ${atMost}`} ${met ? 'met' : 'MISSED'}`;
  });
}

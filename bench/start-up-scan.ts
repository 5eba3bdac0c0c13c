/**
 * Waits for the API's start-up check of every event's checksum (EventLogScan, /health `integrity`) to end: it runs in
 * a worker thread for several seconds after start, taking a core from the requests measured and adding its CPU time
 * to the process's (the history bench reads the CPU time of the whole process).
 */
export async function untilStartUpScanEnded(baseUrl: string, withinMs = 300_000) {
  const until = Date.now() + withinMs;
  for (;;) {
    const health = (await (await fetch(`${baseUrl}/health`)).json()) as { integrity?: { status?: string } };
    if (health.integrity?.status !== 'checking') return;
    if (Date.now() > until) throw new Error(`the start-up event log scan has not ended within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

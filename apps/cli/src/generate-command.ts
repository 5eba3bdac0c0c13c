import { generateRegion } from '@crm/generator';
import { createProtectedEventStore } from '@crm/privacy';
import { Settings } from '../../api/src/config/settings';

export const GENERATE_USAGE = `generate [--size small|medium|large] [--seed N] [--until YYYY-MM-DD]
                         write a realistic region through the domain rules (same seed and date ⇒ same events)`;

const SIZES = ['small', 'medium', 'large'] as const;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

function progressBar(events: number, total: number, started: number): string {
  const width = 30;
  const done = Math.min(width, Math.round((events / Math.max(total, 1)) * width));
  const rate = events / Math.max((Date.now() - started) / 1000, 0.001);
  return `\r[${'#'.repeat(done)}${'.'.repeat(width - done)}] ${events}/${total} events, ${Math.round(rate)} events/s`;
}

export async function generateCommand(settings: Settings, args: string[]): Promise<string> {
  const size = (option(args, 'size') ?? 'small') as (typeof SIZES)[number];
  if (!SIZES.includes(size)) throw new Error(`--size must be one of ${SIZES.join(', ')}`);
  const seed = option(args, 'seed') ?? '1';
  const until = option(args, 'until') ?? new Date().toISOString().slice(0, 10);
  if (Number.isNaN(Date.parse(until))) throw new Error('--until must be a date, e.g. 2026-11-01');
  const { events } = await createProtectedEventStore({ dataDir: settings.dataDir, eventStoreUrl: settings.eventStoreUrl, mongodbUrl: settings.mongodbUrl });
  try {
    if ((await events.headPosition()) > 0) throw new Error('the event log is not empty: generate into an empty DATA_DIR');
    const started = Date.now();
    const result = await generateRegion({
      seed,
      size,
      until: new Date(until),
      store: events,
      onProgress: (written, total) => process.stderr.write(progressBar(written, total, started)),
    });
    process.stderr.write('\n');
    const rate = Math.round(result.events / (result.elapsedMs / 1000));
    return `generated the ${result.region} region (${size}, seed ${seed}): ${result.organisations} organisations, ${result.people} people, ${result.partnerships} partnerships, ${result.events} events in ${(result.elapsedMs / 1000).toFixed(1)} s (${rate} events/s)`;
  } finally {
    await events.close();
  }
}

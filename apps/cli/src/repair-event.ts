import { eventLogFile, quarantineEvent, restoreEvent } from '@crm/event-store';
import { Settings } from '../../api/src/config/settings';

export const REPAIR_USAGE = `repair-event quarantine --position <n> --by <who> --reason <why>
                        put a damaged event of the embedded log out of the way (kept in quarantined_events, with who and why)
  repair-event restore --position <n> --from <backup/events.sqlite>
                        put a damaged event back as a backup of the log holds it
                        (both: stop the API first; then rebuild the read models: npm run cli -- rebuild-projections)`;

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
}

/** `npm run cli -- repair-event …`: the documented repairs of one damaged event (docs/operations.md, "Faults"). */
export function repairEventCommand(settings: Settings, [action, ...args]: string[]): string {
  if (settings.eventStoreUrl) throw new Error('repair-event repairs the embedded log (DATA_DIR/events.sqlite); EventStoreDB has its own tools');
  const position = Number(option(args, 'position'));
  if (!Number.isSafeInteger(position) || position < 1) throw new Error(`usage: npm run cli -- ${REPAIR_USAGE}`);
  const file = eventLogFile(settings.dataDir);
  if (action === 'quarantine') {
    const { streamId, type } = quarantineEvent(file, position, { by: option(args, 'by') ?? '', reason: option(args, 'reason') ?? '' });
    return `quarantined ${type} at position ${position} of ${streamId} in ${file}; now rebuild the read models: npm run cli -- rebuild-projections`;
  }
  if (action === 'restore') {
    const from = option(args, 'from');
    if (!from) throw new Error(`usage: npm run cli -- ${REPAIR_USAGE}`);
    const { streamId, type } = restoreEvent(file, position, from);
    return `restored ${type} at position ${position} of ${streamId} in ${file} from ${from}; now rebuild the read models: npm run cli -- rebuild-projections`;
  }
  throw new Error(`usage: npm run cli -- ${REPAIR_USAGE}`);
}

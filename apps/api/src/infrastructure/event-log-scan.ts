import { DamagedRow, scanEventChecksumsInWorker } from '@crm/event-store';

export interface EventLogScanStatus {
  /** `checking` while it runs; `ok`; `damaged` (rows listed); `failed` (the scan itself could not run); `not_applicable` (EventStoreDB). */
  status: 'checking' | 'ok' | 'damaged' | 'failed' | 'not_applicable';
  checked: number;
  total: number;
  file?: string;
  damaged?: DamagedRow[];
  error?: string;
}

/**
 * The start-up check of every event in the embedded log (checksums, see scanEventChecksumsInWorker), running in the
 * background after the API has started; /health shows its progress and what it found.
 */
export class EventLogScan {
  private state: EventLogScanStatus;
  /** Resolves when the scan has ended. */
  readonly done: Promise<EventLogScanStatus>;

  /** `file`: the embedded log (none on EventStoreDB); the scan starts once `after` has settled. */
  constructor(file: string | undefined, after: Promise<unknown> = Promise.resolve()) {
    if (!file) {
      this.state = { status: 'not_applicable', checked: 0, total: 0 };
      this.done = Promise.resolve(this.state);
      return;
    }
    this.state = { status: 'checking', checked: 0, total: 0, file };
    const progress = ({ checked, total }: { checked: number; total: number }) => {
      this.state = { ...this.state, checked, total };
    };
    this.done = after.then(() => scanEventChecksumsInWorker(file, progress)).then((report) => {
      this.state =
        'failed' in report
          ? { ...this.state, status: 'failed', error: report.failed }
          : { status: report.damaged.length > 0 ? 'damaged' : 'ok', checked: report.checked, total: report.total, file, ...(report.damaged.length > 0 && { damaged: report.damaged }) };
      return this.state;
    });
  }

  get status(): EventLogScanStatus {
    return this.state;
  }
}

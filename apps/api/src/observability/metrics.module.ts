import { Global, Module, OnModuleInit } from '@nestjs/common';
import { CommandBus, ICommand } from '@nestjs/cqrs';
import { toErrorBody } from '../http/errors.filter';
import { CommandOutcome, Metrics } from './metrics';

/** The domain command a bus command carries (`RecordInteraction`, …); bounded names only, so labels stay few. */
export function commandNameOf(command: ICommand): string {
  const type = (command as { command?: { type?: unknown } }).command?.type;
  if (typeof type === 'string' && /^[A-Za-z]{1,64}$/.test(type)) return type;
  return command.constructor?.name ?? 'unknown';
}

/** What the client is answered, as a metric label: 422 rejected, 404 not_found, 409 conflict, other 4xx rejected, 5xx error. */
export function commandOutcomeOf(error: unknown): CommandOutcome {
  const { statusCode } = toErrorBody(error);
  if (statusCode === 404) return 'not_found';
  if (statusCode === 409) return 'conflict';
  return statusCode < 500 ? 'rejected' : 'error';
}

/**
 * Counts and times every command at the one place all of them pass: CommandBus.execute (each controller sends its
 * command there; the handlers run load → decide → append). Wrapping the bus instance keeps the handlers unaware.
 */
export function meterCommands(bus: CommandBus, metrics: Metrics): void {
  const execute = bus.execute.bind(bus) as (command: ICommand, ...rest: unknown[]) => Promise<unknown>;
  const metered = async (command: ICommand, ...rest: unknown[]): Promise<unknown> => {
    const started = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    try {
      const result = await execute(command, ...rest);
      metrics.recordCommand(commandNameOf(command), 'accepted', seconds());
      return result;
    } catch (error) {
      metrics.recordCommand(commandNameOf(command), commandOutcomeOf(error), seconds());
      throw error;
    }
  };
  Object.defineProperty(bus, 'execute', { value: metered, configurable: true, writable: true });
}

/** Metrics for GET /metrics (global: the store modules wrap their ports with its histograms). */
@Global()
@Module({ providers: [Metrics], exports: [Metrics] })
export class MetricsModule implements OnModuleInit {
  constructor(
    private readonly bus: CommandBus,
    private readonly metrics: Metrics,
  ) {}

  onModuleInit(): void {
    meterCommands(this.bus, this.metrics);
  }
}

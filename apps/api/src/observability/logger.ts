import type { LoggerService } from '@nestjs/common';
import { hostname } from 'node:os';
import pino, { DestinationStream, Logger } from 'pino';
import type { LogLevel } from '../config/settings';

export type { Logger } from 'pino';

/**
 * Never written, whatever a caller passes: bearer tokens, cookies, secrets. Personal data is kept out by what is logged
 * at all (no bodies, no query strings, no names), this is the net under it.
 */
const REDACTED_PATHS = [
  'authorization',
  'headers.authorization',
  'headers.cookie',
  'req.headers.authorization',
  'req.headers.cookie',
  'token',
  'secret',
  'password',
  '*.authorization',
  '*.token',
  '*.secret',
  '*.password',
];

/**
 * The JSON-lines logger of every app (pino): one object per line with `level` (a name), `time` (ISO 8601), `app`,
 * `pid`, `hostname` and `msg`; request lines add `reqId`, `correlationId`, `method`, `route`, `status`, `durationMs`.
 */
export function createLogger(app: string, level: LogLevel = 'info', destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app, pid: process.pid, hostname: hostname() },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      serializers: {
        err: pino.stdSerializers.err,
        // Fastify logs `req` with some of its own errors: method and route pattern only (a URL can carry a search text).
        req: (req: { method?: string; routeOptions?: { url?: string } }) => ({ method: req.method, route: req.routeOptions?.url }),
        res: (res: { statusCode?: number }) => ({ status: res.statusCode }),
      },
    },
    destination ?? (level === 'silent' ? { write: () => undefined } : pino.destination({ dest: 1, sync: false })),
  );
}

/** Nest's start-up chatter (modules loaded, routes mapped) goes to debug; the rest keeps its level. */
const CHATTY_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication']);

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/**
 * Nest's logger (`Logger.log(…)`, `new Logger('Auth').warn(…)`, Nest's own messages) written through pino, as JSON
 * lines like everything else. Lines about a request are written with its own logger (`request.log`, carrying its
 * reqId and correlationId) by the code that has the request at hand: an AsyncLocalStorage to find it from anywhere
 * would turn on Node's promise hooks, a cost on every promise of every request.
 */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly root: Logger) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }

  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }

  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }

  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }

  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }

  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  /** Nest calls `log(message, context?)` and `error(message, stack?, context?)`; the context comes last. */
  private write(level: Level, message: unknown, rest: unknown[]): void {
    const params = [...rest];
    const context = params.length > 0 && (typeof params[params.length - 1] === 'string' || params[params.length - 1] === undefined) ? (params.pop() as string | undefined) : undefined;
    const stack = level === 'error' && typeof params[0] === 'string' ? params[0] : undefined;
    const effective: Level = level === 'info' && context && CHATTY_CONTEXTS.has(context) ? 'debug' : level;
    const fields: Record<string, unknown> = {};
    if (context) fields.context = context;
    if (stack) fields.stack = stack;
    if (message instanceof Error) {
      fields.err = message;
      this.root[effective](fields, message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.root[effective]({ ...fields, ...(message as object) });
    } else {
      this.root[effective](fields, String(message));
    }
  }
}

/**
 * For a failure before or during start-up (a wrong setting, a store that cannot be opened): one `fatal` JSON line on
 * stderr, written synchronously, naming the settings at fault when that is the cause; then exit code 1.
 */
export function exitOnStartupFailure(app: string, error: unknown): never {
  const log = createLogger(app, 'info', pino.destination({ dest: 2, sync: true }));
  const settings = (error as { settings?: unknown }).settings;
  const fields = Array.isArray(settings) ? { settings } : error instanceof Error ? { err: error } : {};
  log.fatal(fields, error instanceof Error ? error.message : String(error));
  process.exit(1);
}

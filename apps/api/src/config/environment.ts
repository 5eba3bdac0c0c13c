import { isKnownTimeZone } from '@crm/domain';
import { ValidateBy, ValidateIf, ValidationArguments, IsDefined, validateSync } from 'class-validator';

/** Log levels (pino's), lowest priority last; `silent` logs nothing. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Names of every setting the apps read from the environment (SPEC §5, authentication, operations). */
export const SETTING_NAMES = [
  'PORT',
  'DATA_DIR',
  'EVENTSTORE_URL',
  'MONGODB_URL',
  'AUTH_JWT_SECRET',
  'AUTH_JWKS_URL',
  'AUTH_ISSUER',
  'AUTH_AUDIENCE',
  'AUTH_PERSON_CLAIM',
  'AUTH_WEB_CLIENT_ID',
  'PROJECTOR_LEASE_TTL_MS',
  'LOG_LEVEL',
  'TIME_ZONE',
] as const;
export type SettingName = (typeof SETTING_NAMES)[number];

/** The least and the most a projector lease may last: below, renewals (every third of it) would be a busy loop. */
export const LEASE_TTL_RANGE_MS = { min: 500, max: 600_000 } as const;

/** `mongodb://user:password@host` → `mongodb://***@host`: values are echoed in messages, credentials never. */
export function redactCredentials(value: string): string {
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/?#]*@/i, '$1***@');
}

interface SettingRule {
  /** True when the (non-empty) value is acceptable. */
  check(value: string): boolean;
  /** What the value must be, completing "NAME must be …". */
  expected: string;
  /** Secrets are described by their length, never shown. */
  secret?: boolean;
}

/** One class-validator constraint per setting, so each wrong setting gives exactly one message naming it. */
function Setting(rule: SettingRule): PropertyDecorator {
  return ValidateBy({
    name: 'setting',
    validator: {
      validate: (value: unknown) => value === undefined || (typeof value === 'string' && rule.check(value)),
      defaultMessage: (args?: ValidationArguments) => {
        const value = String(args?.value ?? '');
        const got = rule.secret ? `${value.length} characters` : `'${redactCredentials(value)}'`;
        return `${args?.property} must be ${rule.expected} (got ${got})`;
      },
    },
  });
}

const wholeNumber = (min: number, max: number) => (value: string) => /^\d+$/.test(value.trim()) && Number(value) >= min && Number(value) <= max;
/** `scheme://host…` with no blanks; several hosts (`host1:2113,host2:2113`) are allowed, so this is not a WHATWG URL check. */
const connectionString = (scheme: RegExp) => (value: string) => scheme.test(value) && /^[a-z+]+:\/\/[^\s/?#]+/i.test(value) && !/\s/.test(value);
const httpUrl = (value: string) => {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.host !== '';
  } catch {
    return false;
  }
};

/**
 * The environment as the apps read it: every value a string (as the environment holds it), unset or empty meaning
 * "use the default". Validated with class-validator at start; `validateEnvironment` has the shape @nestjs/config's
 * `validate` option takes.
 */
export class Environment {
  @Setting({ check: wholeNumber(0, 65_535), expected: 'a port number (0-65535)' })
  PORT?: string;

  @Setting({ check: (value) => value.trim() !== '' && !value.includes('\0'), expected: 'a directory path' })
  DATA_DIR?: string;

  @Setting({
    check: connectionString(/^esdb(\+discover)?:\/\//i),
    expected: 'an EventStoreDB/KurrentDB connection string (esdb://host:2113?tls=false or esdb+discover://…)',
  })
  EVENTSTORE_URL?: string;

  @Setting({ check: connectionString(/^mongodb(\+srv)?:\/\//i), expected: 'a MongoDB connection string (mongodb://… or mongodb+srv://…)' })
  MONGODB_URL?: string;

  @Setting({ check: (value) => value.length >= 32, expected: 'at least 32 characters', secret: true })
  AUTH_JWT_SECRET?: string;

  @Setting({ check: httpUrl, expected: 'the http(s) URL of a JSON Web Key Set' })
  AUTH_JWKS_URL?: string;

  @ValidateIf((env: Environment) => env.AUTH_JWKS_URL !== undefined)
  @IsDefined({ message: 'AUTH_ISSUER must be set when AUTH_JWKS_URL is (the `iss` tokens must carry)' })
  AUTH_ISSUER?: string;

  @ValidateIf((env: Environment) => env.AUTH_JWKS_URL !== undefined)
  @IsDefined({ message: 'AUTH_AUDIENCE must be set when AUTH_JWKS_URL is (the `aud` tokens must carry)' })
  AUTH_AUDIENCE?: string;

  @Setting({ check: (value) => /^[A-Za-z_][A-Za-z0-9_:./-]{0,99}$/.test(value), expected: 'a token claim name (letters, digits, _ : . / -)' })
  AUTH_PERSON_CLAIM?: string;

  /** The web app's OpenID Connect client id (a public client: authorization code with PKCE, no secret). */
  @Setting({ check: (value) => /^[\x21-\x7e]{1,200}$/.test(value), expected: 'an OpenID Connect client id (printable, no spaces)' })
  AUTH_WEB_CLIENT_ID?: string;

  @Setting({
    check: wholeNumber(LEASE_TTL_RANGE_MS.min, LEASE_TTL_RANGE_MS.max),
    expected: `a whole number of milliseconds from ${LEASE_TTL_RANGE_MS.min} to ${LEASE_TTL_RANGE_MS.max}`,
  })
  PROJECTOR_LEASE_TTL_MS?: string;

  @Setting({ check: (value) => (LOG_LEVELS as readonly string[]).includes(value), expected: `one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL?: string;

  @Setting({ check: isKnownTimeZone, expected: 'an IANA time-zone name such as Europe/Amsterdam' })
  TIME_ZONE?: string;
}

/** One or more settings are wrong or missing; the message names each of them. Apps exit non-zero on it. */
export class InvalidSettingsError extends Error {
  constructor(readonly problems: readonly { setting: string; message: string }[]) {
    super(
      problems.length === 1
        ? `invalid setting: ${problems[0].message}`
        : `invalid settings:\n${problems.map((problem) => `  ${problem.message}`).join('\n')}`,
    );
    this.name = 'InvalidSettingsError';
  }

  get settings(): string[] {
    return this.problems.map((problem) => problem.setting);
  }
}

/**
 * Picks the settings out of an environment (other variables are ignored), treats empty values as unset, and
 * validates them. Throws InvalidSettingsError naming every wrong or missing setting.
 */
export function validateEnvironment(config: Record<string, unknown>): Environment {
  const environment = new Environment();
  for (const name of SETTING_NAMES) {
    const value = config[name];
    if (value === undefined || value === null || value === '') continue;
    environment[name] = String(value);
  }
  const errors = validateSync(environment, { forbidUnknownValues: false });
  if (errors.length > 0) {
    const order = (setting: string) => SETTING_NAMES.indexOf(setting as SettingName);
    throw new InvalidSettingsError(
      errors
        .sort((a, b) => order(a.property) - order(b.property))
        .map((error) => ({ setting: error.property, message: Object.values(error.constraints ?? {})[0] ?? `${error.property} is invalid` })),
    );
  }
  return environment;
}

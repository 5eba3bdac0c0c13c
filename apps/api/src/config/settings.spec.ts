import { Test } from '@nestjs/testing';
import { ConfigService } from '@nestjs/config';
import { resolve } from 'node:path';
import { InvalidSettingsError, validateEnvironment } from './environment';
import { Settings, SETTINGS, settingsFromEnv } from './settings';
import { SettingsModule } from './settings.module';

const problemOf = (env: Record<string, string>): InvalidSettingsError => {
  try {
    settingsFromEnv(env);
  } catch (error) {
    if (error instanceof InvalidSettingsError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(env)} to be refused`);
};

describe('settings from the environment', () => {
  it('defaults to SPEC §5 (empty values count as unset)', () => {
    const defaults = settingsFromEnv({});
    expect(defaults).toEqual({
      port: 3000,
      dataDir: resolve('./data'),
      eventStoreUrl: undefined,
      mongodbUrl: undefined,
      minPositionWaitMs: 5000,
      auth: { jwtSecret: undefined, jwksUrl: undefined, issuer: undefined, audience: undefined },
      projectorLeaseTtlMs: 30_000,
      logLevel: 'info',
      timeZone: 'Europe/Amsterdam',
    });
    expect(settingsFromEnv({ PORT: '', DATA_DIR: '', EVENTSTORE_URL: '', MONGODB_URL: '', AUTH_JWT_SECRET: '', LOG_LEVEL: '', TIME_ZONE: '' })).toEqual(defaults);
  });

  it('reads every setting', () => {
    const settings = settingsFromEnv({
      PORT: '8080',
      DATA_DIR: '/var/lib/crm',
      EVENTSTORE_URL: 'esdb://node1:2113,node2:2113?tls=true',
      MONGODB_URL: 'mongodb://user:pw@mongodb:27017/partnership_crm?replicaSet=rs0',
      AUTH_JWKS_URL: 'https://login.example.org/.well-known/jwks.json',
      AUTH_ISSUER: 'https://login.example.org/',
      AUTH_AUDIENCE: 'partnership-crm',
      PROJECTOR_LEASE_TTL_MS: '1500',
      LOG_LEVEL: 'debug',
      TIME_ZONE: 'America/Curacao',
      UNRELATED: 'ignored',
    });
    expect(settings).toMatchObject({
      port: 8080,
      dataDir: '/var/lib/crm',
      eventStoreUrl: 'esdb://node1:2113,node2:2113?tls=true',
      mongodbUrl: 'mongodb://user:pw@mongodb:27017/partnership_crm?replicaSet=rs0',
      auth: { jwksUrl: 'https://login.example.org/.well-known/jwks.json', issuer: 'https://login.example.org/', audience: 'partnership-crm' },
      projectorLeaseTtlMs: 1500,
      logLevel: 'debug',
      timeZone: 'America/Curacao',
    });
  });

  it.each([
    [{ PORT: 'abc' }, "invalid setting: PORT must be a port number (0-65535) (got 'abc')"],
    [{ PORT: '70000' }, "invalid setting: PORT must be a port number (0-65535) (got '70000')"],
    [{ PORT: '-1' }, "invalid setting: PORT must be a port number (0-65535) (got '-1')"],
    [{ PROJECTOR_LEASE_TTL_MS: '10s' }, "invalid setting: PROJECTOR_LEASE_TTL_MS must be a whole number of milliseconds from 500 to 600000 (got '10s')"],
    [{ PROJECTOR_LEASE_TTL_MS: '100' }, "invalid setting: PROJECTOR_LEASE_TTL_MS must be a whole number of milliseconds from 500 to 600000 (got '100')"],
    [{ LOG_LEVEL: 'verbose' }, "invalid setting: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got 'verbose')"],
    [{ TIME_ZONE: 'Amsterdam' }, "invalid setting: TIME_ZONE must be an IANA time-zone name such as Europe/Amsterdam (got 'Amsterdam')"],
    [{ EVENTSTORE_URL: 'localhost:2113' }, 'invalid setting: EVENTSTORE_URL must be an EventStoreDB/KurrentDB connection string'],
    [{ AUTH_JWKS_URL: 'not a url', AUTH_ISSUER: 'i', AUTH_AUDIENCE: 'a' }, "invalid setting: AUTH_JWKS_URL must be the http(s) URL of a JSON Web Key Set (got 'not a url')"],
    [{ AUTH_JWKS_URL: 'https://idp/jwks', AUTH_AUDIENCE: 'a' }, 'invalid setting: AUTH_ISSUER must be set when AUTH_JWKS_URL is'],
  ])('refuses %j, naming the setting', (env, message) => {
    const error = problemOf(env);
    expect(error.message.startsWith(message)).toBe(true);
    expect(error.settings).toEqual([/^invalid setting: (\w+)/.exec(message)![1]]);
  });

  it('never echoes a secret or a password', () => {
    const secret = problemOf({ AUTH_JWT_SECRET: 'hunter2-hunter2' });
    expect(secret.message).toBe('invalid setting: AUTH_JWT_SECRET must be at least 32 characters (got 15 characters)');
    const mongo = problemOf({ MONGODB_URL: 'postgres://admin:s3cret@db:5432/crm' });
    expect(mongo.message).toContain("MONGODB_URL must be a MongoDB connection string (mongodb://… or mongodb+srv://…) (got 'postgres://***@db:5432/crm')");
    expect(mongo.message).not.toContain('s3cret');
  });

  it('names every wrong or missing setting at once, in a stable order', () => {
    const error = problemOf({ LOG_LEVEL: 'loud', PORT: 'x', AUTH_JWKS_URL: 'https://idp/jwks' });
    expect(error.settings).toEqual(['PORT', 'AUTH_ISSUER', 'AUTH_AUDIENCE', 'LOG_LEVEL']);
    expect(error.message.split('\n')).toEqual([
      'invalid settings:',
      "  PORT must be a port number (0-65535) (got 'x')",
      '  AUTH_ISSUER must be set when AUTH_JWKS_URL is (the `iss` tokens must carry)',
      '  AUTH_AUDIENCE must be set when AUTH_JWKS_URL is (the `aud` tokens must carry)',
      "  LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got 'loud')",
    ]);
  });

  it('validateEnvironment has the shape of @nestjs/config’s `validate` option (record in, validated record out)', () => {
    expect(validateEnvironment({ PORT: 8080, LOG_LEVEL: 'warn', PATH: '/usr/bin' })).toEqual({ PORT: '8080', LOG_LEVEL: 'warn' });
    expect(() => validateEnvironment({ PORT: 'eighty' })).toThrow(InvalidSettingsError);
  });

  it('SettingsModule serves the same settings as SETTINGS and through ConfigService, ignoring the process environment', async () => {
    const settings: Settings = { ...settingsFromEnv({}), port: 4321, mongodbUrl: 'mongodb://m/x' };
    const previous = process.env.PORT;
    process.env.PORT = '9999';
    try {
      const module = await Test.createTestingModule({ imports: [SettingsModule.forRoot(settings)] }).compile();
      expect(module.get(SETTINGS)).toBe(settings);
      const config = module.get(ConfigService);
      expect(config.get('port')).toBe(4321);
      expect(config.get('PORT')).toBeUndefined();
      expect(config.get('mongodbUrl')).toBe('mongodb://m/x');
      await module.close();
    } finally {
      if (previous === undefined) delete process.env.PORT;
      else process.env.PORT = previous;
    }
  });
});

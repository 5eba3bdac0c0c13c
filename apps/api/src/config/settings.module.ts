import { DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { Settings, SETTINGS } from './settings';

/**
 * The validated settings (settingsFromEnv, run before the app is built, so a wrong setting stops it before anything
 * opens) for injection: as `SETTINGS`, and through @nestjs/config's ConfigService (`config.get('port')`,
 * `config.get('auth.jwksUrl')`). The ConfigModule reads no .env file and not the process environment again: the
 * settings handed in are the only source, which is what lets tests build the app on settings of their own.
 */
@Global()
@Module({})
export class SettingsModule {
  static forRoot(settings: Settings): DynamicModule {
    return {
      module: SettingsModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validatePredefined: false, skipProcessEnv: true, load: [() => ({ ...settings })] }),
      ],
      providers: [{ provide: SETTINGS, useValue: settings }],
      exports: [SETTINGS],
    };
  }
}

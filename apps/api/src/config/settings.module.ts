import { DynamicModule, Global, Module } from '@nestjs/common';
import { Settings, SETTINGS } from './settings';

@Global()
@Module({})
export class SettingsModule {
  static forRoot(settings: Settings): DynamicModule {
    return { module: SettingsModule, providers: [{ provide: SETTINGS, useValue: settings }], exports: [SETTINGS] };
  }
}

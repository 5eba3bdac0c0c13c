import { Module, OnModuleInit } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService, MetadataScanner } from '@nestjs/core';
import { CSV_ROWS, exportRouteOf } from '../http/csv-export';
import { routeHandlers } from '../http/route-handlers';
import { exportDefinition } from './export-column-sets';

/** Refuses to start when a route marked `@CsvExport` has no declared column set: no export's columns follow the data. */
@Module({ imports: [DiscoveryModule] })
export class ExportsCheckModule implements OnModuleInit {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  onModuleInit(): void {
    const undeclared: string[] = [];
    for (const { controller, handler } of routeHandlers(this.discovery, this.scanner)) {
      if (Reflect.getMetadata(CSV_ROWS, handler) === undefined) continue;
      const route = exportRouteOf(controller, handler);
      if (!exportDefinition(route)) undeclared.push(route);
    }
    if (undeclared.length > 0) throw new Error(`exportable routes without a column set (add them to exports/export-column-sets.ts): ${undeclared.join(', ')}`);
  }
}

import { Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';

/** Every route handler of the app's controllers, for start-up checks that each route declares what it must. */
export function* routeHandlers(discovery: DiscoveryService, scanner: MetadataScanner): Generator<{ controller: Type; name: string; handler: object }> {
  for (const { metatype } of discovery.getControllers()) {
    if (!metatype) continue;
    for (const name of scanner.getAllMethodNames(metatype.prototype)) {
      const handler = metatype.prototype[name];
      if (Reflect.getMetadata(PATH_METADATA, handler) !== undefined && Reflect.getMetadata(METHOD_METADATA, handler) !== undefined) {
        yield { controller: metatype as Type, name, handler };
      }
    }
  }
}

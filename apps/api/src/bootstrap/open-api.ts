import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { applyApiConventions } from './open-api-conventions';

const config = new DocumentBuilder()
  .setTitle('Partnership CRM')
  .setDescription(
    'Event-sourced CRM for partnerships between Dutch schools and companies, municipalities and networks. ' +
      'Every command records events and answers { id, revision, position }; every query answers as of `asOf`. ' +
      'Errors answer { statusCode, code, message, field?, errors? }. See the README, "API conventions".',
  )
  .setVersion('0.1.0')
  // Relative: /docs tries routes out on the host that serves it.
  .addServer('/', 'this server')
  .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'a JWT with claims sub and roles (SPEC §6)' })
  .build();

/**
 * operationIds are method names in every generated client: routes name theirs (`getPartnershipHealth`); a route that
 * does not gets its handler's name with its controller's (`rebuildAdmin`).
 */
const operationIdOf = (controllerKey: string, methodKey: string) =>
  `${methodKey}${controllerKey.replace(/Controller$/, '')}`;

/** The API's OpenAPI document: served at /docs/json and written to openapi.json by `npm run openapi`. */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  return applyApiConventions(withoutRepeatedSecurity(SwaggerModule.createDocument(app, config, { operationIdFactory: operationIdOf })));
}

export function setUpOpenApi(app: INestApplication): void {
  // /docs serves the contract only (no data) and is outside Nest's guards: public, like any API reference. Its
  // "Authorize" button takes a bearer token for trying routes out.
  SwaggerModule.setup('docs', app, () => openApiDocument(app), { jsonDocumentUrl: 'docs/json' });
}

/** A handler's @Access overriding its controller's lists the bearer requirement twice; once is enough. */
function withoutRepeatedSecurity(document: OpenAPIObject): OpenAPIObject {
  for (const path of Object.values(document.paths)) {
    for (const operation of Object.values(path) as { security?: unknown[] }[]) {
      if (Array.isArray(operation?.security)) {
        operation.security = [...new Map(operation.security.map((entry) => [JSON.stringify(entry), entry])).values()];
      }
    }
  }
  return document;
}

import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
import { rolesFor, RouteClass } from './access-matrix';

export const IS_PUBLIC = Symbol('auth:public');
export const ROUTE_CLASS = Symbol('auth:route-class');
/** The roles a route admits, in the OpenAPI document. */
export const ROLES_EXTENSION = 'x-roles';

/** An anonymous route: no bearer token needed. SPEC §6 allows exactly one, `GET /health`. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/**
 * The class of route this controller (or handler, which overrides its controller) belongs to; the access matrix
 * (access-matrix.ts) says which roles it admits. Every non-public route must have one: the app refuses to start otherwise.
 */
export const Access = (routeClass: RouteClass) =>
  applyDecorators(
    SetMetadata(ROUTE_CLASS, routeClass),
    ApiBearerAuth(),
    // The document's conventions (bootstrap/open-api-conventions.ts) add 401/403/429 and name these roles in the 403.
    ApiExtension(ROLES_EXTENSION, rolesFor(routeClass)),
  );

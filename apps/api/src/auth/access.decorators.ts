import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { rolesFor, RouteClass } from './access-matrix';

export const IS_PUBLIC = Symbol('auth:public');
export const ROUTE_CLASS = Symbol('auth:route-class');

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
    ApiUnauthorizedResponse({ description: 'no bearer token, or one that is malformed, expired or badly signed (code `unauthenticated`)' }),
    ApiForbiddenResponse({ description: `the token's roles may not do this (code \`forbidden\`); allowed: ${rolesFor(routeClass).join(', ')}` }),
  );

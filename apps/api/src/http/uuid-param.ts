import { BadRequestException, Param, ParseUUIDPipe } from '@nestjs/common';

/** A path id: ids are UUIDs (SPEC §2), compared in lower case; anything else is a 400 naming the parameter. */
export const UuidParam = (name: string) =>
  Param(
    name,
    { transform: (value: string) => value.toLowerCase() },
    new ParseUUIDPipe({
      exceptionFactory: () =>
        new BadRequestException({
          statusCode: 400,
          code: 'invalid_id',
          message: `${name} must be a UUID`,
          errors: [{ field: name, messages: ['must be a UUID'] }],
        }),
    }),
  );

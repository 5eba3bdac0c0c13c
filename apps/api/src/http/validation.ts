import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { ErrorBody } from './error-body';
import { cacheValidationMetadata } from './validation-metadata-cache';

cacheValidationMetadata();

function flatten(errors: ValidationError[], prefix = ''): { field: string; messages: string[] }[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Unknown fields and wrong types are 400 with one entry per field. */
export const validationPipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  stopAtFirstError: true,
  validationError: { target: false, value: false },
  exceptionFactory: (errors) => {
    const fields = flatten(errors);
    const body: ErrorBody = {
      statusCode: 400,
      code: 'validation_failed',
      message: fields.map((f) => f.messages.join('; ')).join('; ') || 'invalid request',
      errors: fields,
    };
    return new BadRequestException(body);
  },
});

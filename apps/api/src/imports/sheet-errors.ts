import { HttpException } from '@nestjs/common';

/** A sheet refused as a whole (not a spreadsheet, empty, too large): a 4xx with a code, nothing written. */
export class SheetError extends HttpException {
  constructor(
    status: 400 | 413 | 415 | 422,
    readonly code: string,
    message: string,
  ) {
    super({ statusCode: status, code, message }, status);
  }
}

/** SPEC §8 limits of one import: larger sheets are 413, so a school splits its list (or uses the CLI in parts). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 50_000;

import multipart from '@fastify/multipart';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { MAX_IMPORT_BYTES, SheetError } from './sheet-errors';

export const IMPORT_ROUTE = '/api/imports';

/**
 * Multipart uploads for the sheet import only: every other route takes JSON and answers a form 415, as before
 * (SPEC §4 R2). @fastify/multipart parses nothing until the route reads the parts.
 */
export async function useSheetUploads(app: NestFastifyApplication): Promise<void> {
  await app.register(multipart as never, { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 4, fieldSize: 64 * 1024, parts: 6 } });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('preValidation', async (request: FastifyRequest, reply) => {
      if (request.isMultipart() && request.routeOptions.url !== IMPORT_ROUTE) {
        await reply.status(415).send({ statusCode: 415, code: 'unsupported_media_type', message: 'send application/json' });
      }
    });
}

/** The uploaded file (field `file`) and the text fields beside it; a file over the limit is 413. */
export async function readUpload(request: FastifyRequest): Promise<{ file: Buffer; fields: Record<string, string> }> {
  if (!request.isMultipart()) {
    throw new SheetError(415, 'multipart_required', 'send the sheet as multipart/form-data, in a field named file (curl -F file=@sheet.xlsx)');
  }
  const fields: Record<string, string> = {};
  let file: Buffer | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') file = await part.toBuffer();
      else fields[part.fieldname] = String(part.value);
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new SheetError(413, 'file_too_large', `the sheet is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MiB; split it`);
    if (code && /^FST_(PARTS|FILES|FIELDS)_LIMIT$/.test(code)) throw new SheetError(413, 'too_many_parts', 'send one file (field file) and at most a mapping field');
    throw new SheetError(400, 'malformed_upload', `the upload could not be read: ${(error as Error).message}`);
  }
  if (!file) throw new SheetError(400, 'file_missing', 'the upload has no file: send it in a field named file');
  return { file, fields };
}

import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, fieldError } from '../http/errors.ts';
import { SHEET_MAX_BYTES, type SheetMapping } from './import.ts';

/**
 * The HTTP side of the import kit, the same for every register: the uploaded file and mapping, the template query and
 * the preview answer's schema.
 */
export interface SheetUpload {
  fileName: string;
  content: Buffer;
  mapping?: SheetMapping;
}

export const sheetTemplateQuerySchema = z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx'), locale: z.enum(['de', 'en']).default('de') });
/** The client's mapping: column index of the file → field, or null for a column left out. */
const mappingSchema = z.record(z.string().regex(/^\d{1,4}$/), z.string().max(100).nullable());
export const sheetPreviewSchema = z.object({
  columns: z.array(z.string()),
  mapping: z.record(z.string(), z.string().nullable()),
  rows: z.array(
    z.object({
      row: z.int(),
      action: z.enum(['create', 'update', 'error']),
      errors: z.array(z.object({ column: z.int().nullable(), field: z.string(), code: z.string() })),
    }),
  ),
  counts: z.object({ rows: z.int(), create: z.int(), update: z.int(), error: z.int() }),
});

const multipartLimits = new Set(['FST_PARTS_LIMIT', 'FST_FILES_LIMIT', 'FST_FIELDS_LIMIT']);

/**
 * The file (field "file", at most 5 MB) and the optional mapping (field "mapping", JSON), read before the transaction.
 * A file over the limit is the spreadsheet's own 400, a body that is not well-formed multipart a 400 at the file.
 */
export async function readSheetUpload(request: FastifyRequest): Promise<SheetUpload> {
  if (!request.isMultipart()) throw fieldError(['file'], 'sheet.file_missing');
  let upload: Omit<SheetUpload, 'mapping'> | undefined;
  let mapping: SheetMapping | undefined;
  try {
    for await (const part of request.parts({ limits: { fileSize: SHEET_MAX_BYTES } })) {
      if (part.type === 'file') {
        const content = await part.toBuffer();
        if (part.fieldname === 'file' && typeof part.filename === 'string') upload = { fileName: part.filename, content };
      } else if (part.fieldname === 'mapping') {
        let json: unknown;
        try {
          json = JSON.parse(String(part.value));
        } catch {
          throw new AppError('sheet.mapping_invalid', 400);
        }
        const parsed = mappingSchema.safeParse(json);
        if (!parsed.success) throw new AppError('sheet.mapping_invalid', 400);
        mapping = Object.fromEntries(Object.entries(parsed.data).map(([index, field]) => [Number(index), field]));
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: unknown }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('sheet.too_large', 400);
    if (typeof code === 'string' && multipartLimits.has(code)) throw new AppError('payload_too_large', 413);
    throw fieldError(['file'], 'sheet.multipart_invalid');
  }
  if (!upload) throw fieldError(['file'], 'sheet.file_missing');
  return { ...upload, ...(mapping ? { mapping } : {}) };
}

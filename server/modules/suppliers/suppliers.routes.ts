import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { supplierDetailSchema, supplierPageSchema, supplierSchema, supplierSummarySchema } from '../../../domain/suppliers/suppliers.response.ts';
import {
  supplierAssetsInputSchema,
  supplierExportQuerySchema,
  supplierInputSchema,
  supplierListQuerySchema,
  supplierUpdateSchema,
} from '../../../domain/suppliers/suppliers.schema.ts';
import type { AppContext } from '../../context.ts';
import { fileResponse, orgParams, orgRoute } from '../../http/org-route.ts';
import { sheetMediaTypes } from '../../spreadsheet/export.ts';
import { readSheetUpload, sheetPreviewSchema, sheetTemplateQuerySchema } from '../../spreadsheet/upload.ts';
import { commitSupplierImport, previewSupplierImport, supplierImportTemplate } from './suppliers.import.ts';
import * as service from './suppliers.service.ts';

const supplierParams = orgParams.extend({ supplierId: z.uuid() });

/** The supplier register (Dienstleister): list, views, warnings, records and the assets each provides. */
export function supplierRoutes(app: FastifyInstance, ctx: AppContext) {
  const tags = ['suppliers'];

  orgRoute(app, ctx, {
    method: 'GET',
    url: '/api/v1/organisations/:organisationId/suppliers',
    permission: 'organisation.read',
    tags,
    summary: 'Suppliers: filtered by criticality, warning or patient-data access, searched, sorted and paged on the server',
    querystring: supplierListQuerySchema,
    response: supplierPageSchema,
    handler: ({ tx, actor, query }) => service.listPage(tx, actor.organisationId, query),
  });

  orgRoute(app, ctx, {
    method: 'GET',
    url: '/api/v1/organisations/:organisationId/suppliers/summary',
    permission: 'organisation.read',
    tags,
    summary: 'Supplier counts: total, with patient data, by criticality and by warning',
    response: supplierSummarySchema,
    handler: ({ tx, actor }) => service.summary(tx, actor.organisationId),
  });

  orgRoute(app, ctx, {
    method: 'GET',
    url: '/api/v1/organisations/:organisationId/suppliers/export',
    permission: 'organisation.read',
    tags,
    summary: 'The register (with the list filters) as XLSX or CSV: titles and labels in the chosen language, dates as dates',
    querystring: supplierExportQuerySchema,
    response: fileResponse(sheetMediaTypes.xlsx, sheetMediaTypes.csv),
    handler: async ({ tx, actor, query, reply }) => {
      const { file, fileName, mediaType } = await service.exportSuppliers(tx, actor.organisationId, query);
      reply.header('content-type', mediaType).header('content-disposition', `attachment; filename="${fileName}"`).header('cache-control', 'private, no-store');
      return file;
    },
  });

  orgRoute(app, ctx, {
    method: 'GET',
    url: '/api/v1/organisations/:organisationId/suppliers/import/template',
    permission: 'organisation.read',
    tags,
    summary: "The file to fill in for an import: the register's columns and one example row, as XLSX or CSV",
    querystring: sheetTemplateQuerySchema,
    response: fileResponse(sheetMediaTypes.xlsx, sheetMediaTypes.csv),
    handler: async ({ query, reply }) => {
      const { file, fileName, mediaType } = await supplierImportTemplate(query.format, query.locale);
      reply.header('content-type', mediaType).header('content-disposition', `attachment; filename="${fileName}"`).header('cache-control', 'private, no-store');
      return file;
    },
  });

  orgRoute(app, ctx, {
    method: 'POST',
    url: '/api/v1/organisations/:organisationId/suppliers/import/preview',
    permission: 'registers.edit',
    tags,
    summary: 'Read an XLSX or CSV file (multipart "file", optional "mapping" JSON) and show what an import would do, row by row; writes nothing',
    consumes: ['multipart/form-data'],
    response: sheetPreviewSchema,
    prepare: readSheetUpload,
    handler: ({ tx, actor, prepared }) => previewSupplierImport(tx, actor.organisationId, prepared),
  });

  orgRoute(app, ctx, {
    method: 'POST',
    url: '/api/v1/organisations/:organisationId/suppliers/import',
    permission: 'registers.edit',
    tags,
    summary: 'Import an XLSX or CSV file: all rows or none; an existing name (in any case) updates that supplier, its AVV file and assets stay',
    consumes: ['multipart/form-data'],
    response: z.object({ created: z.int(), updated: z.int() }),
    prepare: readSheetUpload,
    handler: ({ tx, actor, prepared }) => commitSupplierImport(tx, actor, prepared),
  });

  orgRoute(app, ctx, {
    method: 'GET',
    url: '/api/v1/organisations/:organisationId/suppliers/:supplierId',
    permission: 'organisation.read',
    tags,
    summary: 'One supplier with its warnings, the assets it provides and its AVV document',
    params: supplierParams,
    response: supplierDetailSchema,
    handler: ({ tx, actor, params }) => service.getSupplier(tx, actor.organisationId, params.supplierId),
  });

  orgRoute(app, ctx, {
    method: 'POST',
    url: '/api/v1/organisations/:organisationId/suppliers',
    permission: 'registers.edit',
    tags,
    summary: 'Record a supplier',
    body: supplierInputSchema,
    status: 201,
    response: supplierSchema,
    handler: ({ tx, actor, body }) => service.createSupplier(tx, actor, body),
  });

  orgRoute(app, ctx, {
    method: 'PUT',
    url: '/api/v1/organisations/:organisationId/suppliers/:supplierId',
    permission: 'registers.edit',
    tags,
    summary: 'Change a supplier (409 when someone else changed it since the given revision)',
    params: supplierParams,
    body: supplierUpdateSchema,
    response: supplierSchema,
    handler: ({ tx, actor, params, body }) => service.updateSupplier(tx, actor, params.supplierId, body),
  });

  orgRoute(app, ctx, {
    method: 'DELETE',
    url: '/api/v1/organisations/:organisationId/suppliers/:supplierId',
    permission: 'registers.edit',
    tags,
    summary: 'Remove a supplier and its asset links',
    params: supplierParams,
    response: null,
    handler: async ({ tx, actor, params }) => {
      await service.deleteSupplier(tx, actor, params.supplierId);
      return undefined;
    },
  });

  orgRoute(app, ctx, {
    method: 'PUT',
    url: '/api/v1/organisations/:organisationId/suppliers/:supplierId/assets',
    permission: 'registers.edit',
    tags,
    summary: 'Set the assets and services this supplier provides (the given set replaces the previous one)',
    params: supplierParams,
    body: supplierAssetsInputSchema,
    response: supplierDetailSchema,
    handler: ({ tx, actor, params, body }) => service.setSupplierAssets(tx, actor, params.supplierId, body),
  });
}

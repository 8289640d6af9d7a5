import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { assetDetailSchema, assetPageSchema, assetRelationSchema, assetSchema, assetSummarySchema } from '../../../domain/assets/assets.response.ts';
import {
  assetExportQuerySchema,
  assetInputSchema,
  assetListQuerySchema,
  assetRelationInputSchema,
  assetUpdateSchema,
} from '../../../domain/assets/assets.schema.ts';
import type { AppContext } from '../../context.ts';
import { fileResponse, orgParams, orgRoute } from '../../http/org-route.ts';
import { sheetMediaTypes } from '../../spreadsheet/export.ts';
import { readSheetUpload, sheetPreviewSchema, sheetTemplateQuerySchema } from '../../spreadsheet/upload.ts';
import { assetImportTemplate, commitAssetImport, previewAssetImport } from './assets.import.ts';
import * as service from './assets.service.ts';

const assetParams = orgParams.extend({ assetId: z.uuid() });
const relationParams = assetParams.extend({ relationId: z.uuid() });

/** The asset register (Geräte & Dienste): list, views, warnings, records and their relations. */
export function assetRoutes(app: FastifyInstance, ctx: AppContext) {
  const tags = ['assets'];

  orgRoute(app, ctx, {
    method: 'GET',
    url: '/api/v1/organisations/:organisationId/assets',
    permission: 'organisation.read',
    tags,
    summary: 'Assets: filtered by kind, location or warning, searched, sorted and paged on the server',
    querystring: assetListQuerySchema,
    response: assetPageSchema,
    handler: ({ tx, actor, query }) => service.listPage(tx, actor.organisationId, query),
  });

  orgRoute(app, ctx, {
    method: 'GET',
    url: '/api/v1/organisations/:organisationId/assets/summary',
    permission: 'organisation.read',
    tags,
    summary: 'Asset counts by kind, by location and by warning',
    response: assetSummarySchema,
    handler: ({ tx, actor }) => service.summary(tx, actor.organisationId),
  });

  orgRoute(app, ctx, {
    method: 'GET',
    url: '/api/v1/organisations/:organisationId/assets/export',
    permission: 'organisation.read',
    tags,
    summary: 'The register (with the list filters) as XLSX or CSV: titles and labels in the chosen language, dates as dates',
    querystring: assetExportQuerySchema,
    response: fileResponse(sheetMediaTypes.xlsx, sheetMediaTypes.csv),
    handler: async ({ tx, actor, query, reply }) => {
      const { file, fileName, mediaType } = await service.exportAssets(tx, actor.organisationId, query);
      reply.header('content-type', mediaType).header('content-disposition', `attachment; filename="${fileName}"`).header('cache-control', 'private, no-store');
      return file;
    },
  });

  orgRoute(app, ctx, {
    method: 'GET',
    url: '/api/v1/organisations/:organisationId/assets/import/template',
    permission: 'organisation.read',
    tags,
    summary: "The file to fill in for an import: the register's columns and one example row, as XLSX or CSV",
    querystring: sheetTemplateQuerySchema,
    response: fileResponse(sheetMediaTypes.xlsx, sheetMediaTypes.csv),
    handler: async ({ query, reply }) => {
      const { file, fileName, mediaType } = await assetImportTemplate(query.format, query.locale);
      reply.header('content-type', mediaType).header('content-disposition', `attachment; filename="${fileName}"`).header('cache-control', 'private, no-store');
      return file;
    },
  });

  orgRoute(app, ctx, {
    method: 'POST',
    url: '/api/v1/organisations/:organisationId/assets/import/preview',
    permission: 'registers.edit',
    tags,
    summary: 'Read an XLSX or CSV file (multipart "file", optional "mapping" JSON) and show what an import would do, row by row; writes nothing',
    consumes: ['multipart/form-data'],
    response: sheetPreviewSchema,
    prepare: readSheetUpload,
    handler: ({ tx, actor, prepared }) => previewAssetImport(tx, actor.organisationId, prepared),
  });

  orgRoute(app, ctx, {
    method: 'POST',
    url: '/api/v1/organisations/:organisationId/assets/import',
    permission: 'registers.edit',
    tags,
    summary: 'Import an XLSX or CSV file: all rows or none; an existing inventory number updates that asset',
    consumes: ['multipart/form-data'],
    response: z.object({ created: z.int(), updated: z.int() }),
    prepare: readSheetUpload,
    handler: ({ tx, actor, prepared }) => commitAssetImport(tx, actor, prepared),
  });

  orgRoute(app, ctx, {
    method: 'GET',
    url: '/api/v1/organisations/:organisationId/assets/:assetId',
    permission: 'organisation.read',
    tags,
    summary: 'One asset with its warnings and relations',
    params: assetParams,
    response: assetDetailSchema,
    handler: ({ tx, actor, params }) => service.getAsset(tx, actor.organisationId, params.assetId),
  });

  orgRoute(app, ctx, {
    method: 'POST',
    url: '/api/v1/organisations/:organisationId/assets',
    permission: 'registers.edit',
    tags,
    summary: 'Record an asset',
    body: assetInputSchema,
    status: 201,
    response: assetSchema,
    handler: ({ tx, actor, body }) => service.createAsset(tx, actor, body),
  });

  orgRoute(app, ctx, {
    method: 'PUT',
    url: '/api/v1/organisations/:organisationId/assets/:assetId',
    permission: 'registers.edit',
    tags,
    summary: 'Change an asset (409 when someone else changed it since the given revision)',
    params: assetParams,
    body: assetUpdateSchema,
    response: assetSchema,
    handler: ({ tx, actor, params, body }) => service.updateAsset(tx, actor, params.assetId, body),
  });

  orgRoute(app, ctx, {
    method: 'DELETE',
    url: '/api/v1/organisations/:organisationId/assets/:assetId',
    permission: 'registers.edit',
    tags,
    summary: 'Remove an asset and its relations',
    params: assetParams,
    response: null,
    handler: async ({ tx, actor, params }) => {
      await service.deleteAsset(tx, actor, params.assetId);
      return undefined;
    },
  });

  orgRoute(app, ctx, {
    method: 'POST',
    url: '/api/v1/organisations/:organisationId/assets/:assetId/relations',
    permission: 'registers.edit',
    tags,
    summary: 'Record that this asset runs on, is stored in or is used by another',
    params: assetParams,
    body: assetRelationInputSchema,
    status: 201,
    response: assetRelationSchema,
    handler: ({ tx, actor, params, body }) => service.addRelation(tx, actor, params.assetId, body),
  });

  orgRoute(app, ctx, {
    method: 'DELETE',
    url: '/api/v1/organisations/:organisationId/assets/:assetId/relations/:relationId',
    permission: 'registers.edit',
    tags,
    summary: 'Remove a relation',
    params: relationParams,
    response: null,
    handler: async ({ tx, actor, params }) => {
      await service.removeRelation(tx, actor, params.assetId, params.relationId);
      return undefined;
    },
  });
}

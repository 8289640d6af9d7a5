import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { riskMatrixLabelsResponseSchema, riskPageSchema, riskSchema, riskSummarySchema, riskTemplateListSchema } from '../../../domain/risks/risks.response.ts';
import {
  riskAcceptanceSchema,
  riskAdoptSchema,
  riskExportQuerySchema,
  riskInputSchema,
  riskListQuerySchema,
  riskMatrixLabelsQuerySchema,
  riskMatrixLabelsUpdateSchema,
  riskTemplatesQuerySchema,
  riskUpdateSchema,
} from '../../../domain/risks/risks.schema.ts';
import type { AppContext } from '../../context.ts';
import { fileResponse, orgParams, orgRoute } from '../../http/org-route.ts';
import { sheetMediaTypes } from '../../spreadsheet/export.ts';
import { readSheetUpload, sheetPreviewSchema, sheetTemplateQuerySchema } from '../../spreadsheet/upload.ts';
import { matrixLabels, setMatrixLabels } from './risk-matrix-labels.ts';
import { commitRiskImport, previewRiskImport, riskImportTemplate } from './risks.import.ts';
import * as service from './risks.service.ts';

const riskParams = orgParams.extend({ riskId: z.uuid() });
const templateParams = orgParams.extend({ templateId: z.string().regex(/^RT-\d{2}$/) });

/** The risk register: list, counts and heat maps, records, the template library and management's acceptance. */
export function riskRoutes(app: FastifyInstance, ctx: AppContext) {
  const tags = ['risks'];

  orgRoute(app, ctx, {
    method: 'GET',
    url: '/api/v1/organisations/:organisationId/risks',
    permission: 'organisation.read',
    tags,
    summary: 'Risks: filtered by level, treatment, decision and acceptance, searched, sorted and paged on the server',
    querystring: riskListQuerySchema,
    response: riskPageSchema,
    handler: ({ tx, actor, query }) => service.listPage(tx, actor.organisationId, query),
  });

  orgRoute(app, ctx, {
    method: 'GET',
    url: '/api/v1/organisations/:organisationId/risks/summary',
    permission: 'organisation.read',
    tags,
    summary: 'Risk counts: heat maps of the inherent and the current rating, by level and treatment, open decisions',
    response: riskSummarySchema,
    handler: ({ tx, actor }) => service.summary(tx, actor.organisationId),
  });

  orgRoute(app, ctx, {
    method: 'GET',
    url: '/api/v1/organisations/:organisationId/risks/templates',
    permission: 'organisation.read',
    tags,
    summary: 'The risk template library in German or English, each marked when adopted by this organisation',
    querystring: riskTemplatesQuerySchema,
    response: riskTemplateListSchema,
    handler: ({ tx, actor, query }) => service.listTemplates(tx, actor.organisationId, query.locale),
  });

  orgRoute(app, ctx, {
    method: 'POST',
    url: '/api/v1/organisations/:organisationId/risks/templates/:templateId/adopt',
    permission: 'registers.edit',
    tags,
    summary: 'Adopt a template as a risk in the given language (again: the risk adopted before)',
    params: templateParams,
    body: riskAdoptSchema,
    response: riskSchema,
    handler: ({ tx, actor, params, body }) => service.adoptTemplate(tx, actor, params.templateId, body.locale),
  });

  orgRoute(app, ctx, {
    method: 'GET',
    url: '/api/v1/organisations/:organisationId/risks/export',
    permission: 'organisation.read',
    tags,
    summary: 'The register (with the list filters) as XLSX or CSV: titles and labels in the chosen language, dates as dates',
    querystring: riskExportQuerySchema,
    response: fileResponse(sheetMediaTypes.xlsx, sheetMediaTypes.csv),
    handler: async ({ tx, actor, query, reply }) => {
      const { file, fileName, mediaType } = await service.exportRisks(tx, actor.organisationId, query);
      reply.header('content-type', mediaType).header('content-disposition', `attachment; filename="${fileName}"`).header('cache-control', 'private, no-store');
      return file;
    },
  });

  orgRoute(app, ctx, {
    method: 'GET',
    url: '/api/v1/organisations/:organisationId/risks/import/template',
    permission: 'organisation.read',
    tags,
    summary: "The file to fill in for an import: the register's columns and one example row, as XLSX or CSV",
    querystring: sheetTemplateQuerySchema,
    response: fileResponse(sheetMediaTypes.xlsx, sheetMediaTypes.csv),
    handler: async ({ tx, actor, query, reply }) => {
      const { file, fileName, mediaType } = await riskImportTemplate(tx, actor.organisationId, query.format, query.locale);
      reply.header('content-type', mediaType).header('content-disposition', `attachment; filename="${fileName}"`).header('cache-control', 'private, no-store');
      return file;
    },
  });

  orgRoute(app, ctx, {
    method: 'POST',
    url: '/api/v1/organisations/:organisationId/risks/import/preview',
    permission: 'registers.edit',
    tags,
    summary: 'Read an XLSX or CSV file (multipart "file", optional "mapping" JSON) and show what an import would do, row by row; writes nothing',
    consumes: ['multipart/form-data'],
    response: sheetPreviewSchema,
    prepare: readSheetUpload,
    handler: ({ tx, actor, prepared }) => previewRiskImport(tx, actor.organisationId, prepared),
  });

  orgRoute(app, ctx, {
    method: 'POST',
    url: '/api/v1/organisations/:organisationId/risks/import',
    permission: 'registers.edit',
    tags,
    summary: 'Import an XLSX or CSV file: all rows or none; a known number (R-7) updates that risk, a row without one is numbered as a new risk',
    consumes: ['multipart/form-data'],
    response: z.object({ created: z.int(), updated: z.int() }),
    prepare: readSheetUpload,
    handler: ({ tx, actor, prepared }) => commitRiskImport(tx, actor, prepared),
  });

  orgRoute(app, ctx, {
    method: 'GET',
    url: '/api/v1/organisations/:organisationId/risks/matrix-labels',
    permission: 'organisation.read',
    tags,
    summary: "The labels of the matrix's axes: the organisation's own, or the defaults in the given language",
    querystring: riskMatrixLabelsQuerySchema,
    response: riskMatrixLabelsResponseSchema,
    handler: ({ tx, actor, query }) => matrixLabels(tx, actor.organisationId, query.locale),
  });

  orgRoute(app, ctx, {
    method: 'PUT',
    url: '/api/v1/organisations/:organisationId/risks/matrix-labels',
    permission: 'registers.edit',
    tags,
    summary: "Set the organisation's five labels per axis, or null for the defaults (409 on a stale revision)",
    querystring: riskMatrixLabelsQuerySchema,
    body: riskMatrixLabelsUpdateSchema,
    response: riskMatrixLabelsResponseSchema,
    handler: ({ tx, actor, query, body }) => setMatrixLabels(tx, actor, body, query.locale),
  });

  orgRoute(app, ctx, {
    method: 'GET',
    url: '/api/v1/organisations/:organisationId/risks/:riskId',
    permission: 'organisation.read',
    tags,
    summary: 'One risk with its rating',
    params: riskParams,
    response: riskSchema,
    handler: ({ tx, actor, params }) => service.getRisk(tx, actor.organisationId, params.riskId),
  });

  orgRoute(app, ctx, {
    method: 'POST',
    url: '/api/v1/organisations/:organisationId/risks',
    permission: 'registers.edit',
    tags,
    summary: 'Record a risk (numbered R-1, R-2, … per organisation)',
    body: riskInputSchema,
    status: 201,
    response: riskSchema,
    handler: ({ tx, actor, body }) => service.createRisk(tx, actor, body),
  });

  orgRoute(app, ctx, {
    method: 'PUT',
    url: '/api/v1/organisations/:organisationId/risks/:riskId',
    permission: 'registers.edit',
    tags,
    summary: 'Change a risk (409 on a stale revision; a changed rating or treatment clears the acceptance)',
    params: riskParams,
    body: riskUpdateSchema,
    response: riskSchema,
    handler: ({ tx, actor, params, body }) => service.updateRisk(tx, actor, params.riskId, body),
  });

  orgRoute(app, ctx, {
    method: 'DELETE',
    url: '/api/v1/organisations/:organisationId/risks/:riskId',
    permission: 'registers.edit',
    tags,
    summary: 'Remove a risk',
    params: riskParams,
    response: null,
    handler: async ({ tx, actor, params }) => {
      await service.deleteRisk(tx, actor, params.riskId);
      return undefined;
    },
  });

  orgRoute(app, ctx, {
    method: 'POST',
    url: '/api/v1/organisations/:organisationId/risks/:riskId/acceptance',
    permission: 'risks.accept',
    tags,
    summary: 'Management accepts the risk at the given revision (only with the treatment "accept")',
    params: riskParams,
    body: riskAcceptanceSchema,
    response: riskSchema,
    handler: ({ tx, actor, params, body }) => service.acceptRisk(tx, actor, params.riskId, body.revision),
  });

  orgRoute(app, ctx, {
    method: 'DELETE',
    url: '/api/v1/organisations/:organisationId/risks/:riskId/acceptance',
    permission: 'risks.accept',
    tags,
    summary: 'Management withdraws its acceptance of the risk',
    params: riskParams,
    response: riskSchema,
    handler: ({ tx, actor, params }) => service.withdrawAcceptance(tx, actor, params.riskId),
  });
}

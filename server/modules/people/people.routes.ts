import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { peopleRetentionSchema, personFiguresSchema, personPageSchema, personSchema, personSummarySchema } from '../../../domain/people/people.response.ts';
import {
  peopleRetentionInputSchema,
  personExportQuerySchema,
  personFiguresQuerySchema,
  personInputSchema,
  personListQuerySchema,
  personUpdateSchema,
} from '../../../domain/people/people.schema.ts';
import type { AppContext } from '../../context.ts';
import { fileResponse, orgParams, orgRoute } from '../../http/org-route.ts';
import { sheetMediaTypes } from '../../spreadsheet/export.ts';
import { readSheetUpload, sheetPreviewSchema, sheetTemplateQuerySchema } from '../../spreadsheet/upload.ts';
import { commitPersonImport, personImportTemplate, previewPersonImport } from './people.import.ts';
import * as service from './people.service.ts';

const personParams = orgParams.extend({ personId: z.uuid() });

/** The people register (Personal): everyone who works in or for the practice, with or without an account. */
export function peopleRoutes(app: FastifyInstance, ctx: AppContext) {
  const tags = ['people'];

  orgRoute(app, ctx, {
    method: 'GET',
    url: '/api/v1/organisations/:organisationId/people',
    permission: 'organisation.read',
    tags,
    summary: 'People: filtered by role, location, status or figure, searched, sorted and paged on the server',
    querystring: personListQuerySchema,
    response: personPageSchema,
    handler: ({ tx, actor, query }) => service.listPage(tx, actor.organisationId, query),
  });

  orgRoute(app, ctx, {
    method: 'GET',
    url: '/api/v1/organisations/:organisationId/people/summary',
    permission: 'organisation.read',
    tags,
    summary: 'People counts: total, by status, by role and by location, with the retention period',
    response: personSummarySchema,
    handler: ({ tx, actor }) => service.summary(tx, actor.organisationId),
  });

  orgRoute(app, ctx, {
    method: 'GET',
    url: '/api/v1/organisations/:organisationId/people/figures',
    permission: 'organisation.read',
    tags,
    summary: 'KBV persons with patient data and NIS2 annual work units on a day (default today), computed in SQL, with the first 50 contributors',
    querystring: personFiguresQuerySchema,
    response: personFiguresSchema,
    handler: ({ tx, actor, query }) => service.figures(tx, actor.organisationId, query),
  });

  orgRoute(app, ctx, {
    method: 'PUT',
    url: '/api/v1/organisations/:organisationId/people/retention',
    permission: 'people.edit',
    tags,
    summary: "Months a leaver's record is kept after the end date before it may be deleted (0–120)",
    body: peopleRetentionInputSchema,
    response: peopleRetentionSchema,
    handler: ({ tx, actor, body }) => service.setRetention(tx, actor, body),
  });

  orgRoute(app, ctx, {
    method: 'GET',
    url: '/api/v1/organisations/:organisationId/people/export',
    permission: 'organisation.read',
    tags,
    summary: 'The register (with the list filters) as XLSX or CSV: titles and labels in the chosen language, dates as dates',
    querystring: personExportQuerySchema,
    response: fileResponse(sheetMediaTypes.xlsx, sheetMediaTypes.csv),
    handler: async ({ tx, actor, query, reply }) => {
      const { file, fileName, mediaType } = await service.exportPeople(tx, actor.organisationId, query);
      reply.header('content-type', mediaType).header('content-disposition', `attachment; filename="${fileName}"`).header('cache-control', 'private, no-store');
      return file;
    },
  });

  orgRoute(app, ctx, {
    method: 'GET',
    url: '/api/v1/organisations/:organisationId/people/import/template',
    permission: 'organisation.read',
    tags,
    summary: "The file to fill in for an import: the register's columns and one example row, as XLSX or CSV",
    querystring: sheetTemplateQuerySchema,
    response: fileResponse(sheetMediaTypes.xlsx, sheetMediaTypes.csv),
    handler: async ({ query, reply }) => {
      const { file, fileName, mediaType } = await personImportTemplate(query.format, query.locale);
      reply.header('content-type', mediaType).header('content-disposition', `attachment; filename="${fileName}"`).header('cache-control', 'private, no-store');
      return file;
    },
  });

  orgRoute(app, ctx, {
    method: 'POST',
    url: '/api/v1/organisations/:organisationId/people/import/preview',
    permission: 'people.edit',
    tags,
    summary: 'Read an XLSX or CSV file (multipart "file", optional "mapping" JSON) and show what an import would do, row by row; writes nothing',
    consumes: ['multipart/form-data'],
    response: sheetPreviewSchema,
    prepare: readSheetUpload,
    handler: ({ tx, actor, prepared }) => previewPersonImport(tx, actor.organisationId, prepared),
  });

  orgRoute(app, ctx, {
    method: 'POST',
    url: '/api/v1/organisations/:organisationId/people/import',
    permission: 'people.edit',
    tags,
    summary: 'Import an XLSX or CSV file: all rows or none; the personnel number (else a unique name) updates that person',
    consumes: ['multipart/form-data'],
    response: z.object({ created: z.int(), updated: z.int() }),
    prepare: readSheetUpload,
    handler: ({ tx, actor, prepared }) => commitPersonImport(tx, actor, prepared),
  });

  orgRoute(app, ctx, {
    method: 'GET',
    url: '/api/v1/organisations/:organisationId/people/:personId',
    permission: 'organisation.read',
    tags,
    summary: 'One person with the status of today',
    params: personParams,
    response: personSchema,
    handler: ({ tx, actor, params }) => service.getPerson(tx, actor.organisationId, params.personId),
  });

  orgRoute(app, ctx, {
    method: 'POST',
    url: '/api/v1/organisations/:organisationId/people',
    permission: 'people.edit',
    tags,
    summary: 'Record a person',
    body: personInputSchema,
    status: 201,
    response: personSchema,
    handler: ({ tx, actor, body }) => service.createPerson(tx, actor, body),
  });

  orgRoute(app, ctx, {
    method: 'PUT',
    url: '/api/v1/organisations/:organisationId/people/:personId',
    permission: 'people.edit',
    tags,
    summary: 'Change a person (409 when someone else changed them since the given revision)',
    params: personParams,
    body: personUpdateSchema,
    response: personSchema,
    handler: ({ tx, actor, params, body }) => service.updatePerson(tx, actor, params.personId, body),
  });

  orgRoute(app, ctx, {
    method: 'DELETE',
    url: '/api/v1/organisations/:organisationId/people/:personId',
    permission: 'people.edit',
    tags,
    summary: 'Remove a person who never started, or a leaver whose retention period has passed (otherwise 409)',
    params: personParams,
    response: null,
    handler: async ({ tx, actor, params }) => {
      await service.deletePerson(tx, actor, params.personId);
      return undefined;
    },
  });
}

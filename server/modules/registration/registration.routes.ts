import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { registrationSetupSchema } from '../../../domain/registration/registration.ts';
import type { AppContext } from '../../context.ts';
import { withOrganisation } from '../../db/tenant.ts';
import { requireMember } from '../../http/auth.ts';
import { draftToPdf } from '../incidents/drafts.ts';
import { orgParams } from '../organisations/organisations.routes.ts';
import { getRegistration, registrationSheet, saveRegistration } from './registration.service.ts';

export function registrationRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['registration'];

  r.get('/api/v1/organisations/:organisationId/registration', { schema: { tags, summary: '§ 33 BSIG registration data, contacts, checklist and readiness', params: orgParams } }, async (request) => {
    const actor = await requireMember(ctx, request, request.params.organisationId);
    return withOrganisation(ctx.db, actor.organisationId, (tx) => getRegistration(tx, actor.organisationId));
  });

  r.put(
    '/api/v1/organisations/:organisationId/registration',
    { schema: { tags, summary: 'Save the registration data, contacts and checklist', params: orgParams, body: registrationSetupSchema } },
    async (request) => {
      const actor = await requireMember(ctx, request, request.params.organisationId, { write: true, roles: ['management', 'it_lead'] });
      return withOrganisation(ctx.db, actor.organisationId, (tx) => saveRegistration(tx, actor, request.body));
    },
  );

  r.get(
    '/api/v1/organisations/:organisationId/registration/datasheet/pdf',
    { schema: { tags, summary: 'Data sheet with everything the registration asks for (PDF)', params: orgParams } },
    async (request, reply) => {
      const actor = await requireMember(ctx, request, request.params.organisationId);
      const registration = await withOrganisation(ctx.db, actor.organisationId, (tx) => getRegistration(tx, actor.organisationId));
      const pdf = await draftToPdf(registrationSheet(registration), 'Aus praxisschild. Angaben vor der Registrierung im BSI-Portal prüfen; Änderungen sind binnen zwei Wochen nachzumelden.');
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', 'attachment; filename="praxisschild-registrierung-33-bsig.pdf"')
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );
}

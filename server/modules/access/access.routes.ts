import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  accessSummarySchema,
  accountPageSchema,
  accountSchema,
  checklistListSchema,
  checklistSchema,
  checklistTemplateSchema,
  personAccountsSchema,
} from '../../../domain/access/access.response.ts';
import {
  accountInputSchema,
  accountListQuerySchema,
  accountUpdateSchema,
  CHECKLIST_ITEMS_MAX,
  checklistItemDoneSchema,
  checklistKinds,
  checklistLocaleQuerySchema,
  checklistStartSchema,
  checklistTemplateInputSchema,
} from '../../../domain/access/access.schema.ts';
import type { AppContext } from '../../context.ts';
import { orgParams, orgRoute } from '../../http/org-route.ts';
import * as service from './access.service.ts';

const personParams = orgParams.extend({ personId: z.uuid() });
const accountParams = orgParams.extend({ accountId: z.uuid() });
const itemParams = orgParams.extend({ checklistId: z.uuid(), position: z.coerce.number().int().min(1).max(CHECKLIST_ITEMS_MAX) });

/** Access (Zugänge): the accounts, cards and keys of each person, the leaver and MFA warnings, on-/offboarding checklists. */
export function accessRoutes(app: FastifyInstance, ctx: AppContext) {
  const tags = ['access'];
  const org = '/api/v1/organisations/:organisationId' as const;

  orgRoute(app, ctx, {
    method: 'GET',
    url: `${org}/accounts`,
    permission: 'organisation.read',
    tags,
    summary: 'All accounts across people: by system or status, only admin accounts without MFA, only active accounts of leavers; paged on the server',
    querystring: accountListQuerySchema,
    response: accountPageSchema,
    handler: ({ tx, actor, query }) => service.listPage(tx, actor.organisationId, query),
  });

  orgRoute(app, ctx, {
    method: 'GET',
    url: `${org}/access/summary`,
    permission: 'organisation.read',
    tags,
    summary: 'For the dashboard: leavers with active accounts (count and the first 20), admin accounts without MFA',
    response: accessSummarySchema,
    handler: ({ tx, actor }) => service.summary(tx, actor.organisationId),
  });

  orgRoute(app, ctx, {
    method: 'GET',
    url: `${org}/people/:personId/accounts`,
    permission: 'organisation.read',
    tags,
    summary: "A person's accounts with their warnings and the leaver flag (KBV Anlage 1 Nr. 2)",
    params: personParams,
    response: personAccountsSchema,
    handler: ({ tx, actor, params }) => service.personAccountsOf(tx, actor.organisationId, params.personId),
  });

  orgRoute(app, ctx, {
    method: 'POST',
    url: `${org}/people/:personId/accounts`,
    permission: 'people.edit',
    tags,
    summary: 'Record an account, card or key of a person (never its password or PIN)',
    params: personParams,
    body: accountInputSchema,
    status: 201,
    response: accountSchema,
    handler: ({ tx, actor, params, body }) => service.createAccount(tx, actor, params.personId, body),
  });

  orgRoute(app, ctx, {
    method: 'PUT',
    url: `${org}/accounts/:accountId`,
    permission: 'people.edit',
    tags,
    summary: 'Change an account (409 when someone else changed it since the given revision)',
    params: accountParams,
    body: accountUpdateSchema,
    response: accountSchema,
    handler: ({ tx, actor, params, body }) => service.updateAccount(tx, actor, params.accountId, body),
  });

  orgRoute(app, ctx, {
    method: 'DELETE',
    url: `${org}/accounts/:accountId`,
    permission: 'people.edit',
    tags,
    summary: 'Remove an account recorded by mistake (a withdrawn access is disabled, not removed)',
    params: accountParams,
    response: null,
    handler: async ({ tx, actor, params }) => {
      await service.deleteAccount(tx, actor, params.accountId);
      return undefined;
    },
  });

  orgRoute(app, ctx, {
    method: 'POST',
    url: `${org}/accounts/:accountId/disable`,
    permission: 'people.edit',
    tags,
    summary: 'Disable an account from today; an account already disabled stays as it is',
    params: accountParams,
    response: accountSchema,
    handler: ({ tx, actor, params }) => service.disableAccount(tx, actor, params.accountId),
  });

  // One route per kind (no :kind parameter): the kinds are fixed words, not records of an organisation.
  for (const kind of checklistKinds) {
    orgRoute(app, ctx, {
      method: 'GET',
      url: `${org}/checklist-templates/${kind}`,
      permission: 'organisation.read',
      tags,
      summary: "The organisation's on- or offboarding checklist, or the built-in defaults in the given language",
      querystring: checklistLocaleQuerySchema,
      response: checklistTemplateSchema,
      handler: ({ tx, actor, query }) => service.getTemplate(tx, actor.organisationId, kind, query.locale),
    });

    orgRoute(app, ctx, {
      method: 'PUT',
      url: `${org}/checklist-templates/${kind}`,
      permission: 'people.edit',
      tags,
      summary: 'Save the on- or offboarding checklist (1 to 50 items in their order); checklists already started keep their items',
      body: checklistTemplateInputSchema,
      response: checklistTemplateSchema,
      handler: ({ tx, actor, body }) => service.putTemplate(tx, actor, kind, body.items),
    });

    orgRoute(app, ctx, {
      method: 'DELETE',
      url: `${org}/checklist-templates/${kind}`,
      permission: 'people.edit',
      tags,
      summary: 'Go back to the built-in checklist of this kind; answers it in the given language',
      querystring: checklistLocaleQuerySchema,
      response: checklistTemplateSchema,
      handler: ({ tx, actor, query }) => service.resetTemplate(tx, actor, kind, query.locale),
    });
  }

  orgRoute(app, ctx, {
    method: 'GET',
    url: `${org}/people/:personId/checklists`,
    permission: 'organisation.read',
    tags,
    summary: "A person's on- and offboarding checklists, open ones first",
    params: personParams,
    response: checklistListSchema,
    handler: ({ tx, actor, params }) => service.checklistsOf(tx, actor.organisationId, params.personId),
  });

  orgRoute(app, ctx, {
    method: 'POST',
    url: `${org}/people/:personId/checklists`,
    permission: 'people.edit',
    tags,
    summary: 'Start an on- or offboarding checklist from the template as it stands (409 while one of the kind is open)',
    params: personParams,
    body: checklistStartSchema,
    status: 201,
    response: checklistSchema,
    handler: ({ tx, actor, params, body }) => service.startChecklist(tx, actor, params.personId, body.kind, body.locale),
  });

  orgRoute(app, ctx, {
    method: 'PUT',
    url: `${org}/checklists/:checklistId/items/:position`,
    permission: 'people.edit',
    tags,
    summary: 'Tick or untick one item of a checklist; the checklist is complete when every item is done',
    params: itemParams,
    body: checklistItemDoneSchema,
    response: checklistSchema,
    handler: ({ tx, actor, params, body }) => service.setItemDone(tx, actor, params.checklistId, params.position, body.done),
  });
}
